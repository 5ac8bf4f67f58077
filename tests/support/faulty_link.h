// A TCP proxy on loopback between a test's client and a real server, with faults the test turns
// on while bytes flow: latency, cuts (RST or FIN), cuts after a number of bytes in one direction,
// and stalls that keep both sockets open but forward nothing. One thread, poll().
#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

#include "nextstep/model/result.h"

namespace nextstep::testing {

enum class Direction { kToServer, kToClient };
enum class Fault {
  kReset,  // both sockets closed with RST, as when a middlebox drops the connection
  kClose,  // both sockets closed with FIN
  kStall,  // nothing more forwarded either way; the sockets stay open (a black hole)
};

class FaultyLink {
 public:
  // Listens on 127.0.0.1 (a free port) and forwards each connection to 127.0.0.1:upstream_port.
  static Result<std::unique_ptr<FaultyLink>> open(std::uint16_t upstream_port);
  ~FaultyLink();
  FaultyLink(const FaultyLink&) = delete;
  FaultyLink& operator=(const FaultyLink&) = delete;

  std::string address() const { return "127.0.0.1:" + std::to_string(port_); }

  // Each of these returns once the proxy's thread has taken it into account.
  void setLatency(std::chrono::milliseconds each_way);
  void strikeNow(Fault fault);  // every connection open now; later ones are not touched
  // Once: the first connection, open or new, through which `bytes` more bytes pass in
  // `direction` forwards exactly those, then the fault strikes it.
  void strikeAfter(Direction direction, std::size_t bytes, Fault fault);
  // Stalled connections forward again, and an armed fault that has not struck is dropped.
  void heal();

  int connections() const { return connections_.load(); }  // accepted so far
  int strikes() const { return strikes_.load(); }          // connections struck so far

 private:
  struct Armed {
    Direction direction;
    std::size_t bytes;
    Fault fault;
  };
  struct Request {
    std::optional<std::chrono::milliseconds> latency;
    std::optional<Fault> now;
    std::optional<Armed> arm;
    bool heal = false;
  };
  FaultyLink(int listener, std::uint16_t port, std::uint16_t upstream_port, int wake_read,
             int wake_write);
  void send(Request request);  // to the thread, and waits until it was applied
  void run();

  int listener_;
  std::uint16_t port_;
  std::uint16_t upstream_port_;
  int wake_read_;
  int wake_write_;

  std::mutex mu_;
  std::condition_variable applied_cv_;
  std::optional<Request> request_;  // guarded by mu_
  bool stopping_ = false;           // guarded by mu_
  std::atomic<int> connections_{0};
  std::atomic<int> strikes_{0};
  std::thread thread_;
};

}  // namespace nextstep::testing
