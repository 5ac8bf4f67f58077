// The background sync client's threads (its own, the live stream's reader, the caller's stop and
// the store's change listener) against an in-process server that accepts everything. The tsan
// preset runs this for data races between them.
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>

#include "nextstep/pipeline/pipeline.h"
#include "nextstep/sync/sync_client.h"
#include "test_store.h"

namespace nextstep::testing {
namespace {

using namespace std::chrono_literals;

// Acknowledges every push, has nothing to send, and beats on the live stream until cancelled.
// Called from the client's thread and its stream reader at once, hence the lock.
class AcceptingTransport : public sync::Transport {
 public:
  AcceptingTransport(std::int64_t server_time_ms, std::atomic<int>& pushed_ops)
      : server_time_ms_(server_time_ms), pushed_ops_(pushed_ops) {}

  Result<sync::ServerHello> handshake(DeviceId, std::uint32_t, std::uint64_t) override {
    sync::ServerHello hello;
    hello.server_time_ms = server_time_ms_;
    hello.team = "north";
    return hello;
  }
  Result<std::string> forkDevice(DeviceId, std::string_view) override {
    return Error{ErrorCode::kInternal, "not in this test"};
  }
  Result<std::string> renewToken() override {
    return Error{ErrorCode::kInternal, "not in this test"};
  }
  Result<sync::PushReply> push(const std::vector<Op>& ops) override {
    std::lock_guard lock(mu_);
    pushed_ops_ += static_cast<int>(ops.size());
    sync::PushReply reply;
    if (!ops.empty()) reply.acked_through_seq = ops.back().seq;
    return reply;
  }
  Result<sync::PullReply> pull(std::uint64_t after_version, std::uint32_t) override {
    sync::PullReply page;
    page.next_cursor = after_version;
    page.head = after_version;
    return page;
  }
  Result<void> subscribe(std::uint64_t after_version,
                         const std::function<bool(const sync::PullReply&)>& on_page) override {
    for (;;) {
      {
        std::unique_lock lock(mu_);
        if (cancelled_.wait_for(lock, 10ms, [this] { return cancelled_flag_; })) return {};
      }
      sync::PullReply beat;
      beat.next_cursor = after_version;
      beat.head = after_version;
      if (!on_page(beat)) return {};
    }
  }
  void cancel() override {
    {
      std::lock_guard lock(mu_);
      cancelled_flag_ = true;
    }
    cancelled_.notify_all();
  }

 private:
  const std::int64_t server_time_ms_;
  std::atomic<int>& pushed_ops_;
  std::mutex mu_;
  std::condition_variable cancelled_;
  bool cancelled_flag_ = false;
};

class SyncClientThreadsTest : public StoreTest {
 protected:
  // Polls from this thread while the client works on its own.
  template <typename Done>
  bool waitFor(Done done) {
    const auto deadline = std::chrono::steady_clock::now() + 30s;
    while (!done()) {
      if (std::chrono::steady_clock::now() > deadline) return false;
      std::this_thread::sleep_for(5ms);
    }
    return true;
  }
};

TEST_F(SyncClientThreadsTest, LocalWritesArePushedPromptlyWhileLiveAndStopEndsItsThreads) {
  std::atomic<int> pushed{0};
  std::atomic<int> statuses{0};
  const std::int64_t server_time = store_->nowMillis();
  sync::SyncClient client(
      *store_,
      [&]() -> Result<std::unique_ptr<sync::Transport>> {
        return std::unique_ptr<sync::Transport>(new AcceptingTransport(server_time, pushed));
      },
      [&](const sync::SyncStatus&) { ++statuses; });
  store_->setLocalChangeListener([&client] { client.syncNow(); });
  client.start();
  ASSERT_TRUE(waitFor([&] { return client.status().state == sync::SyncState::kUpToDate; }));

  for (int i = 0; i < 10; ++i) {
    unwrap(addAccount(*store_, {.name = "Account " + std::to_string(i)}));
  }
  EXPECT_TRUE(waitFor([&] { return outboxCount() == 0; })) << "the listener woke the client";
  EXPECT_EQ(pushed.load(), 10);

  store_->setLocalChangeListener({});
  client.stop();
  EXPECT_EQ(client.status().state, sync::SyncState::kOffline);
  EXPECT_GT(statuses.load(), 0);
}

}  // namespace
}  // namespace nextstep::testing
