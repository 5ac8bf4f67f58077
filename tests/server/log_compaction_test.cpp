// Log compaction: the log is read from where it now starts, and a push's duplicate check still
// knows every number the device used before it.
#include <gtest/gtest.h>

#include <filesystem>
#include <limits>

#include <pqxx/pqxx>

#include "nextstep/storage/database.h"
#include "nextstep/sync/wire.h"
#include "operation_digest.h"
#include "service_fixture.h"
#include "sqlite_server_store.h"
#include "team_snapshots.h"

namespace nextstep::server::test {
namespace {

using grpc::StatusCode;

class LogCompactionTest : public ServiceTest {
 protected:
  void SetUp() override {
    ServiceTest::SetUp();
    if (IsSkipped()) return;
    ann_ = device("north", "ann@example.com", kAnn);
    bob_ = device("north", "bob@example.com", kBob);
  }
  pb::Operation deal(std::uint64_t seq) const {
    return createDeal(seq, kAnn, "d" + std::to_string(seq), "Deal " + std::to_string(seq),
                      hlc(0, static_cast<std::uint16_t>(seq)));
  }
  Reply<pb::PullResponse> pullAfter(const Caller& c, std::uint64_t after) {
    pb::PullRequest r;
    r.set_after_version(after);
    return service_->pull(c, r);
  }
  Caller ann_;
  Caller bob_;
};

TEST_P(LogCompactionTest, APullFromBeforeTheLogsStartIsOutOfRangeAndTellsTheDeviceToRestart) {
  pushOk(ann_, pushOf({deal(1), deal(2), deal(3), deal(4), deal(5)}));
  ASSERT_EQ(store_->compactLog(ann_.team_id, 3).value(), 3u);

  auto behind = pullAfter(bob_, 2);
  ASSERT_FALSE(behind.ok());
  EXPECT_EQ(behind.code(), StatusCode::OUT_OF_RANGE);
  EXPECT_EQ(behind.error().details, sync::kLogCompacted);
  EXPECT_NE(behind.error().message.find("kept from version 3"), std::string::npos)
      << behind.error().message;
  // From the start on, the log reads as before.
  auto rest = pullAfter(bob_, 3);
  ASSERT_TRUE(rest.ok());
  ASSERT_EQ(rest->operations_size(), 2);
  EXPECT_EQ(rest->operations(0).version(), 4u);
  EXPECT_EQ(rest->head(), 5u);
  // A cursor past the head is still the other OUT_OF_RANGE, without the restart's details.
  auto ahead = pullAfter(bob_, 9);
  ASSERT_FALSE(ahead.ok());
  EXPECT_TRUE(ahead.error().details.empty());
}

TEST_P(LogCompactionTest, OnlyMovesForwardAndNeverPastTheHead) {
  pushOk(ann_, pushOf({deal(1), deal(2), deal(3)}));
  EXPECT_EQ(store_->compactLog(ann_.team_id, 100).value(), 3u);
  EXPECT_EQ(store_->compactLog(ann_.team_id, 2).value(), 0u);
  auto at_head = pullAfter(bob_, 3);
  ASSERT_TRUE(at_head.ok());
  EXPECT_EQ(at_head->operations_size(), 0);
  // The next push numbers on from the head.
  EXPECT_EQ(pushOk(ann_, pushOf({deal(4)})).head(), 4u);
  EXPECT_EQ(pullAfter(bob_, 3)->operations(0).version(), 4u);
}

TEST_P(LogCompactionTest, AnOperationCompactedAwayAndSentAgainIsAHarmlessDuplicate) {
  const pb::PushRequest request = pushOf({deal(1), deal(2),
                                          setText(3, kAnn, RecordType::kDeal, "d1", "title", "Uno",
                                                  hlc(0, 3), stampOf(hlc(0, 1), kAnn))});
  pushOk(ann_, request);
  ASSERT_EQ(store_->compactLog(ann_.team_id, 3).value(), 3u);

  // A reply the device never heard, months ago: it sends the same operations again.
  const pb::PushResponse again = pushOk(ann_, request);
  EXPECT_FALSE(again.device_reused());
  EXPECT_EQ(again.acked_through_seq(), 3u);
  EXPECT_EQ(again.head(), 3u);
  EXPECT_EQ(again.rejected_size(), 0);
  // Overlapping: the compacted part is skipped, the new part stored.
  const pb::PushResponse more = pushOk(ann_, pushOf({deal(2), deal(4)}));
  EXPECT_EQ(more.acked_through_seq(), 4u);
  EXPECT_EQ(more.head(), 4u);
}

TEST_P(LogCompactionTest, ADifferentOperationUnderACompactedNumberSaysTheDeviceIsReused) {
  pushOk(ann_, pushOf({deal(1), deal(2)}));
  ASSERT_EQ(store_->compactLog(ann_.team_id, 2).value(), 2u);
  // A restored copy of the device writes something else under number 2.
  const pb::PushResponse r =
      pushOk(ann_, pushOf({createDeal(2, kAnn, "d9", "Other", hlc(0, 9)), deal(3)}));
  EXPECT_TRUE(r.device_reused());
  EXPECT_EQ(r.acked_through_seq(), 1u) << "what the server has, up to the number used twice";
  EXPECT_EQ(*store_->head(ann_.team_id), 2u);
}

TEST_P(LogCompactionTest, AChangeToARecordWhoseCreateWasCompactedStillMerges) {
  pushOk(ann_, pushOf({deal(1)}));
  ASSERT_EQ(store_->compactLog(ann_.team_id, 1).value(), 1u);
  // Bob edits the deal whose create left the log: the merge reads the registers, which stay.
  const pb::Operation edit = setText(1, kBob, RecordType::kDeal, "d1", "title", "Renamed",
                                     hlc(0, 5), stampOf(hlc(0, 1), kAnn));
  EXPECT_EQ(pushOk(bob_, pushOf({edit})).head(), 2u);
  auto title = store_->readRegister(ann_.team_id, RegisterKey{RecordType::kDeal, "d1", "title"});
  ASSERT_TRUE(title.ok());
  ASSERT_TRUE(title->has_value());
  EXPECT_EQ(std::get<std::string>((*title)->value), "Renamed");
}

// The mirror is rebuilt from the log after its cursor; once the log's start passed it (a folder
// restored from a backup, another replica compacted the log), it starts from the newest snapshot.
TEST_P(LogCompactionTest, AMirrorLostAfterACompactionStartsAgainFromTheNewestSnapshot) {
  pushOk(ann_, pushOf({deal(1), deal(2), deal(3)}));
  const std::filesystem::path dir = dir_ / "snapshots";
  const SnapshotPolicy policy{.min_ops = 1, .refresh_after_ops = 1, .keep_log_ops = 1};
  {
    TeamSnapshots snapshots(*store_, dir, policy);
    auto first = snapshots.build(ann_.team_id);
    ASSERT_TRUE(first.ok()) << first.error().message;
    ASSERT_TRUE(*first);
    EXPECT_EQ((*first)->version, 3u);
  }
  EXPECT_FALSE(pullAfter(bob_, 1).ok()) << "compacted through version 2, the newest one kept";
  std::filesystem::remove(dir / ("team-" + std::to_string(ann_.team_id) + ".mirror"));
  pushOk(ann_, pushOf({deal(4)}));

  TeamSnapshots again(*store_, dir, policy);
  auto second = again.build(ann_.team_id);
  ASSERT_TRUE(second.ok()) << second.error().message;
  ASSERT_TRUE(*second);
  EXPECT_EQ((*second)->version, 4u);
  auto db = Database::open((*second)->path.string(), OpenMode::kReadOnly);
  EXPECT_EQ(db->scalar("SELECT count(*) FROM deals"), 4);
}

// A server updated in place: its store of the first schema gains compaction and keeps its log.
TEST_P(LogCompactionTest, AStoreOfTheFirstSchemaMigratesAndKeepsItsLog) {
  pushOk(ann_, pushOf({deal(1), deal(2)}));
  closeStore();
  if (kind_ == StoreKind::kSqlite) {
    auto db = Database::open((dir_ / SqliteServerStore::kFileName).string(), OpenMode::kReadWrite);
    db->exec(
        "DROP TABLE compacted_ops; ALTER TABLE teams DROP COLUMN log_start; "
        "PRAGMA user_version = 1");
  } else {
    pqxx::connection conn(store_url_);
    pqxx::work tx(conn);
    tx.exec(
        "DROP TABLE compacted_ops; ALTER TABLE team_heads DROP COLUMN log_start; "
        "DELETE FROM server_schema_version WHERE version = 2");
    tx.commit();
  }
  reopenStore();

  auto all = pullAfter(bob_, 0);
  ASSERT_TRUE(all.ok()) << all.error().message;
  EXPECT_EQ(all->operations_size(), 2);
  EXPECT_EQ(store_->compactLog(ann_.team_id, 1).value(), 1u);
  const pb::PushResponse again = pushOk(ann_, pushOf({deal(1), deal(3)}));
  EXPECT_FALSE(again.device_reused());
  EXPECT_EQ(again.head(), 3u);
}

INSTANTIATE_TEST_SUITE_P(Stores, LogCompactionTest, everyStore(), storeTestName);

// Equal where the protocol sees no difference (sameOperation), different everywhere else.
TEST(OperationDigestTest, FollowsTheProtocolsEquality) {
  pb::Operation a;
  a.set_device_seq(7);
  a.set_record_id("d1");
  a.set_key("value_minor");
  a.mutable_stamp()->set_hlc(42);
  a.mutable_value()->set_real_value(std::numeric_limits<double>::quiet_NaN());
  pb::Operation b = a;
  b.mutable_value()->set_real_value(-std::numeric_limits<double>::signaling_NaN());
  b.mutable_base();  // present and empty: the same as absent
  EXPECT_EQ(operationDigest(a), operationDigest(b));
  EXPECT_EQ(operationDigest(a).size(), 16u);

  pb::Operation other = a;
  other.mutable_value()->set_real_value(1.5);
  EXPECT_NE(operationDigest(a), operationDigest(other));
  other = a;
  other.set_device_seq(8);
  EXPECT_NE(operationDigest(a), operationDigest(other));
  other = a;
  other.mutable_base()->set_hlc(41);
  EXPECT_NE(operationDigest(a), operationDigest(other));
}

}  // namespace
}  // namespace nextstep::server::test
