// Two nextstep-server replicas on one PostgreSQL: a device given both addresses (`--server a,b`)
// goes on at the second when the first is killed while it pushes, and every operation arrives
// exactly once; a device live on one replica sees what another accepted.
#include <signal.h>

#include <chrono>
#include <fstream>
#include <pqxx/pqxx>
#include <thread>

#include "faulty_link.h"
#include "nextstep/data/file_bytes.h"
#include "team_on_loopback.h"

namespace nextstep::testing {
namespace {

using Clock = std::chrono::steady_clock;

class ReplicaFailover : public TeamOnLoopback, public ::testing::WithParamInterface<StoreKind> {
 protected:
  ReplicaFailover() : TeamOnLoopback(GetParam()) {}

  // Operations in the team's log, counted in PostgreSQL: once each, and how many devices' numbers.
  struct LogCount {
    std::int64_t ops = 0;
    std::int64_t distinct = 0;  // distinct (device, device_seq)
  };
  LogCount logCount() {
    pqxx::connection conn(store_url_);
    pqxx::read_transaction tx(conn);
    const pqxx::row row =
        tx.exec1("SELECT count(*), count(DISTINCT (device_id, device_seq)) FROM ops");
    return {row[0].as<std::int64_t>(), row[1].as<std::int64_t>()};
  }
  std::int64_t pending(const std::string& name) {
    return deviceJson(name, {"check"})["pending_changes"].get<std::int64_t>();
  }
};

TEST_P(ReplicaFailover, ADeviceMovesOnToTheNextReplicaAndEveryOperationArrivesOnce) {
  addUser("alpha", "ana@alpha.example");
  addUser("alpha", "ben@alpha.example");
  // Two operations a push, so that the device's changes take many pushes.
  startServer({"--heartbeat-seconds", "1", "--max-ops-per-push", "2"});
  const std::string second = startReplica();
  ASSERT_FALSE(second.empty());
  // The first replica is reached through a slow link, so that its pushes take long enough to be
  // interrupted; the second directly.
  auto link = FaultyLink::open(port());
  ASSERT_TRUE(link.ok()) << link.error().message;
  (*link)->setLatency(std::chrono::milliseconds(15));
  const std::string both = (*link)->address() + "," + second;

  // Offline first: the phone's changes (deals imported from a CRM export) wait in its outbox.
  constexpr int kDeals = 40;
  {
    std::ofstream csv(dir_ / "opportunities.csv");
    csv << "Opportunity Name,Stage\n";
    for (int i = 0; i < kDeals; ++i) csv << "Deal " << i << ",Prospecting\n";
  }
  device("phone", {"import", "csv", (dir_ / "opportunities.csv").string(), "--from", "salesforce"});
  const std::int64_t written = pending("phone");
  ASSERT_GE(written, kDeals);
  device("phone", {"login", "--server", both, "--email", "ana@alpha.example"},
         std::string(kPassword) + "\n");

  const auto out = dir_ / "phone-sync.out";
  BackgroundProgram sync(NEXTSTEP_CLI_BINARY, {"--db", dbOf("phone"), "sync", "--json"}, out);
  // Kill the first replica once some of the phone's pushes have reached it.
  const auto deadline = Clock::now() + std::chrono::seconds(30);
  LogCount at_kill = logCount();
  while (at_kill.ops < 6 && Clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
    at_kill = logCount();
  }
  killServer();
  ASSERT_GE(at_kill.ops, 6) << "no push reached the first replica";
  ASSERT_LT(at_kill.ops, written) << "the pushes ended before the first replica was killed";

  const int exit_code = sync.wait();
  const auto printed = readFileBytes(out.string());
  ASSERT_EQ(exit_code, 0) << (printed ? *printed : std::string());
  EXPECT_EQ(pending("phone"), 0);

  // Every operation once, in PostgreSQL and as a new device sees the team from the second replica.
  const LogCount after = logCount();
  EXPECT_EQ(after.ops, written);
  EXPECT_EQ(after.distinct, written);
  device("laptop", {"login", "--server", second, "--email", "ben@alpha.example"},
         std::string(kPassword) + "\n");
  device("laptop", {"sync"});
  const auto deals = deviceJson("laptop", {"deal", "list", "--status", "all", "--limit", "0"});
  EXPECT_EQ(dealTitles(deals).size(), static_cast<std::size_t>(kDeals));
  EXPECT_EQ(dealTitles(deals),
            dealTitles(deviceJson("phone", {"deal", "list", "--status", "all", "--limit", "0"})));
  std::printf("killed the first replica with %lld of %lld operations stored\n",
              static_cast<long long>(at_kill.ops), static_cast<long long>(written));
}

// A device that stays live (`sync --watch`) on the first replica: when that one is killed, its
// next session starts on the second, and a change made afterwards reaches the team from there.
TEST_P(ReplicaFailover, ALiveDeviceGoesOnAtTheNextReplicaWhenItsServerIsKilled) {
  addUser("alpha", "ana@alpha.example");
  startServer({"--heartbeat-seconds", "1"});
  const std::string second = startReplica();
  ASSERT_FALSE(second.empty());
  device("phone", {"login", "--server", address() + "," + second, "--email", "ana@alpha.example"},
         std::string(kPassword) + "\n");
  device("phone", {"deal", "add", "--title", "Before"});
  BackgroundProgram watcher(NEXTSTEP_CLI_BINARY,
                            {"--db", dbOf("phone"), "sync", "--watch", "--json"},
                            dir_ / "watch.log");
  auto waitForLog = [&](std::int64_t ops) {
    const auto deadline = Clock::now() + std::chrono::seconds(20);
    while (logCount().ops < ops && Clock::now() < deadline) {
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    return logCount().ops >= ops;
  };
  ASSERT_TRUE(waitForLog(1)) << "the live device did not push through the first replica";

  killServer();
  const auto killed = Clock::now();
  device("phone", {"deal", "add", "--title", "After"});
  EXPECT_TRUE(waitForLog(2)) << "the change made after the kill did not arrive";
  std::printf("the change made after the kill was stored %.1f s after it\n",
              std::chrono::duration<double>(Clock::now() - killed).count());
  EXPECT_EQ(pending("phone"), 0);
  EXPECT_EQ(logCount().distinct, 2);
  watcher.signal(SIGTERM);
  EXPECT_EQ(watcher.wait(), 0);
}

// Device A pushes to the first replica; device B watches live on the second, and sees A's deal
// without asking: the first's commit is announced to the second, which wakes B's stream.
TEST_P(ReplicaFailover, ADeviceLiveOnTheSecondReplicaSeesAWriteAcceptedByTheFirst) {
  addUser("alpha", "ana@alpha.example");
  addUser("alpha", "ben@alpha.example");
  startServer({"--heartbeat-seconds", "1"});
  const std::string second = startReplica();
  ASSERT_FALSE(second.empty());
  device("laptop", {"login", "--server", address(), "--email", "ben@alpha.example"},
         std::string(kPassword) + "\n");
  device("phone", {"login", "--server", second, "--email", "ana@alpha.example"},
         std::string(kPassword) + "\n");
  BackgroundProgram watcher(NEXTSTEP_CLI_BINARY,
                            {"--db", dbOf("phone"), "sync", "--watch", "--json"},
                            dir_ / "watch.log");
  std::this_thread::sleep_for(std::chrono::milliseconds(500));  // its stream is open

  device("laptop", {"deal", "add", "--title", "Harbour fleet pilot"});
  device("laptop", {"sync"});
  const auto pushed = Clock::now();
  bool seen = false;
  while (!seen && Clock::now() - pushed < std::chrono::seconds(20)) {
    seen = dealTitles(deviceJson("phone", {"deal", "list", "--limit", "0"}))
               .count("Harbour fleet pilot") > 0;
    if (!seen) std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  EXPECT_TRUE(seen) << "the write on the first replica never reached the live device";
  std::printf("seen live on the second replica %.2f s after the push\n",
              std::chrono::duration<double>(Clock::now() - pushed).count());
  watcher.signal(SIGTERM);
  EXPECT_EQ(watcher.wait(), 0);
}

// A replica needs a database shared with the others: PostgreSQL only.
INSTANTIATE_TEST_SUITE_P(Stores, ReplicaFailover, ::testing::Values(StoreKind::kPostgres),
                         storeTestName);

}  // namespace
}  // namespace nextstep::testing
