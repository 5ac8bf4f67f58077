// A few threads for password logins: Argon2id takes tens of milliseconds and 64 MiB on purpose,
// so it runs here rather than on gRPC's callback threads, and the bounded queue caps how much
// memory a burst of logins can take.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace nextstep::server {

class LoginWorkers {
 public:
  LoginWorkers(int threads, std::size_t max_queued);
  ~LoginWorkers();
  LoginWorkers(const LoginWorkers&) = delete;
  LoginWorkers& operator=(const LoginWorkers&) = delete;

  // False when the queue is full or the workers stopped.
  bool submit(std::function<void()> job);
  // Runs what is queued, then joins the threads.
  void stop();

 private:
  void run();

  std::size_t max_queued_;
  std::mutex mu_;
  std::condition_variable queued_;
  std::deque<std::function<void()>> queue_;
  bool stopping_ = false;
  std::vector<std::thread> threads_;
};

}  // namespace nextstep::server
