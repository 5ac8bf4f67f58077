// What only the PostgreSQL store has to show: commit order under concurrent pushers, a lost
// connection, a schema from a newer server, and values PostgreSQL's types would bend.
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <cmath>
#include <condition_variable>
#include <limits>
#include <map>
#include <mutex>
#include <pqxx/pqxx>
#include <string>
#include <thread>
#include <vector>

#include "postgres_cluster.h"
#include "postgres_schema.h"
#include "postgres_server_store.h"
#include "replica_feed.h"
#include "team_feed.h"

namespace nextstep::server::test {
namespace {

using nextstep::testing::PostgresCluster;
using nextstep::testing::sharedPostgres;

class PostgresStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    cluster_ = sharedPostgres();
    if (cluster_ == nullptr) GTEST_SKIP() << PostgresCluster::missingReason();
    url_ = cluster_->freshDatabase();
    auto store = PostgresServerStore::open(url_);
    ASSERT_TRUE(store.ok()) << store.error().message;
    store_ = std::move(*store);
    auto team = store_->createTeam("north", 1);
    ASSERT_TRUE(team.ok()) << team.error().message;
    team_ = *team;
  }

  static Op opOf(std::int64_t seq, Value value = Value(std::string("x"))) {
    Op op;
    op.seq = seq;
    op.type = RecordType::kDeal;
    op.record_id = "d" + std::to_string(seq);
    op.kind = OpKind::kSet;
    op.key = "title";
    op.value = std::move(value);
    op.stamp = Stamp{packHlc(1'795'000'000'000, 0), 7};
    return op;
  }

  // Ends every connection of the store's database but the caller's, as a restart would.
  void dropStoreConnections() {
    pqxx::connection admin(cluster_->url("postgres"));
    pqxx::nontransaction tx(admin);
    tx.exec(
        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE pid <> pg_backend_pid() "
        "AND backend_type = 'client backend'");
  }

  PostgresCluster* cluster_ = nullptr;
  std::string url_;
  std::unique_ptr<PostgresServerStore> store_;
  TeamId team_ = 0;
};

// Sequence values commit out of order; the per-team head row makes appends commit in version
// order, so a reader following its cursor never sees a version appear behind it.
TEST_F(PostgresStoreTest, AReaderNeverFindsAVersionCommittedBehindItsCursor) {
  constexpr int kPushers = 6;
  constexpr int kPushesEach = 60;
  std::atomic<int> pushers_done = 0;
  std::atomic<int> failed_pushes = 0;
  std::vector<std::thread> pushers;
  for (int p = 0; p < kPushers; ++p) {
    pushers.emplace_back([&, p] {
      for (int i = 0; i < kPushesEach; ++i) {
        auto written = store_->writePushes([&](PushTransaction& tx) {
          // Two appends with a pause between: a wide window for another pusher to commit in.
          tx.append(team_, 100 + p, opOf(2 * i + 1), "p", 1);
          std::this_thread::sleep_for(std::chrono::microseconds(200));
          tx.append(team_, 100 + p, opOf(2 * i + 2), "p", 1);
        });
        if (!written) ++failed_pushes;
      }
      ++pushers_done;
    });
  }
  std::uint64_t cursor = 0;
  int gaps = 0;
  int reads = 0;
  for (bool last_pass = false; !last_pass; ++reads) {
    last_pass = pushers_done.load() == kPushers;
    auto page = store_->readLog(team_, cursor, 1000);
    ASSERT_TRUE(page.ok()) << page.error().message;
    for (const LoggedOp& op : page->ops) {
      if (op.version != cursor + 1) ++gaps;
      cursor = op.version;
    }
    EXPECT_GE(page->head, cursor);
  }
  for (std::thread& t : pushers) t.join();
  EXPECT_EQ(failed_pushes.load(), 0);
  EXPECT_EQ(gaps, 0) << "a reader saw a version before a lower one was committed";
  EXPECT_EQ(cursor, std::uint64_t{2 * kPushers * kPushesEach});
  EXPECT_GT(reads, 10) << "the reader should have polled during the pushes";
}

TEST_F(PostgresStoreTest, ALostConnectionIsAnErrorValueAndTheNextCallReconnects) {
  ASSERT_TRUE(store_->head(team_).ok());
  dropStoreConnections();
  auto during = store_->findTeam("north");
  if (!during) {
    EXPECT_EQ(during.error().code, ErrorCode::kUnavailable) << during.error().message;
    EXPECT_EQ(during.error().message.find('\n'), std::string::npos);
  }
  auto after = store_->findTeam("north");
  ASSERT_TRUE(after.ok()) << after.error().message;
  ASSERT_TRUE(after->has_value());
  EXPECT_EQ((*after)->id, team_);
  dropStoreConnections();
  auto push =
      store_->writePushes([&](PushTransaction& tx) { tx.append(team_, 1, opOf(1), "a", 1); });
  if (!push) {
    EXPECT_EQ(push.error().code, ErrorCode::kUnavailable) << push.error().message;
  }
  auto again =
      store_->writePushes([&](PushTransaction& tx) { tx.append(team_, 1, opOf(2), "a", 1); });
  ASSERT_TRUE(again.ok()) << again.error().message;
  EXPECT_EQ(*store_->head(team_), push ? 2u : 1u);
}

// A restart ends every connection at once: the first call that finds its connection dead drops
// the idle ones too, so the calls after it connect afresh instead of each finding a dead one.
TEST_F(PostgresStoreTest, AfterTheConnectionsAreLostOnlyOneCallFails) {
  // Four calls at once leave four idle connections in the pool.
  std::vector<std::thread> callers;
  for (int i = 0; i < 4; ++i) {
    callers.emplace_back([&] {
      auto held = store_->writePushes(
          [](PushTransaction&) { std::this_thread::sleep_for(std::chrono::milliseconds(200)); });
      EXPECT_TRUE(held.ok()) << held.error().message;
    });
  }
  for (std::thread& t : callers) t.join();
  dropStoreConnections();
  int failed = 0;
  for (int i = 0; i < 6; ++i) {
    auto found = store_->findTeam("north");
    if (!found) {
      EXPECT_EQ(found.error().code, ErrorCode::kUnavailable) << found.error().message;
      ++failed;
    }
  }
  EXPECT_LE(failed, 1);
}

TEST_F(PostgresStoreTest, AnUnreachableDatabaseOrABadUrlIsAClearError) {
  auto unreachable = PostgresServerStore::open("postgresql://postgres@127.0.0.1:1/nextstep");
  ASSERT_FALSE(unreachable.ok());
  EXPECT_EQ(unreachable.error().code, ErrorCode::kUnavailable);
  EXPECT_NE(unreachable.error().message.find("cannot be reached"), std::string::npos)
      << unreachable.error().message;
  EXPECT_EQ(unreachable.error().message.find('\n'), std::string::npos);
  auto bad = PostgresServerStore::open("mysql://root@127.0.0.1/nextstep");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().code, ErrorCode::kInvalidArgument);
}

TEST_F(PostgresStoreTest, ASchemaFromANewerServerIsRefusedAndLeftAlone) {
  store_.reset();
  {
    pqxx::connection conn(url_);
    pqxx::work tx(conn);
    tx.exec("INSERT INTO server_schema_version(version) VALUES (99)");
    tx.commit();
  }
  auto refused = PostgresServerStore::open(url_);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().code, ErrorCode::kTooNew);
  EXPECT_NE(refused.error().message.find("99"), std::string::npos) << refused.error().message;
  pqxx::connection conn(url_);
  pqxx::read_transaction tx(conn);
  EXPECT_EQ(tx.exec1("SELECT count(*) FROM teams")[0].as<int>(), 1);
}

TEST_F(PostgresStoreTest, ReopeningMigratesNothingTwiceAndKeepsTheData) {
  store_.reset();
  auto reopened = PostgresServerStore::open(url_);
  ASSERT_TRUE(reopened.ok()) << reopened.error().message;
  auto team = (*reopened)->findTeam("north");
  ASSERT_TRUE(team.ok() && team->has_value());
  pqxx::connection conn(url_);
  pqxx::read_transaction tx(conn);
  EXPECT_EQ(tx.exec1("SELECT count(*) FROM server_schema_version")[0].as<int>(),
            postgresSchemaVersion());
}

TEST_F(PostgresStoreTest, ValuesReadBackExactly) {
  const std::vector<Value> values = {
      Value(),
      Value(std::numeric_limits<std::int64_t>::min()),
      Value(std::int64_t{42}),
      Value(0.1),
      Value(-1e-310),
      Value(std::string("nul \0 inside", 12)),
      Value(std::string("")),
      Value(std::string("Ünïcødé ✓")),
  };
  int i = 0;
  ASSERT_TRUE(store_
                  ->writePushes([&](PushTransaction& tx) {
                    for (const Value& v : values) {
                      tx.writeRegister(team_,
                                       RegisterKey{RecordType::kDeal, "d", std::to_string(i++)},
                                       RegisterState{v, Stamp{5, 6}, Stamp{}, "ann", 1});
                    }
                  })
                  .ok());
  for (std::size_t k = 0; k < values.size(); ++k) {
    auto r = store_->readRegister(team_, RegisterKey{RecordType::kDeal, "d", std::to_string(k)});
    ASSERT_TRUE(r.ok() && r->has_value()) << k;
    EXPECT_EQ((*r)->value, values[k]) << k;
    EXPECT_EQ((*r)->stamp, (Stamp{5, 6}));
    EXPECT_TRUE((*r)->base.isZero());
  }
}

// The heads a second replica's watch reports, as its TeamFeed would be told them.
class ReplicaHeads {
 public:
  HeadListener listener() {
    return [this](TeamId team, std::uint64_t head) {
      std::lock_guard lock(mu_);
      heads_[team] = std::max(heads_[team], head);
      seen_ = true;
      changed_.notify_all();
    };
  }
  // The watch reported something (its first read of the heads): it listens.
  bool waitListening(std::chrono::milliseconds limit) {
    std::unique_lock lock(mu_);
    return changed_.wait_for(lock, limit, [&] { return seen_; });
  }
  bool waitFor(TeamId team, std::uint64_t head, std::chrono::milliseconds limit) {
    std::unique_lock lock(mu_);
    return changed_.wait_for(lock, limit, [&] { return heads_[team] >= head; });
  }

 private:
  std::mutex mu_;
  std::condition_variable changed_;
  std::map<TeamId, std::uint64_t> heads_;
  bool seen_ = false;
};

TEST_F(PostgresStoreTest, AWriteOnOneReplicaIsAnnouncedToTheOthersAtOnce) {
  auto second = PostgresServerStore::open(url_);
  ASSERT_TRUE(second.ok()) << second.error().message;
  ReplicaHeads heads;
  // No catch-up read within the test: only the commit's notice can bring the head.
  auto watch = (*second)->watchHeads(heads.listener(), std::chrono::hours(1));
  ASSERT_NE(watch, nullptr);
  ASSERT_TRUE(heads.waitListening(std::chrono::seconds(10)));
  for (std::uint64_t n = 1; n <= 3; ++n) {
    const auto written_at = std::chrono::steady_clock::now();
    ASSERT_TRUE(store_
                    ->writePushes([&](PushTransaction& tx) {
                      tx.append(team_, 1, opOf(static_cast<std::int64_t>(n)), "a", 1);
                    })
                    .ok());
    EXPECT_TRUE(heads.waitFor(team_, n, std::chrono::seconds(5))) << n;
    EXPECT_LT(std::chrono::steady_clock::now() - written_at, std::chrono::seconds(1)) << n;
  }
}

TEST_F(PostgresStoreTest, AReplicaWhoseWatchLostItsConnectionCatchesUpOnReturn) {
  auto second = PostgresServerStore::open(url_);
  ASSERT_TRUE(second.ok()) << second.error().message;
  ReplicaHeads heads;
  auto watch = (*second)->watchHeads(heads.listener(), std::chrono::hours(1));
  ASSERT_TRUE(heads.waitListening(std::chrono::seconds(10)));
  // The watch's connection ends (as a restart ends it) and a write lands while it is gone.
  dropStoreConnections();
  bool written = false;
  for (int attempt = 0; attempt < 10 && !written; ++attempt) {
    written =
        store_->writePushes([&](PushTransaction& tx) { tx.append(team_, 1, opOf(1), "a", 1); })
            .ok();
  }
  ASSERT_TRUE(written);
  EXPECT_TRUE(heads.waitFor(team_, 1, std::chrono::seconds(10)));
}

TEST_F(PostgresStoreTest, ALiveStreamOnTheSecondReplicaIsWokenByTheFirstsWrite) {
  auto second = PostgresServerStore::open(url_);
  ASSERT_TRUE(second.ok()) << second.error().message;
  TeamFeed feed(FeedLimits{.tick = std::chrono::hours(1)});
  struct Stream final : FeedSubscriber {
    void wake() override {
      std::lock_guard lock(mu);
      ++wakes;
      woken.notify_all();
    }
    void retain() override {}
    void release() override {}
    std::mutex mu;
    std::condition_variable woken;
    int wakes = 0;
  } stream;
  feed.subscribe(team_, &stream);
  feed.start();
  ReplicaHeads listening;
  HeadListener tell_listening = listening.listener();
  auto watch = (*second)->watchHeads(
      [&](TeamId team, std::uint64_t head) {
        feed.advance(team, head);
        tell_listening(team, head);
      },
      std::chrono::hours(1));
  ASSERT_TRUE(listening.waitListening(std::chrono::seconds(10)));
  ASSERT_TRUE(
      store_->writePushes([&](PushTransaction& tx) { tx.append(team_, 1, opOf(1), "a", 1); }).ok());
  {
    std::unique_lock lock(stream.mu);
    EXPECT_TRUE(
        stream.woken.wait_for(lock, std::chrono::seconds(5), [&] { return stream.wakes > 0; }));
  }
  // Woken, the stream finds it must read the store, which has the operation.
  EXPECT_TRUE(feed.read(team_, 0, 1 << 20).behind);
  auto page = (*second)->readLog(team_, 0, 10);
  ASSERT_TRUE(page.ok());
  EXPECT_EQ(page->ops.size(), 1u);
  watch.reset();
  feed.stop();
  feed.unsubscribe(team_, &stream);
}

TEST_F(PostgresStoreTest, AnotherReplicasWriteIsReadOnceIntoTheFeedForItsStreams) {
  TeamFeed feed;
  struct Idle final : FeedSubscriber {
    void wake() override {}
    void retain() override {}
    void release() override {}
  } stream;
  feed.subscribe(team_, &stream);
  auto write = [&](std::int64_t seq) {
    ASSERT_TRUE(
        store_->writePushes([&](PushTransaction& tx) { tx.append(team_, 1, opOf(seq), "a", 1); })
            .ok());
  };
  write(1);
  // A feed that knows no position yet sends its streams to the store.
  takeOtherReplicasWrite(feed, *store_, team_, 1);
  EXPECT_TRUE(feed.read(team_, 0, 1 << 20).behind);
  // From a known position, the new operations are read once into the ring.
  write(2);
  write(3);
  takeOtherReplicasWrite(feed, *store_, team_, 3);
  FeedRead next = feed.read(team_, 1, 1 << 20);
  EXPECT_FALSE(next.behind);
  ASSERT_EQ(next.ops.size(), 2u);
  EXPECT_EQ(next.ops[0]->version(), 2u);
  EXPECT_EQ(next.ops[1]->operation().record_id(), "d3");
  // An old notice, or one for a team without streams here, changes nothing.
  takeOtherReplicasWrite(feed, *store_, team_, 2);
  takeOtherReplicasWrite(feed, *store_, team_ + 1, 9);
  EXPECT_EQ(feed.read(team_, 1, 1 << 20).ops.size(), 2u);
  feed.unsubscribe(team_, &stream);
}

}  // namespace
}  // namespace nextstep::server::test
