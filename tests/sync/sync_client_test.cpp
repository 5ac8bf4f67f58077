// The background sync client against a scripted transport: how it waits between sessions and
// when it gives up on a live stream that went silent.
#include "nextstep/sync/sync_client.h"

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>
#include <vector>

#include "test_store.h"

namespace nextstep::testing {
namespace {

using Clock = std::chrono::steady_clock;
using std::chrono::milliseconds;

// Every connection: refused while `refusals` last; then a handshake, an empty log, and a live
// stream that ends at once (a dropped link) or, with `silent`, stays open without a heartbeat
// until cancelled.
struct Script {
  std::mutex mu;
  int refusals = 0;
  bool silent = false;
  milliseconds heartbeat{0};
  std::vector<Clock::time_point> connects;
  std::vector<Clock::time_point> streams_ended;
};

class ScriptedTransport : public sync::Transport {
 public:
  explicit ScriptedTransport(Script& script) : script_(script) {}
  Result<sync::ServerHello> handshake(DeviceId, std::uint32_t, std::uint64_t) override {
    sync::ServerHello hello;
    hello.server_time_ms = 1'795'000'000'000;
    hello.heartbeat = script_.heartbeat;
    return hello;
  }
  Result<std::string> forkDevice(DeviceId, std::string_view) override {
    return Error{ErrorCode::kInternal, "not scripted"};
  }
  Result<std::string> renewToken() override { return Error{ErrorCode::kInternal, "not scripted"}; }
  Result<sync::PushReply> push(const std::vector<Op>&) override {
    return Error{ErrorCode::kInternal, "not scripted"};
  }
  Result<sync::PullReply> pull(std::uint64_t after, std::uint32_t) override {
    sync::PullReply page;
    page.next_cursor = after;
    return page;
  }
  Result<void> subscribe(std::uint64_t,
                         const std::function<bool(const sync::PullReply&)>&) override {
    std::unique_lock lock(mu_);
    if (script_.silent) cancelled_cv_.wait(lock, [&] { return cancelled_; });
    std::lock_guard record(script_.mu);
    script_.streams_ended.push_back(Clock::now());
    return Error{ErrorCode::kUnavailable, "the link dropped"};
  }
  void cancel() override {
    std::lock_guard lock(mu_);
    cancelled_ = true;
    cancelled_cv_.notify_all();
  }

 private:
  Script& script_;
  std::mutex mu_;
  std::condition_variable cancelled_cv_;
  bool cancelled_ = false;
};

class SyncClientTest : public StoreTest {
 protected:
  sync::TransportFactory factory() {
    return [this]() -> Result<std::unique_ptr<sync::Transport>> {
      std::lock_guard lock(script_.mu);
      script_.connects.push_back(Clock::now());
      if (script_.refusals > 0) {
        --script_.refusals;
        return Error{ErrorCode::kUnavailable, "connection refused"};
      }
      return std::unique_ptr<sync::Transport>(new ScriptedTransport(script_));
    };
  }
  // Waits until `n` connections were tried (or a bound passed).
  void awaitConnects(std::size_t n) {
    const auto until = Clock::now() + std::chrono::seconds(10);
    for (;;) {
      {
        std::lock_guard lock(script_.mu);
        if (script_.connects.size() >= n || Clock::now() > until) return;
      }
      std::this_thread::sleep_for(milliseconds(5));
    }
  }
  Script script_;
};

// Six refusals grow the back-off to over a second; the seventh connection works, follows the
// stream, and the link drops: the client reconnects after the first step, not the seventh.
TEST_F(SyncClientTest, ALinkThatWorkedThenDroppedReconnectsAtTheFirstStep) {
  script_.refusals = 6;
  sync::SyncClientOptions options;
  options.min_backoff = milliseconds(20);
  options.max_backoff = milliseconds(5000);
  options.seed = 7;
  sync::SyncClient client(*store_, factory(), {}, options);
  client.start();
  awaitConnects(8);
  client.stop();
  std::lock_guard lock(script_.mu);
  ASSERT_GE(script_.connects.size(), 8u);
  ASSERT_GE(script_.streams_ended.size(), 1u);
  // The first step is 20 to 40 ms; the seventh would be 1.28 to 2.56 s.
  EXPECT_LT(script_.connects[7] - script_.streams_ended[0], milliseconds(500));
}

// The server heartbeats every 100 ms; a stream silent for two of them and the margin is
// cancelled and the client connects again, though the transport never reports an error.
TEST_F(SyncClientTest, ASilentStreamIsGivenUpAfterTwoMissedHeartbeats) {
  script_.silent = true;
  script_.heartbeat = milliseconds(100);
  sync::SyncClientOptions options;
  options.min_backoff = milliseconds(20);
  options.seed = 7;
  std::vector<std::string> errors;
  std::mutex errors_mu;
  sync::SyncClient client(
      *store_, factory(),
      [&](const sync::SyncStatus& s) {
        std::lock_guard lock(errors_mu);
        if (!s.error.empty()) errors.push_back(s.error);
      },
      options);
  const auto start = Clock::now();
  client.start();
  awaitConnects(2);
  const auto took = Clock::now() - start;
  client.stop();
  EXPECT_GE(took, milliseconds(2200));
  EXPECT_LT(took, milliseconds(4000));
  std::lock_guard lock(errors_mu);
  ASSERT_FALSE(errors.empty());
  EXPECT_NE(errors.front().find("Offline"), std::string::npos) << errors.front();
}

}  // namespace
}  // namespace nextstep::testing
