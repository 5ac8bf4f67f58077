// Asks the store now and then whether it answers, and says when that changes: the server's
// health check reports NOT_SERVING while its database is unreachable (PostgreSQL restarting,
// the network to it down) and SERVING again once it answers, so a load balancer sends devices
// to a replica that can store their pushes.
#pragma once

#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <thread>

#include "server_store.h"

namespace nextstep::server {

class StoreWatch {
 public:
  // Called on the watch's thread, with the new answer, each time it changes; under the watch's
  // lock (so stop() waits for it), so it must not call the watch.
  using Changed = std::function<void(bool reachable)>;

  StoreWatch(ServerStore& store, std::chrono::milliseconds interval, Changed changed);
  ~StoreWatch();
  StoreWatch(const StoreWatch&) = delete;
  StoreWatch& operator=(const StoreWatch&) = delete;

  void start();
  void stop();  // once it returns, `changed` is not called again

 private:
  void run();

  ServerStore& store_;
  std::chrono::milliseconds interval_;
  Changed changed_;
  std::mutex mu_;
  std::condition_variable wake_;
  bool stopping_ = false;
  bool reachable_ = true;  // the store was just opened
  std::thread thread_;
};

}  // namespace nextstep::server
