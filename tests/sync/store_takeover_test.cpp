#include <algorithm>
#include <filesystem>
#include <fstream>

#include "nextstep/pipeline/pipeline.h"
#include "nextstep/sync/replica.h"
#include "nextstep/sync/set_aside.h"
#include "nextstep/sync/sync_account.h"
#include "test_store.h"

namespace nextstep::testing {
namespace {

namespace fs = std::filesystem;

// A database another device built (the server's mirror, here another store), closed and copied.
class StoreTakeOverTest : public ::testing::Test {
 protected:
  StoreTakeOverTest() {
    auto other = unwrap(open(dir_.file("other.db")));
    for (const char* title : {"Fleet pilot", "Harbour cranes", "Depot lighting"}) {
      unwrap(addDeal(*other, {.title = title}));
    }
    other.reset();
    fs::copy_file(dir_.file("other.db"), snapshot_);
  }
  Result<std::unique_ptr<Store>> open(const std::string& path) {
    return Store::open({path, true, clock_.wall()});
  }
  std::vector<std::string> titles(Store& store) {
    std::vector<std::string> out;
    for (const auto& row : unwrap(listDeals(store, {.status = std::nullopt}))) {
      out.push_back(row.deal.title);
    }
    std::sort(out.begin(), out.end());
    return out;
  }

  TempDir dir_;
  TestClock clock_{at("2026-12-07T09:00:00Z")};
  const std::string snapshot_ = dir_.file("device.db.snapshot");
};

TEST_F(StoreTakeOverTest, TheDeviceGetsTheRecordsAndKeepsItsIdentityAndSettings) {
  auto device = unwrap(open(dir_.file("device.db")));
  sync::Replica replica(*device);
  unwrap(sync::SyncAccount(*device).update(
      [](sync::AccountFields& a) { a.server = "sync.example:7443"; }));
  const DeviceId id = device->deviceId();

  unwrap(replica.startFrom(snapshot_, 42));

  EXPECT_FALSE(fs::exists(snapshot_)) << "moved into place, not copied";
  EXPECT_EQ(titles(*device),
            (std::vector<std::string>{"Depot lighting", "Fleet pilot", "Harbour cranes"}));
  EXPECT_EQ(device->deviceId(), id);
  EXPECT_EQ(unwrap(sync::SyncAccount(*device).read()).server, "sync.example:7443");
  EXPECT_EQ(unwrap(replica.cursor()), 42u);
  EXPECT_EQ(unwrap(replica.outbox().pending()), 0) << "the other device's outbox is not this one's";
  // It writes as itself, and after a restart it is still the same device (not taken for a copy).
  unwrap(addDeal(*device, {.title = "Written here"}));
  const auto outbox = unwrap(replica.outbox().next(10));
  ASSERT_EQ(outbox.size(), 1u);
  EXPECT_EQ(outbox.front().stamp.device, id);
  device.reset();
  auto again = unwrap(open(dir_.file("device.db")));
  EXPECT_EQ(again->deviceId(), id);
  EXPECT_FALSE(again->forkedAtOpen().has_value());
  EXPECT_EQ(titles(*again).size(), 4u);
  unwrap(again->checkIntegrity());
}

TEST_F(StoreTakeOverTest, ADeviceWithUnsentChangesKeepsItsDatabase) {
  auto device = unwrap(open(dir_.file("device.db")));
  unwrap(addDeal(*device, {.title = "Written offline"}));
  sync::Replica replica(*device);
  ASSERT_EQ(unwrap(replica.outbox().pending()), 1);

  const auto refused = replica.startFrom(snapshot_, 42);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().code, ErrorCode::kFailedPrecondition);
  EXPECT_EQ(titles(*device), (std::vector<std::string>{"Written offline"}));
  EXPECT_EQ(unwrap(replica.cursor()), 0u);
  EXPECT_EQ(unwrap(replica.outbox().pending()), 1);
  EXPECT_TRUE(fs::exists(snapshot_)) << "kept for a second try once the change is sent";
}

// A device back from months away: what the server has of it is in the snapshot or the log after
// it, and what is only its own comes along.
TEST_F(StoreTakeOverTest, ADeviceThatWroteKeepsItsNumbersItsSetAsideChangesAndItsConflicts) {
  auto device = unwrap(open(dir_.file("device.db")));
  sync::Replica replica(*device);
  const DeviceId id = device->deviceId();
  unwrap(addDeal(*device, {.title = "Sent and stored"}));
  unwrap(addDeal(*device, {.title = "Sent and set aside"}));
  const auto sent = unwrap(replica.outbox().next(10));
  ASSERT_EQ(sent.size(), 2u);
  unwrap(
      replica.outbox().acknowledge(sent.back().seq, {{sent.back().seq, "a rule of the team's"}}));
  unwrap(device->write([](Mutation& m) {
    m.db().exec(
        "INSERT INTO conflicts(id, type, record_id, key, kind, lost_value, lost_stamp, "
        "detected_at, resolution) VALUES ('c1', 1, 'd1', 'title', 'overwritten', 'Mine', "
        "x'01', 1, 'dismissed')");
  }));
  ASSERT_EQ(unwrap(replica.outbox().lastSeq(id)), 2u);

  unwrap(replica.startFrom(snapshot_, 42));

  EXPECT_EQ(titles(*device),
            (std::vector<std::string>{"Depot lighting", "Fleet pilot", "Harbour cranes"}));
  EXPECT_EQ(device->deviceId(), id);
  EXPECT_EQ(unwrap(sync::SetAsideChanges(replica.store()).count()), 1);
  EXPECT_EQ(unwrap(device->read([](Database& db) {
              return db.scalar(
                  "SELECT count(*) FROM conflicts WHERE id = 'c1' AND "
                  "resolution = 'dismissed' AND lost_stamp = x'01'");
            })),
            1);
  // Its next change is its number 3: a number is never given out twice.
  unwrap(addDeal(*device, {.title = "Written after"}));
  const auto next = unwrap(replica.outbox().next(10));
  ASSERT_EQ(next.size(), 1u);
  EXPECT_EQ(next.front().stamp.device, id);
  EXPECT_EQ(unwrap(replica.outbox().lastSeq(id)), 3u);
  unwrap(device->checkIntegrity());
}

TEST_F(StoreTakeOverTest, AFileOfAnotherSchemaOrNoDatabaseIsRefused) {
  auto device = unwrap(open(dir_.file("device.db")));
  sync::Replica replica(*device);
  {
    auto db = Database::open(snapshot_, OpenMode::kReadWrite);
    db->exec("PRAGMA user_version = 99");
  }
  const auto newer = replica.startFrom(snapshot_, 42);
  ASSERT_FALSE(newer.ok());
  EXPECT_EQ(newer.error().code, ErrorCode::kCorrupt);

  const std::string garbage = dir_.file("garbage.snapshot");
  { std::ofstream(garbage) << "not a database at all, just text that came down the wire"; }
  EXPECT_FALSE(replica.startFrom(garbage, 42).ok());

  // The device's own database is untouched and still works.
  unwrap(addDeal(*device, {.title = "Still here"}));
  EXPECT_EQ(titles(*device), (std::vector<std::string>{"Still here"}));
  unwrap(device->checkIntegrity());
}

}  // namespace
}  // namespace nextstep::testing
