// A restored backup or a copied database file must not split a device from its team: it
// continues as a new device, its unsent changes still reach everyone, and it keeps applying the
// team's edits. Real server process, real CLI devices.
#include <filesystem>

#include "nextstep/storage/store.h"
#include "team_on_loopback.h"

namespace nextstep::testing {
namespace {

class DeviceIdentity : public TeamOnLoopback {
 protected:
  void SetUp() override {
    addUser("alpha", "ana@alpha.example");
    addUser("alpha", "ben@alpha.example");
    startServer();
    login("phone", "ana@alpha.example");
    login("laptop", "ben@alpha.example");
  }
  std::string title(const std::string& name, const std::string& deal) {
    return deviceJson(name, {"deal", "show", deal})["deal"]["title"].get<std::string>();
  }
  DeviceId deviceIdOf(const std::string& name) {
    auto store = Store::open({dbOf(name), false});
    EXPECT_TRUE(store.ok()) << store.error().message;
    return store ? (*store)->deviceId() : 0;
  }
};

TEST_F(DeviceIdentity, RestoredBackupDeliversItsChangesAndFollowsTheTeam) {
  const std::string deal = device("phone", {"deal", "add", "--title", "Fleet pilot"});
  device("phone", {"sync"});
  const std::string backup = (dir_ / "phone-backup.db").string();
  device("phone", {"backup", backup});
  // After the backup the phone syncs more changes under its device numbers...
  device("phone", {"deal", "set", deal, "--title", "Fleet pilot, phase 1"});
  device("phone", {"sync"});
  // ...then the rep restores the older backup and keeps working.
  const auto restored = deviceJson("phone", {"restore", backup});
  EXPECT_NE(restored["new_device"], restored["former_device"]);
  const std::string second = device("phone", {"deal", "add", "--title", "Depot retrofit"});
  const ProgramRun sync = tryDevice("phone", {"sync"});
  EXPECT_EQ(sync.exit_code, 0) << sync.err;
  EXPECT_NE(sync.out.find("Up to date"), std::string::npos) << sync.out;
  EXPECT_EQ(sync.out.find("set aside"), std::string::npos) << sync.out;

  device("laptop", {"sync"});
  EXPECT_EQ(title("laptop", second), "Depot retrofit");
  // The restored phone takes the team's newer title and keeps applying teammates' edits.
  EXPECT_EQ(title("phone", deal), "Fleet pilot, phase 1");
  device("laptop", {"deal", "set", deal, "--title", "Fleet pilot, signed"});
  device("laptop", {"sync"});
  device("phone", {"sync"});
  EXPECT_EQ(title("phone", deal), "Fleet pilot, signed");
  EXPECT_EQ(deviceJson("phone", {"set-aside"}).size(), 0u);
}

TEST_F(DeviceIdentity, UnsentChangesInTheBackupStillReachTheTeam) {
  const std::string deal = device("phone", {"deal", "add", "--title", "Harbour cranes"});
  device("phone", {"sync"});
  device("phone", {"deal", "set", deal, "--value", "48000"});  // not yet synced
  const std::string backup = (dir_ / "phone-backup.db").string();
  device("phone", {"backup", backup});
  device("phone", {"deal", "set", deal, "--stage", "proposal"});
  device("phone", {"sync"});
  device("phone", {"restore", backup});
  device("phone", {"sync"});
  device("laptop", {"sync"});
  const auto shown = deviceJson("laptop", {"deal", "show", deal});
  EXPECT_EQ(shown["deal"]["value"]["minor"], 4800000);
  EXPECT_EQ(shown["deal"]["stage"], "proposal");
}

TEST_F(DeviceIdentity, ACopiedDatabaseIsASecondDeviceAndBothReachTheTeam) {
  const std::string deal = device("phone", {"deal", "add", "--title", "Cold store"});
  device("phone", {"sync"});
  std::filesystem::copy_file(dbOf("phone"), dbOf("tablet"));
  const std::string fromPhone = device("phone", {"deal", "add", "--title", "From the phone"});
  const std::string fromTablet = device("tablet", {"deal", "add", "--title", "From the tablet"});
  const ProgramRun tablet = tryDevice("tablet", {"sync"});
  EXPECT_EQ(tablet.exit_code, 0) << tablet.err;
  EXPECT_NE(tablet.out.find("new device"), std::string::npos) << tablet.out;
  EXPECT_NE(deviceIdOf("tablet"), deviceIdOf("phone"));
  device("phone", {"sync"});
  device("laptop", {"sync"});
  EXPECT_EQ(title("laptop", fromPhone), "From the phone");
  EXPECT_EQ(title("laptop", fromTablet), "From the tablet");
  device("tablet", {"sync"});
  EXPECT_EQ(title("tablet", fromPhone), "From the phone");
}

TEST_F(DeviceIdentity, ASyncThatLeavesAChangeSetAsideSaysSoUntilTheRepDropsIt) {
  const std::string deal = device("phone", {"deal", "add", "--title", "Cold store"});
  device("phone", {"sync"});
  {
    // A change the server cannot take (as an older or newer NextStep might write one).
    auto store = Store::open({dbOf("phone"), false});
    ASSERT_TRUE(store.ok());
    const DeviceId self = (*store)->deviceId();
    auto written = (*store)->write([&](Mutation& m) {
      auto op = m.db().prepare(
          "INSERT INTO outbox(type, record_id, kind, key, value, stamp) "
          "VALUES (3, ?1, 2, 'colour', 'red', ?2)");  // a deal, a set
      const auto stamp =
          Stamp{static_cast<std::uint64_t>((*store)->nowMillis()) << 16, self}.encode();
      op->bind(1, deal);
      op->bindBlob(2, stamp.data(), stamp.size());
      op->run();
    });
    ASSERT_TRUE(written.ok()) << written.error().message;
  }
  const ProgramRun sync = tryDevice("phone", {"sync"});
  EXPECT_EQ(sync.exit_code, 3) << sync.out << sync.err;
  EXPECT_EQ(sync.out.find("Up to date"), std::string::npos) << sync.out;
  EXPECT_NE(sync.out.find("set aside"), std::string::npos) << sync.out;
  EXPECT_NE(sync.err.find("nextstep set-aside"), std::string::npos) << sync.err;
  const auto aside = deviceJson("phone", {"set-aside"});
  ASSERT_EQ(aside.size(), 1u);
  EXPECT_EQ(aside[0]["record_title"], "Cold store");
  EXPECT_EQ(aside[0]["key"], "colour");
  EXPECT_FALSE(aside[0]["reason"].get<std::string>().empty());
  device("phone", {"set-aside", "drop", std::to_string(aside[0]["id"].get<std::int64_t>())});
  const ProgramRun after = tryDevice("phone", {"sync"});
  EXPECT_EQ(after.exit_code, 0) << after.err;
  EXPECT_NE(after.out.find("Up to date"), std::string::npos) << after.out;
}

}  // namespace
}  // namespace nextstep::testing
