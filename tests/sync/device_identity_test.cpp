// A database that is a copy of another, or a restored backup, continues as a new device: it
// never reuses the old device's id or sequence numbers, and its unsent changes move with it.
#include "nextstep/device_identity.h"

#include <filesystem>

#include "nextstep/data/backup.h"
#include "nextstep/pipeline.h"
#include "nextstep/record_rows.h"
#include "nextstep/sync/replica.h"
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
  static std::vector<Op> outbox(Store& s) { return unwrap(Replica(s).outbox(1000)); }
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

TEST_F(DeviceIdentityTest, ACopiedFileBecomesANewDeviceCarryingItsUnsentChanges) {
  DeviceId original = 0;
  std::string deal;
  {
    auto a = open("a.db");
    original = a->deviceId();
    deal = unwrap(addDeal(*a, {.title = "Pilot", .account = "Acme"}));
    unwrap(changeDeal(*a, deal, {.stage = "proposal"}));
  }
  std::filesystem::copy_file(dir_.file("a.db"), dir_.file("b.db"));
  auto b = open("b.db");
  ASSERT_TRUE(b->forkedAtOpen());
  EXPECT_NE(b->deviceId(), original);
  EXPECT_EQ(b->forkedAtOpen()->from, original);
  const auto ops = outbox(*b);
  ASSERT_FALSE(ops.empty());
  EXPECT_EQ(b->forkedAtOpen()->carried, static_cast<std::int64_t>(ops.size()));
  for (std::size_t i = 0; i < ops.size(); ++i) {
    EXPECT_EQ(ops[i].seq, static_cast<std::int64_t>(i + 1));  // numbered again from 1
    EXPECT_EQ(ops[i].stamp.device, b->deviceId());
  }
  // The record's clocks follow its outbox, so the server's echo and later merges agree.
  const auto stageClock = unwrap(b->read([&](Database& db) {
    return records::clockOf(db, specOf(RecordType::kDeal), deal, "stage");
  }));
  ASSERT_TRUE(stageClock);
  EXPECT_EQ(stageClock->stamp, ops.back().stamp);
  // The original is still the original, and the copy keeps its new identity when reopened.
  EXPECT_EQ(open("a.db")->deviceId(), original);
  const DeviceId copy = b->deviceId();
  b.reset();
  EXPECT_EQ(open("b.db")->deviceId(), copy);
}

TEST_F(DeviceIdentityTest, ARestoredBackupIsANewDeviceAndNumbersFromOne) {
  auto a = open("a.db");
  const DeviceId original = a->deviceId();
  unwrap(addDeal(*a, {.title = "Sent before the backup"}));
  {
    Replica r(*a);
    const auto ops = outbox(*a);
    unwrap(r.acknowledge(ops.back().seq, {}));
  }
  unwrap(addDeal(*a, {.title = "Unsent in the backup"}));
  unwrap(data::backupDatabase(*a, dir_.file("backup.db")));
  unwrap(addDeal(*a, {.title = "After the backup"}));
  const auto report = unwrap(data::restoreDatabase(*a, dir_.file("backup.db"), clock_.now()));
  EXPECT_EQ(report.fork.from, original);
  EXPECT_EQ(report.fork.to, a->deviceId());
  EXPECT_NE(a->deviceId(), original);
  EXPECT_EQ(report.fork.carried, 1);
  const auto ops = outbox(*a);
  ASSERT_EQ(ops.size(), 1u);
  EXPECT_EQ(ops[0].seq, 1);
  EXPECT_EQ(ops[0].stamp.device, a->deviceId());
  EXPECT_EQ(unwrap(Replica(*a).lastSeq()), 1u);
  // New writes continue the new identity's numbers.
  unwrap(addDeal(*a, {.title = "After the restore"}));
  EXPECT_EQ(outbox(*a).back().seq, 2);
  EXPECT_EQ(outbox(*a).back().stamp.device, a->deviceId());
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
  unwrap(r.acknowledge(outbox(*a).back().seq, {}));
  unwrap(changeDeal(*a, deal, {.stage = "proposal"}));
  const Op refused = outbox(*a).back();
  unwrap(r.acknowledge(refused.seq, {{refused.seq, "stage: not one of the team's stages"}}));
  EXPECT_EQ(unwrap(r.pending()), 0);
  const auto list = unwrap(r.setAside());
  ASSERT_EQ(list.size(), 1u);
  EXPECT_EQ(list[0].record_title, "Pilot");
  EXPECT_EQ(list[0].key, "stage");
  EXPECT_EQ(list[0].reason, "stage: not one of the team's stages");

  clock_.advance(std::chrono::seconds(5));
  unwrap(r.resendSetAside(list[0].id));
  EXPECT_EQ(unwrap(r.setAsideCount()), 0);
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
  unwrap(r.acknowledge(refused.seq, {{refused.seq, "refused"}}));
  unwrap(r.dropSetAside(unwrap(r.setAside())[0].id));
  EXPECT_EQ(unwrap(r.cursor()), 0u);  // the team's log is read again
  unwrap(r.apply(log, version));
  EXPECT_EQ(unwrap(getDeal(*a, deal)).stage, "discovery");
  EXPECT_TRUE(unwrap(r.conflicts()).empty());
  EXPECT_EQ(unwrap(r.setAsideCount()), 0);
}

}  // namespace
}  // namespace nextstep::testing
