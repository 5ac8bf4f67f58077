#include <filesystem>
#include <fstream>

#include "nextstep/pipeline/pipeline.h"
#include "test_store.h"

namespace nextstep::testing {
namespace {

namespace fs = std::filesystem;

class StoreOpenTest : public ::testing::Test {
 protected:
  TempDir dir_;
  TestClock clock_{at("2026-11-26T09:00:00Z")};
  Result<std::unique_ptr<Store>> open(const std::string& path, bool create = false) {
    return Store::open({path, create, clock_.wall()});
  }
};

TEST_F(StoreOpenTest, ANewDatabaseIsWalWithForeignKeysOn) {
  auto store = unwrap(open(dir_.file("a.db"), true));
  unwrap(store->read([](Database& db) {
    Statement mode(db.handle(), "PRAGMA journal_mode");
    mode.step();
    EXPECT_EQ(mode.text(0), "wal");
    EXPECT_EQ(db.scalar("PRAGMA foreign_keys"), 1);
    EXPECT_EQ(db.scalar("PRAGMA synchronous"), 2) << "FULL: a booking survives power loss";
    EXPECT_EQ(db.scalar("PRAGMA application_id"), 0x4E535450);
  }));
  EXPECT_NE(store->deviceId(), 0u);
}

TEST_F(StoreOpenTest, TheDeviceKeepsItsIdAcrossRestartsWhateverItsDigits) {
  const std::string path = dir_.file("a.db");
  { auto store = unwrap(open(path, true)); }
  {
    // Hex digits that also read as a number (1200 x 10^5) once turned into a new device.
    auto db = Database::open(path, OpenMode::kReadWrite);
    db->exec("UPDATE local_meta SET value = '00000000001200e5' WHERE key = 'device_id'");
  }
  auto store = unwrap(open(path));
  EXPECT_EQ(store->deviceId(), 0x1200e5u);
}

TEST_F(StoreOpenTest, AMissingFileIsNotCreatedUnlessAsked) {
  auto r = open(dir_.file("missing.db"));
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::kNotFound);
  EXPECT_FALSE(fs::exists(dir_.file("missing.db")));
}

TEST_F(StoreOpenTest, AFileThatIsNotADatabaseIsRefusedAndKept) {
  const std::string path = dir_.file("notes.txt");
  std::ofstream(path)
      << "Call Dana on Monday about the pilot. This is not a database, but it matters.\n";
  const auto size = fs::file_size(path);
  auto r = open(path);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::kCorrupt);
  EXPECT_EQ(fs::file_size(path), size);
}

TEST_F(StoreOpenTest, AnotherProgramsSqliteFileIsRefused) {
  const std::string path = dir_.file("other.db");
  {
    auto db = Database::open(path, OpenMode::kReadWriteCreate);
    db->exec("CREATE TABLE recipes(name TEXT)");
  }
  auto r = open(path);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().message.find("not a NextStep database"), std::string::npos);
}

TEST_F(StoreOpenTest, ADamagedDatabaseIsReportedNotCrashedOn) {
  const std::string path = dir_.file("damaged.db");
  {
    auto store = unwrap(open(path, true));
    for (int i = 0; i < 200; ++i) unwrap(addDeal(*store, {.title = "Deal " + std::to_string(i)}));
  }
  {  // Scribble over the middle of the file, past the header.
    std::fstream f(path, std::ios::in | std::ios::out | std::ios::binary);
    f.seekp(4096 * 3);
    const std::string junk(4096 * 4, '\x5a');
    f.write(junk.data(), static_cast<std::streamsize>(junk.size()));
  }
  auto r = open(path);
  if (r.ok()) {
    auto check = (*r)->checkIntegrity();
    ASSERT_FALSE(check.ok());
    EXPECT_EQ(check.error().code, ErrorCode::kCorrupt);
  } else {
    EXPECT_EQ(r.error().code, ErrorCode::kCorrupt);
  }
}

TEST_F(StoreOpenTest, ADirectoryIsNotADatabase) {
  auto r = open(dir_.path().string());
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::kIo);
}

TEST_F(StoreOpenTest, AFullDiskLosesNothingAlreadySaved) {
  const std::string path = dir_.file("full.db");
  auto store = unwrap(open(path, true));
  const std::string kept = unwrap(addDeal(*store, {.title = "Kept"}));
  // Cap the file at its current size: the next page it needs is "disk full".
  unwrap(store->read([](Database& db) {
    const auto pages = db.scalar("PRAGMA page_count");
    db.exec("PRAGMA max_page_count = " + std::to_string(pages));
  }));
  Result<std::string> r = std::string();
  int saved = 0;
  for (int i = 0; i < 500 && r.ok(); ++i) {
    r = addDeal(*store, {.title = std::string(2000, 'x') + std::to_string(i)});
    saved += r.ok() ? 1 : 0;
  }
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::kFull);
  EXPECT_NE(r.error().message.find("disk is full"), std::string::npos);
  EXPECT_EQ(unwrap(getDeal(*store, kept)).title, "Kept");
  EXPECT_TRUE(store->checkIntegrity().ok());
  EXPECT_EQ(unwrap(store->pendingChanges()), 1 + saved)
      << "each saved deal, and nothing half-saved";
}

}  // namespace
}  // namespace nextstep::testing
