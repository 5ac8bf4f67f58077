// The background sync client's threads (its own, the live stream's reader, the caller's stop and
// the store's change listener) against an in-process server that accepts everything. The tsan
// preset runs this for data races between them.
#include <gtest/gtest.h>

#include <sqlite3.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <deque>
#include <functional>
#include <future>
#include <mutex>
#include <set>
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

// A store's owner thread as a program would run one (the app's store thread): jobs run in order
// on its own thread; once stopped it refuses new ones.
class OwnerThread {
 public:
  OwnerThread() : thread_([this] { loop(); }) {}
  ~OwnerThread() {
    stop();
    thread_.join();
  }
  std::thread::id id() const { return thread_.get_id(); }
  Store::Owner owner() {
    return {id(), [this](const std::function<void()>& job) { return run(job); }};
  }
  bool run(const std::function<void()>& job) {
    std::promise<void> ran;
    {
      std::lock_guard lock(mu_);
      if (stopped_) return false;
      jobs_.push_back([&] {
        job();
        ran.set_value();
      });
    }
    wake_.notify_all();
    ran.get_future().wait();
    return true;
  }
  void stop() {
    {
      std::lock_guard lock(mu_);
      stopped_ = true;
    }
    wake_.notify_all();
  }

 private:
  void loop() {
    for (;;) {
      std::function<void()> job;
      {
        std::unique_lock lock(mu_);
        wake_.wait(lock, [this] { return stopped_ || !jobs_.empty(); });
        if (jobs_.empty()) return;
        job = std::move(jobs_.front());
        jobs_.pop_front();
      }
      job();
    }
  }

  std::mutex mu_;
  std::condition_variable wake_;
  std::deque<std::function<void()>> jobs_;
  bool stopped_ = false;
  std::thread thread_;  // last: it starts once the rest is ready
};

// The threads that ran a statement on one SQLite connection.
class StatementThreads {
 public:
  explicit StatementThreads(Database& db) : db_(db) {
    sqlite3_trace_v2(db_.handle(), SQLITE_TRACE_STMT, &StatementThreads::traced, this);
  }
  ~StatementThreads() { sqlite3_trace_v2(db_.handle(), 0, nullptr, nullptr); }
  std::set<std::thread::id> seen() {
    std::lock_guard lock(mu_);
    return seen_;
  }

 private:
  static int traced(unsigned, void* self, void*, void*) {
    auto* me = static_cast<StatementThreads*>(self);
    std::lock_guard lock(me->mu_);
    me->seen_.insert(std::this_thread::get_id());
    return 0;
  }
  Database& db_;
  std::mutex mu_;
  std::set<std::thread::id> seen_;
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

TEST_F(SyncClientThreadsTest, WithAnOwnerThreadOnlyThatThreadTouchesTheDatabase) {
  OwnerThread owner;
  store_->setOwner(owner.owner());
  StatementThreads threads(store_->database());
  std::atomic<int> pushed{0};
  const std::int64_t server_time = store_->nowMillis();
  sync::SyncClient client(
      *store_,
      [&]() -> Result<std::unique_ptr<sync::Transport>> {
        return std::unique_ptr<sync::Transport>(new AcceptingTransport(server_time, pushed));
      },
      [](const sync::SyncStatus&) {});
  store_->setLocalChangeListener([&client] { client.syncNow(); });
  client.start();
  ASSERT_TRUE(waitFor([&] { return client.status().state == sync::SyncState::kUpToDate; }));

  // The rep's writes come from the owner (the app's screens post them there); each wakes the
  // client, which then asks the owner for its outbox while the next write may be running.
  for (int i = 0; i < 10; ++i) {
    ASSERT_TRUE(
        owner.run([&] { unwrap(addAccount(*store_, {.name = "Account " + std::to_string(i)})); }));
  }
  EXPECT_TRUE(waitFor([&] { return pushed.load() == 10; }));
  EXPECT_TRUE(waitFor([&] { return client.status().pending == 0; }));
  store_->setLocalChangeListener({});
  client.stop();

  const auto seen = threads.seen();
  ASSERT_FALSE(seen.empty());
  EXPECT_EQ(seen, std::set<std::thread::id>{owner.id()})
      << "the sync client's reads and writes ran on its own thread";
  store_->setOwner({});  // the owner goes first; the fixture's checks run here
}

TEST_F(SyncClientThreadsTest, AStoreWhoseOwnerStoppedRefusesOtherThreadsAndKeepsItsData) {
  OwnerThread owner;
  store_->setOwner(owner.owner());
  unwrap(addAccount(*store_, {.name = "Before"}));  // from this thread: run by the owner
  owner.stop();

  auto late = addAccount(*store_, {.name = "After"});
  ASSERT_FALSE(late.ok());
  EXPECT_EQ(late.error().code, ErrorCode::kUnavailable);
  store_->setOwner({});
  EXPECT_EQ(outboxCount(), 1) << "the refused write ran nowhere";
}

}  // namespace
}  // namespace nextstep::testing
