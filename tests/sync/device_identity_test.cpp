// A database that is a copy of another, or a restored backup, continues as a new device: it
// never reuses the old device's id or sequence numbers, and its unsent changes move with it.
#include "nextstep/storage/device_identity.h"

#include <filesystem>

#include "nextstep/data/backup.h"
#include "nextstep/pipeline/pipeline.h"
#include "nextstep/storage/record_rows.h"
#include "nextstep/sync/conflict_archive.h"
#include "nextstep/sync/replica.h"
#include "nextstep/sync/set_aside.h"
#include "test_store.h"

namespace nextstep::testing {
namespace {

using sync::Replica;

class DeviceIdentityTest : public ::testing::Test {
 protected:
  TempDir dir_;
  TestClock clock_{at("2026-11-26T09:00:00Z")};
  std::unique_ptr<Store> open(const std::string& name) {
    return unwrap(Store::open({dir_.file(name), true, clock_.wall()}));
  }
  static std::vector<Op> outbox(Store& s) { return unwrap(Replica(s).outbox().next(1000)); }
};

TEST_F(DeviceIdentityTest, ReopeningTheSameFileKeepsTheDevice) {
  DeviceId first = 0;
  {
    auto s = open("a.db");
    first = s->deviceId();
    EXPECT_FALSE(s->forkedAtOpen());
  }
  auto again = open("a.db");
  EXPECT_EQ(again->deviceId(), first);
  EXPECT_FALSE(again->forkedAtOpen());
}

TEST_F(DeviceIdentityTest, ACopiedFileBecomesANewDeviceAndKeepsItsUnsentChangesAsTheOriginals) {
  DeviceId original = 0;
  std::string deal;
  std::vector<Op> before;
  {
    auto a = open("a.db");
    original = a->deviceId();
    deal = unwrap(addDeal(*a, {.title = "Pilot", .account = "Acme"}));
    unwrap(changeDeal(*a, deal, {.stage = "proposal"}));
    before = outbox(*a);
  }
  std::filesystem::copy_file(dir_.file("a.db"), dir_.file("b.db"));
  auto b = open("b.db");
  ASSERT_TRUE(b->forkedAtOpen());
  EXPECT_NE(b->deviceId(), original);
  EXPECT_EQ(b->forkedAtOpen()->from, original);
  EXPECT_EQ(b->forkedAtOpen()->carried, static_cast<std::int64_t>(before.size()));
  // The unsent changes are the original device's, exactly as the original will send them: the
  // server takes one and skips the other.
  const auto carried = outbox(*b);
  ASSERT_EQ(carried.size(), before.size());
  for (std::size_t i = 0; i < carried.size(); ++i) {
    EXPECT_EQ(carried[i].seq, before[i].seq);
    EXPECT_EQ(carried[i].stamp, before[i].stamp);
  }
  EXPECT_EQ(unwrap(Replica(*b).outbox().lastSeq(original)),
            static_cast<std::uint64_t>(before.back().seq));
  // The copy's own writes are the new device's, numbered from 1, in a push of their own.
  unwrap(addDeal(*b, {.title = "Written on the copy"}));
  unwrap(Replica(*b).outbox().acknowledge(original, before.back().seq, {}));
  const auto own = outbox(*b);
  ASSERT_EQ(own.size(), 1u);
  EXPECT_EQ(own[0].seq, 1);
  EXPECT_EQ(own[0].stamp.device, b->deviceId());
  // The original is still the original, and the copy keeps its new identity when reopened.
  EXPECT_EQ(open("a.db")->deviceId(), original);
  const DeviceId copy = b->deviceId();
  b.reset();
  EXPECT_EQ(open("b.db")->deviceId(), copy);
}

TEST_F(DeviceIdentityTest, ARestoredBackupIsANewDeviceAndCanAdoptWhatItCannotSendAsTheOld) {
  auto a = open("a.db");
  const DeviceId original = a->deviceId();
  unwrap(addDeal(*a, {.title = "Sent before the backup"}));
  unwrap(Replica(*a).outbox().acknowledge(outbox(*a).back().seq, {}));
  const std::string unsent = unwrap(addDeal(*a, {.title = "Unsent in the backup"}));
  unwrap(data::backupDatabase(*a, dir_.file("backup.db")));
  unwrap(addDeal(*a, {.title = "After the backup"}));
  const auto report = unwrap(data::restoreDatabase(*a, dir_.file("backup.db"), clock_.now()));
  EXPECT_EQ(report.fork.from, original);
  EXPECT_EQ(report.fork.to, a->deviceId());
  EXPECT_NE(a->deviceId(), original);
  EXPECT_EQ(report.fork.carried, 1);
  unwrap(addDeal(*a, {.title = "After the restore"}));
  // First the old identity's change, as its operation 2; then the new identity's, as its 1.
  auto ops = outbox(*a);
  ASSERT_EQ(ops.size(), 1u);
  EXPECT_EQ(ops[0].stamp.device, original);
  EXPECT_EQ(ops[0].seq, 2);
  EXPECT_EQ(ops[0].record_id, unsent);
  // The server found number 2 used by the original since: the change moves to the new identity,
  // after its own, with its clock following.
  Replica r(*a);
  EXPECT_EQ(unwrap(r.outbox().adopt(original)), 1);
  ops = outbox(*a);
  ASSERT_EQ(ops.size(), 2u);
  EXPECT_EQ(ops[0].seq, 1);
  EXPECT_EQ(ops[1].seq, 2);
  EXPECT_EQ(ops[1].record_id, unsent);
  for (const Op& op : ops) EXPECT_EQ(op.stamp.device, a->deviceId());
  const auto created = unwrap(a->read([&](Database& db) {
    return records::clockOf(db, specOf(RecordType::kDeal), unsent, "title");
  }));
  ASSERT_TRUE(created);
  EXPECT_EQ(created->stamp, ops[1].stamp);
  // Acknowledged under the new identity, both leave the outbox: a sync does not send them again.
  unwrap(r.outbox().acknowledge(a->deviceId(), 2, {}));
  EXPECT_TRUE(outbox(*a).empty());
  EXPECT_EQ(unwrap(r.outbox().pending()), 0);
}

TEST_F(DeviceIdentityTest, AFileCopiedOverTheOldOneTakesBackWhatItsIdentityWroteSince) {
  // A backup copied over the live file outside the app keeps the file and its identity: what
  // that identity wrote after the backup comes back from the server and must not be skipped as
  // "already here".
  auto writer = open("writer.db");
  const std::string deal = unwrap(addDeal(*writer, {.title = "Written after the backup"}));
  auto overwritten = open("overwritten.db");
  std::vector<sync::RemoteOp> page;
  std::uint64_t version = 0;
  for (Op op : outbox(*writer)) {
    op.stamp.device = overwritten->deviceId();
    page.push_back({++version, op, "ann@example.com"});
  }
  const auto stats = unwrap(Replica(*overwritten).apply(page, version));
  EXPECT_EQ(stats.own, static_cast<int>(page.size()));
  EXPECT_EQ(unwrap(getDeal(*overwritten, deal)).title, "Written after the backup");
}

TEST_F(DeviceIdentityTest, AnotherConnectionFollowsAForkOfTheSameFile) {
  auto app = open("a.db");
  auto cli = open("a.db");
  const auto fork = unwrap(cli->forkDevice("restored elsewhere"));
  // The app's next write is stamped as the new device, never the old one.
  unwrap(addDeal(*app, {.title = "Written by the app"}));
  EXPECT_EQ(outbox(*app).back().stamp.device, fork.to);
  EXPECT_EQ(app->deviceId(), fork.to);
}

TEST_F(DeviceIdentityTest, ASetAsideChangeIsListedAndResentUnderAFreshStamp) {
  auto a = open("a.db");
  const std::string deal = unwrap(addDeal(*a, {.title = "Pilot"}));
  Replica r(*a);
  unwrap(r.outbox().acknowledge(outbox(*a).back().seq, {}));
  unwrap(changeDeal(*a, deal, {.stage = "proposal"}));
  const Op refused = outbox(*a).back();
  unwrap(
      r.outbox().acknowledge(refused.seq, {{refused.seq, "stage: not one of the team's stages"}}));
  EXPECT_EQ(unwrap(r.outbox().pending()), 0);
  const auto list = unwrap(sync::SetAsideChanges(r.store()).list());
  ASSERT_EQ(list.size(), 1u);
  EXPECT_EQ(list[0].record_title, "Pilot");
  EXPECT_EQ(list[0].key, "stage");
  EXPECT_EQ(list[0].reason, "stage: not one of the team's stages");

  clock_.advance(std::chrono::seconds(5));
  unwrap(sync::SetAsideChanges(r.store()).resend(list[0].id));
  EXPECT_EQ(unwrap(sync::SetAsideChanges(r.store()).count()), 0);
  const auto again = outbox(*a);
  ASSERT_EQ(again.size(), 1u);
  EXPECT_EQ(again[0].key, "stage");
  EXPECT_GT(again[0].stamp, refused.stamp);
  const auto clock = unwrap(a->read([&](Database& db) {
    return records::clockOf(db, specOf(RecordType::kDeal), deal, "stage");
  }));
  EXPECT_EQ(clock->stamp, again[0].stamp);
}

TEST_F(DeviceIdentityTest, ADroppedChangeTakesTheTeamsValueWithoutAConflict) {
  auto a = open("a.db");
  auto team = open("team.db");
  const std::string deal = unwrap(addDeal(*team, {.title = "Pilot", .stage = "discovery"}));
  std::vector<sync::RemoteOp> log;
  std::uint64_t version = 0;
  for (Op& op : outbox(*team)) log.push_back({++version, std::move(op), "ben@team.example"});
  unwrap(Replica(*a).apply(log, version));
  unwrap(changeDeal(*a, deal, {.stage = "proposal"}));
  const Op refused = outbox(*a).back();
  Replica r(*a);
  unwrap(r.outbox().acknowledge(refused.seq, {{refused.seq, "refused"}}));
  unwrap(
      sync::SetAsideChanges(r.store()).drop(unwrap(sync::SetAsideChanges(r.store()).list())[0].id));
  EXPECT_EQ(unwrap(r.cursor()), 0u);  // the team's log is read again
  unwrap(r.apply(log, version));
  EXPECT_EQ(unwrap(getDeal(*a, deal)).stage, "discovery");
  EXPECT_TRUE(unwrap(sync::ConflictArchive(*a).list()).empty());
  EXPECT_EQ(unwrap(sync::SetAsideChanges(r.store()).count()), 0);
}

}  // namespace
}  // namespace nextstep::testing
