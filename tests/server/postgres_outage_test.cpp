// The server on PostgreSQL while PostgreSQL restarts or is down: a real nextstep-server process
// on loopback, a real PostgreSQL (tests/support/postgres_cluster), and a client that pushes as a
// device does, sending a push again when it is answered UNAVAILABLE.
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <pqxx/pqxx>
#include <set>
#include <string>
#include <thread>

#include "postgres_cluster.h"
#include "server_process.h"

namespace nextstep::server::test {
namespace {

using nextstep::testing::PostgresCluster;
using nextstep::testing::sharedPostgres;
using Clock = std::chrono::steady_clock;

constexpr std::uint64_t kDevice = 0xb7;
constexpr std::uint64_t kOpsPerPush = 3;
constexpr auto kRetryPause = std::chrono::milliseconds(20);

// What a pushing device saw.
struct PushTally {
  std::atomic<std::uint64_t> acked{0};  // acked_through_seq of the last acknowledged push
  std::atomic<int> unavailable{0};
  std::atomic<int> other_failures{0};
  std::string first_other;     // the first status that was neither OK nor UNAVAILABLE
  std::string an_unavailable;  // one UNAVAILABLE message
};

class PostgresOutageTest : public ProcessTest {
 protected:
  void SetUp() override {
    cluster_ = sharedPostgres();
    if (cluster_ == nullptr) GTEST_SKIP() << PostgresCluster::missingReason();
    cluster_->resume();  // an earlier test may have failed with it stopped
    url_ = cluster_->freshDatabase();
    store_args_ = {"--store", url_};
    token_ = userToken("north", "ann@example.com");
    startServer();
    stub_ = stub();
    handshake(*stub_, token_, kDevice);
  }

  void TearDown() override {
    if (cluster_ != nullptr) cluster_->resume();
  }

  // One push of the next kOpsPerPush creates, sent until it is acknowledged or stop is set; an
  // UNAVAILABLE answer is retried after a pause, as a device's outbox is.
  void pushOnce(PushTally& tally, const std::atomic<bool>& stop) {
    pb::PushRequest push;
    const std::uint64_t first = tally.acked.load() + 1;
    for (std::uint64_t seq = first; seq < first + kOpsPerPush; ++seq) {
      *push.add_operations() = createDeal(seq, kDevice, "d" + std::to_string(seq), nowMillis());
    }
    while (!stop.load()) {
      pb::PushResponse pushed;
      const grpc::Status status = stub_->Push(context(token_).get(), push, &pushed);
      if (status.ok()) {
        EXPECT_EQ(pushed.acked_through_seq(), first + kOpsPerPush - 1);
        tally.acked = pushed.acked_through_seq();
        return;
      }
      if (status.error_code() == grpc::StatusCode::UNAVAILABLE) {
        if (tally.unavailable++ == 0) tally.an_unavailable = status.error_message();
      } else if (tally.other_failures++ == 0) {
        tally.first_other = std::to_string(status.error_code()) + " " + status.error_message();
      }
      std::this_thread::sleep_for(kRetryPause);
    }
  }

  // Every operation in the team's log, pulled from the server page by page.
  std::vector<pb::LoggedOperation> pullAll() {
    std::vector<pb::LoggedOperation> all;
    pb::PullRequest pull;
    for (;;) {
      pb::PullResponse page;
      const grpc::Status status = stub_->Pull(context(token_).get(), pull, &page);
      EXPECT_TRUE(status.ok()) << status.error_message();
      if (!status.ok()) break;
      for (const auto& op : page.operations()) all.push_back(op);
      if (!page.more()) break;
      pull.set_after_version(page.next_cursor());
    }
    return all;
  }

  // Waits until the server's health check answers `wanted`; the time it took.
  std::optional<std::chrono::milliseconds> waitForHealth(Health wanted) {
    const auto start = Clock::now();
    while (Clock::now() - start < std::chrono::seconds(10)) {
      if (health(server_->address()) == wanted) {
        return std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - start);
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    return std::nullopt;
  }

  PostgresCluster* cluster_ = nullptr;
  std::string url_;
  std::string token_;
  std::unique_ptr<pb::Sync::Stub> stub_;
};

// `pg_ctl stop -m immediate` (a crash) and a start, while a device pushes: the pushes in between
// are answered UNAVAILABLE and sent again, the server reconnects by itself, and every
// acknowledged operation is in the log exactly once.
TEST_F(PostgresOutageTest, PushesDuringARestartAreRetriedAndEachArrivesOnce) {
  PushTally tally;
  std::atomic<bool> stop{false};
  std::thread device([&] {
    while (!stop.load()) pushOnce(tally, stop);
  });
  auto waitForAcked = [&](std::uint64_t seq) {
    const auto deadline = Clock::now() + std::chrono::seconds(30);
    while (tally.acked.load() < seq && Clock::now() < deadline) {
      std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    return tally.acked.load() >= seq;
  };
  const bool before = waitForAcked(90);
  if (before) cluster_->restart();
  const std::uint64_t at_restart = tally.acked.load();
  const bool after = before && waitForAcked(at_restart + 90);
  stop = true;
  device.join();
  ASSERT_TRUE(before) << "no pushes acknowledged before the restart";
  ASSERT_TRUE(after) << "pushes did not resume after the restart; acknowledged "
                     << tally.acked.load() << ", " << tally.unavailable.load()
                     << " UNAVAILABLE answers";

  std::printf("%llu operations acknowledged, %d UNAVAILABLE answers (\"%s\")\n",
              static_cast<unsigned long long>(tally.acked.load()), tally.unavailable.load(),
              tally.an_unavailable.c_str());
  EXPECT_FALSE(server_->exited()) << "the server process ended";
  EXPECT_GT(tally.unavailable.load(), 0) << "the restart should have been felt";
  EXPECT_NE(tally.an_unavailable.find("database is unreachable"), std::string::npos)
      << tally.an_unavailable;
  EXPECT_EQ(tally.other_failures.load(), 0) << "first: " << tally.first_other;

  // Every acknowledged operation exactly once, in an unbroken log.
  const std::uint64_t acked = tally.acked.load();
  const std::vector<pb::LoggedOperation> log = pullAll();
  std::set<std::uint64_t> seqs;
  for (std::size_t i = 0; i < log.size(); ++i) {
    EXPECT_EQ(log[i].version(), i + 1);
    EXPECT_TRUE(seqs.insert(log[i].operation().device_seq()).second)
        << "device_seq " << log[i].operation().device_seq() << " logged twice";
  }
  EXPECT_EQ(log.size(), acked);
  EXPECT_EQ(seqs.size(), acked);
  if (!seqs.empty()) {
    EXPECT_EQ(*seqs.rbegin(), acked);
  }

  // And in PostgreSQL itself, as another replica would read it.
  pqxx::connection conn(url_);
  pqxx::read_transaction tx(conn);
  const pqxx::row row = tx.exec1(
      "SELECT count(*), count(DISTINCT device_seq), coalesce(max(device_seq), 0) FROM ops");
  EXPECT_EQ(row[0].as<std::uint64_t>(), acked);
  EXPECT_EQ(row[1].as<std::uint64_t>(), acked);
  EXPECT_EQ(row[2].as<std::uint64_t>(), acked);
}

// While PostgreSQL is stopped the server says NOT_SERVING (so a load balancer sends devices
// elsewhere) and answers pushes, pulls and handshakes with UNAVAILABLE; once PostgreSQL is back it
// says SERVING and stores pushes again, without being restarted.
TEST_F(PostgresOutageTest, HealthIsNotServingWhileTheDatabaseIsDownAndServingOnceItIsBack) {
  ASSERT_EQ(health(server_->address()), Health::kServing);
  PushTally tally;
  const std::atomic<bool> stop{false};
  pushOnce(tally, stop);
  ASSERT_EQ(tally.acked.load(), kOpsPerPush);

  cluster_->stop();
  const auto down = waitForHealth(Health::kNotServing);
  ASSERT_TRUE(down) << "health still SERVING 10 s after PostgreSQL stopped";
  std::printf("NOT_SERVING %lld ms after PostgreSQL stopped\n",
              static_cast<long long>(down->count()));
  pb::PushRequest push;
  *push.add_operations() = createDeal(kOpsPerPush + 1, kDevice, "late", nowMillis());
  pb::PushResponse refused;
  const grpc::Status status = stub_->Push(context(token_).get(), push, &refused);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::UNAVAILABLE) << status.error_message();
  EXPECT_NE(status.error_message().find("database is unreachable"), std::string::npos)
      << status.error_message();
  // Every call that needs the store says the same, a pull and a handshake as a push.
  pb::PullResponse pulled;
  const grpc::Status pull = stub_->Pull(context(token_).get(), pb::PullRequest(), &pulled);
  EXPECT_EQ(pull.error_code(), grpc::StatusCode::UNAVAILABLE) << pull.error_message();
  pb::HandshakeRequest hello;
  hello.set_protocol_version(1);
  hello.set_schema_version(1);
  hello.set_device_id(kDevice);
  pb::HandshakeResponse answer;
  const grpc::Status handshake = stub_->Handshake(context(token_).get(), hello, &answer);
  EXPECT_EQ(handshake.error_code(), grpc::StatusCode::UNAVAILABLE) << handshake.error_message();

  cluster_->resume();
  const auto up = waitForHealth(Health::kServing);
  ASSERT_TRUE(up) << "health still NOT_SERVING 10 s after PostgreSQL started";
  std::printf("SERVING %lld ms after PostgreSQL started\n", static_cast<long long>(up->count()));
  pushOnce(tally, stop);
  EXPECT_EQ(tally.acked.load(), 2 * kOpsPerPush);
  EXPECT_EQ(tally.unavailable.load(), 0);
  EXPECT_FALSE(server_->exited()) << "the server process ended";
}

}  // namespace
}  // namespace nextstep::server::test
