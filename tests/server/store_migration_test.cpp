// migrate-store: a whole embedded store moved into PostgreSQL, where the same tokens, devices
// and cursors carry on as if nothing had happened.
#include <gtest/gtest.h>

#include <map>
#include <pqxx/pqxx>

#include "postgres_cluster.h"
#include "postgres_server_store.h"
#include "service_fixture.h"
#include "store_migration.h"

namespace nextstep::server::test {
namespace {

using nextstep::testing::PostgresCluster;
using nextstep::testing::sharedPostgres;

// The embedded store is the fixture's own (SQLite); the PostgreSQL one is the target.
class PostgresMigrationTest : public ServiceFixture {
 protected:
  PostgresMigrationTest() : ServiceFixture(StoreKind::kSqlite) {}
  void SetUp() override {
    ServiceFixture::SetUp();
    if (IsSkipped()) return;
    cluster_ = sharedPostgres();
    if (cluster_ == nullptr) GTEST_SKIP() << PostgresCluster::missingReason();
    target_ = cluster_->freshDatabase();
  }

  // Two devices of one team, a concurrent edit (one conflict), a refused operation, a set
  // member, and a token never bound to a device.
  void fillTheEmbeddedStore() {
    ann_token_ = issueToken("north", "ann@example.com");
    auto ann = service_->authenticate(ann_token_);
    ASSERT_TRUE(ann.ok());
    ann_ = *ann;
    handshakeOk(ann_, kAnn);
    Caller bob = device("north", "bob@example.com", kBob);
    device("south", "eve@example.com", kEve);
    issueToken("north", "cy@example.com");
    const pb::Stamp created = stampOf(hlc(0, 1), kAnn);
    pushOk(ann_, pushOf({createDeal(1, kAnn, "d1", "Original", created.hlc()),
                         createDeal(2, kAnn, "d2", "Second", hlc(0, 2))}));
    pushOk(ann_,
           pushOf({setText(3, kAnn, RecordType::kDeal, "d1", "title", "Ann's", hlc(10), created)}));
    pushOk(bob,
           pushOf({setText(1, kBob, RecordType::kDeal, "d1", "title", "Bob's", hlc(20), created)}));
    pb::Operation bad = createDeal(4, kAnn, "d3", "Bad", hlc(30));
    bad.set_record_type(99);
    pushOk(ann_, pushOf({bad}));
    const pb::Operation meeting = createMeeting(5, kAnn, "m1", hlc(35));
    pb::Operation add = setText(6, kAnn, RecordType::kMeeting, "m1", "attendees", "c1", hlc(40));
    add.set_kind(pb::OP_KIND_ADD);
    pushOk(ann_, pushOf({meeting, add}));
  }

  PostgresCluster* cluster_ = nullptr;
  std::string target_;
  std::string ann_token_;
  Caller ann_;
};

TEST_F(PostgresMigrationTest, MovesEverythingAndTheSameTokenPullsTheSameLogThere) {
  fillTheEmbeddedStore();
  const pb::PullResponse before = pullAll(ann_);
  const auto conflicts_before = store_->conflicts(ann_.team_id);
  const auto rejections_before = store_->rejections(kAnn);
  ASSERT_TRUE(conflicts_before.ok() && rejections_before.ok());
  ASSERT_EQ(conflicts_before->size(), 1u);
  ASSERT_EQ(rejections_before->size(), 1u);

  auto moved = migrateStore(dir_, target_);
  ASSERT_TRUE(moved.ok()) << moved.error().message;
  EXPECT_EQ(moved->digest.size(), 64u);
  std::map<std::string, std::int64_t> rows(moved->rows.begin(), moved->rows.end());
  EXPECT_EQ(rows["teams"], 2);
  EXPECT_EQ(rows["users"], 4);
  EXPECT_EQ(rows["devices"], 3);
  EXPECT_EQ(rows["conflicts"], 1);
  EXPECT_EQ(rows["rejected"], 1);
  EXPECT_EQ(rows["members"], 1);
  EXPECT_EQ(rows["ops"], before.operations_size());

  // The server, now on PostgreSQL: the device's token, binding and cursor all still hold.
  const std::uint64_t last_seq_before = *store_->deviceLastSeq(kAnn);
  service_.reset();
  auto pg = PostgresServerStore::open(target_);
  ASSERT_TRUE(pg.ok()) << pg.error().message;
  store_ = std::move(*pg);
  service_ = std::make_unique<SyncService>(*store_, SyncLimits{}, [this] { return now_ms_; });
  auto ann = service_->authenticate(ann_token_);
  ASSERT_TRUE(ann.ok()) << ann.error().message;
  handshakeOk(*ann, kAnn);
  EXPECT_EQ(pullAll(*ann).SerializeAsString(), before.SerializeAsString());
  const auto conflicts_after = store_->conflicts(ann_.team_id);
  ASSERT_TRUE(conflicts_after.ok());
  ASSERT_EQ(conflicts_after->size(), 1u);
  EXPECT_EQ(conflicts_after->front().kind, conflicts_before->front().kind);
  EXPECT_EQ(conflicts_after->front().kept_value, conflicts_before->front().kept_value);
  EXPECT_EQ(conflicts_after->front().lost_stamp, conflicts_before->front().lost_stamp);
  const auto rejections_after = store_->rejections(kAnn);
  ASSERT_TRUE(rejections_after.ok());
  ASSERT_EQ(rejections_after->size(), 1u);
  EXPECT_EQ(rejections_after->front().operation.SerializeAsString(),
            rejections_before->front().operation.SerializeAsString());
  // A push sent again is recognised as stored: the device numbers came along.
  EXPECT_EQ(*store_->deviceLastSeq(kAnn), last_seq_before);
  // New rows continue after the copied ids.
  EXPECT_TRUE(store_->createTeam("west", now_ms_).ok());
}

TEST_F(PostgresMigrationTest, RefusesATargetThatAlreadyHoldsATeamAndChangesNothing) {
  fillTheEmbeddedStore();
  {
    auto pg = PostgresServerStore::open(target_);
    ASSERT_TRUE(pg.ok());
    ASSERT_TRUE((*pg)->createTeam("already-here", 1).ok());
  }
  auto refused = migrateStore(dir_, target_);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().code, ErrorCode::kFailedPrecondition);
  EXPECT_NE(refused.error().message.find("empty"), std::string::npos) << refused.error().message;
  pqxx::connection conn(target_);
  pqxx::read_transaction tx(conn);
  EXPECT_EQ(tx.exec1("SELECT count(*) FROM teams")[0].as<int>(), 1);
  EXPECT_EQ(tx.exec1("SELECT count(*) FROM ops")[0].as<int>(), 0);
}

TEST_F(PostgresMigrationTest, AFolderWithoutAStoreIsNotFound) {
  auto missing = migrateStore(dir_ / "nowhere", target_);
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().code, ErrorCode::kNotFound);
}

}  // namespace
}  // namespace nextstep::server::test
