// Network faults between real processes: the CLI devices reach the real server through a proxy
// that delays, cuts and stalls their connections mid-push and mid-stream. The client must retry,
// and the team's log must hold each operation exactly once.
#include <signal.h>

#include <chrono>
#include <set>
#include <thread>

#include "faulty_link.h"
#include "team_on_loopback.h"

namespace nextstep::testing {
namespace {

using Clock = std::chrono::steady_clock;
using std::chrono::milliseconds;
using std::chrono::seconds;

double secondsSince(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

class NetworkFaults : public TeamOnLoopback {
 protected:
  void SetUp() override {
    addUser("alpha", "ana@alpha.example");
    addUser("alpha", "ben@alpha.example");
    startServer({"--heartbeat-seconds", "1"});
    auto link = FaultyLink::open(port());
    ASSERT_TRUE(link.ok()) << link.error().message;
    link_ = std::move(*link);
  }
  void TearDown() override { link_.reset(); }

  // The phone reaches the server through the proxy only; the laptop directly.
  void loginPhoneThroughLink() {
    const ProgramRun r =
        tryDevice("phone", {"login", "--server", link_->address(), "--email", "ana@alpha.example"},
                  std::string(kPassword) + "\n");
    ASSERT_EQ(r.exit_code, 0) << r.err;
  }
  std::int64_t pending(const std::string& name) {
    return deviceJson(name, {"check"})["pending_changes"].get<std::int64_t>();
  }
  nlohmann::json deals(const std::string& name) {
    return deviceJson(name, {"deal", "list", "--status", "all", "--limit", "0"});
  }
  // Adds `count` deals; returns the operations that made.
  std::int64_t addDeals(const std::string& name, const std::string& prefix, int count) {
    const std::int64_t before = pending(name);
    for (int i = 0; i < count; ++i) {
      device(name, {"deal", "add", "--title", prefix + " " + std::to_string(i)});
    }
    return pending(name) - before;
  }
  // The team's log as a new device sees it, directly from the server: its head counts every
  // operation stored, so one stored twice shows.
  nlohmann::json freshDeviceSync(const std::string& name) {
    login(name, "ben@alpha.example");
    return deviceJson(name, {"sync"});
  }
  bool waitFor(const std::function<bool()>& done, Clock::duration limit) {
    const auto until = Clock::now() + limit;
    while (!done()) {
      if (Clock::now() > until) return false;
      std::this_thread::sleep_for(milliseconds(100));
    }
    return true;
  }

  std::unique_ptr<FaultyLink> link_;
};

// Each sync is cut once, at a different byte of the request (mid-push) or of the answers (the
// push stored but its acknowledgement lost); the next sync sends the rest again.
TEST_F(NetworkFaults, PushCutAtManyOffsetsStoresEachOperationOnce) {
  loginPhoneThroughLink();
  login("laptop", "ben@alpha.example");  // directly: what the server stored, after each cut
  struct Cut {
    Direction direction;
    std::size_t bytes;
    Fault fault;
  };
  std::vector<Cut> cuts;
  for (std::size_t at : {120, 300, 600, 900, 1400, 2200, 3500}) {
    cuts.push_back({Direction::kToServer, at, at % 200 == 0 ? Fault::kReset : Fault::kClose});
  }
  // 260-290: the push's answer (after the handshake's) with the device's fixed stream window.
  for (std::size_t at : {60, 120, 180, 240, 270, 285, 300, 360, 450, 600}) {
    cuts.push_back({Direction::kToClient, at, at % 120 == 0 ? Fault::kReset : Fault::kClose});
  }
  std::int64_t made = 0;
  int failed = 0;
  int acks_lost = 0;         // the server stored the push, but its answer was cut
  std::int64_t waiting = 0;  // the phone's unsent operations after the last sync
  for (std::size_t round = 0; round < cuts.size(); ++round) {
    const Cut& cut = cuts[round];
    for (int i = 0; i < 4; ++i) {
      device("phone",
             {"deal", "add", "--title", "Deal " + std::to_string(round) + "-" + std::to_string(i)});
    }
    const std::int64_t unsent = pending("phone");
    made += unsent - waiting;
    link_->strikeAfter(cut.direction, cut.bytes, cut.fault);
    const ProgramRun r = tryDevice("phone", {"sync", "--timeout", "5"});
    link_->heal();  // a cut that did not strike must not hit the retry
    waiting = 0;
    if (r.exit_code != 0) {
      ++failed;
      EXPECT_EQ(r.exit_code, 1) << r.err;
      EXPECT_NE(r.err.find("offline: cannot reach the sync server"), std::string::npos)
          << "cut after " << cut.bytes << " bytes: " << r.err;
      const auto stored = deviceJson("laptop", {"sync"})["head"].get<std::int64_t>();
      EXPECT_LE(stored, made) << "an operation was stored twice";
      waiting = pending("phone");
      if (stored == made && waiting > 0) ++acks_lost;
    }
  }
  RecordProperty("failed_syncs", failed);
  RecordProperty("acknowledgements_lost", acks_lost);
  EXPECT_GE(acks_lost, 1) << "no cut fell between the server's commit and its answer";
  EXPECT_GE(failed, static_cast<int>(cuts.size()) - 2) << "most cuts should land mid-sync";
  device("phone", {"sync"});
  EXPECT_EQ(pending("phone"), 0);
  const auto seen = freshDeviceSync("tablet");
  EXPECT_EQ(seen["head"].get<std::int64_t>(), made) << "an operation was stored twice or lost";
  EXPECT_EQ(deals("laptop")["count"], 4 * static_cast<int>(cuts.size()));
  EXPECT_EQ(dealTitles(deals("laptop")), dealTitles(deals("phone")));
}

// A live stream cut by a reset, then black-holed: the watcher notices each (the silence is
// longer than the server's heartbeats), reconnects, resumes from its cursor, and misses nothing.
TEST_F(NetworkFaults, LiveStreamCutAndStalledResumesFromItsCursor) {
  loginPhoneThroughLink();
  login("laptop", "ben@alpha.example");
  BackgroundProgram watcher(NEXTSTEP_CLI_BINARY,
                            {"--db", dbOf("phone"), "sync", "--watch", "--json", "--timeout", "2"},
                            dir_ / "watch.log");
  std::int64_t made = 0;
  int expected = 0;
  auto laptopWrites = [&](const std::string& prefix) {
    made += addDeals("laptop", prefix, 3);
    expected += 3;
    device("laptop", {"sync"});
  };
  auto phoneHasAll = [&] { return deals("phone")["count"] == expected; };

  laptopWrites("Before");
  ASSERT_TRUE(waitFor(phoneHasAll, seconds(8))) << "the live stream delivered nothing";

  // A reset within the next heartbeat or page from the server.
  const auto cutAt = Clock::now();
  link_->strikeAfter(Direction::kToClient, 20, Fault::kReset);
  ASSERT_TRUE(waitFor([&] { return link_->strikes() == 1; }, seconds(4)));
  laptopWrites("After the cut");
  EXPECT_TRUE(waitFor(phoneHasAll, seconds(8))) << "no reconnect after a reset";
  RecordProperty("cut_to_caught_up_ms", static_cast<int>(1000 * secondsSince(cutAt)));

  // The connection stays open but nothing passes: only the missing heartbeats tell.
  const auto stallAt = Clock::now();
  link_->strikeNow(Fault::kStall);
  laptopWrites("During the stall");
  EXPECT_TRUE(waitFor(phoneHasAll, seconds(12))) << "the watcher did not leave a dead connection";
  RecordProperty("stall_to_caught_up_ms", static_cast<int>(1000 * secondsSince(stallAt)));

  watcher.signal(SIGTERM);
  EXPECT_EQ(watcher.wait(), 0);
  link_->heal();
  EXPECT_EQ(dealTitles(deals("phone")), dealTitles(deals("laptop")));
  // The phone's cursor is at the head: nothing left to pull, nothing pulled twice.
  const auto again = deviceJson("phone", {"sync"});
  EXPECT_EQ(again["pulled"], 0);
  EXPECT_EQ(again["head"].get<std::int64_t>(), made);
}

// 200 ms each way: every call of a sync waits 400 ms more for its answer, and the sync still
// completes within a bound.
TEST_F(NetworkFaults, SyncCompletesOverASlowLink) {
  link_->setLatency(milliseconds(200));
  loginPhoneThroughLink();
  const std::int64_t made = addDeals("phone", "Slow", 20);
  const auto start = Clock::now();
  const ProgramRun r = tryDevice("phone", {"sync"});
  const double took = secondsSince(start);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_LT(took, 10.0);
  RecordProperty("sync_ms_at_200ms_each_way", static_cast<int>(1000 * took));
  EXPECT_EQ(freshDeviceSync("laptop")["head"].get<std::int64_t>(), made);
}

// A connection that goes silent in the middle of a push: the sync gives up at its deadline with
// a clear message instead of hanging; the next sync delivers everything once.
TEST_F(NetworkFaults, StalledSyncFailsAtItsDeadline) {
  loginPhoneThroughLink();
  const std::int64_t made = addDeals("phone", "Stalled", 10);
  link_->strikeAfter(Direction::kToServer, 600, Fault::kStall);
  const auto start = Clock::now();
  const ProgramRun r = tryDevice("phone", {"sync", "--timeout", "2"});
  const double took = secondsSince(start);
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("did not answer within 2 s"), std::string::npos) << r.err;
  EXPECT_LT(took, 6.0);
  RecordProperty("stalled_sync_ms", static_cast<int>(1000 * took));
  EXPECT_EQ(link_->strikes(), 1);
  link_->heal();
  device("phone", {"sync"});
  EXPECT_EQ(pending("phone"), 0);
  EXPECT_EQ(freshDeviceSync("laptop")["head"].get<std::int64_t>(), made);
}

}  // namespace
}  // namespace nextstep::testing
