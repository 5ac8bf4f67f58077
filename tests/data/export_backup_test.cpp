// Everything out and back in: CSV and JSON exports, an export imported into a new database, and
// backups that are verified before they count and before they are restored.
#include <sqlite3.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>

#include "csv_table.h"
#include "nextstep/data/backup.h"
#include "nextstep/data/csv_import.h"
#include "nextstep/data/export.h"
#include "nextstep/data/file_bytes.h"
#include "nextstep/follow_up/notes_touches.h"
#include "nextstep/meetings/booking.h"
#include "nextstep/pipeline/pipeline.h"
#include "test_store.h"

namespace nextstep::testing {
namespace {

namespace fs = std::filesystem;

// The rows of an exported CSV as text, without the columns that differ between databases (ids,
// creation times), sorted: equal sets mean the same records.
std::multiset<std::string> rowsOf(const std::string& path) {
  auto table = data::readCsv(readFileBytes(path).value(), std::nullopt);
  EXPECT_TRUE(table.ok()) << path;
  std::multiset<std::string> out;
  if (!table.ok()) return out;
  for (const auto& row : table->rows) {
    std::string line;
    for (std::size_t i = 0; i < row.size(); ++i) {
      const std::string& name = table->header[i];
      if (name == "id" || name.ends_with("_id") || name == "created_at") continue;
      line += name + "=" + row[i] + "|";
    }
    out.insert(line);
  }
  return out;
}

class ExportBackupTest : public StoreTest {
 protected:
  void seed() {
    const std::string acme = unwrap(addAccount(*store_, {.name = "Acme, \"Süd\" GmbH",
                                                         .industry = "Logistics",
                                                         .city = "München",
                                                         .cadence_days = 14}));
    unwrap(addAccount(*store_, {.name = "Fjord AS", .city = "Oslo"}));
    const std::string dana = unwrap(addContact(*store_, {.name = "Dana Decider",
                                                         .account = acme,
                                                         .email = "dana@acme.example",
                                                         .role = ContactRole::kDecisionMaker,
                                                         .title = "CFO"}));
    unwrap(addContact(*store_, {.name = "Ola Nordmann", .account = std::string("Fjord AS")}));
    const std::string deal = unwrap(addDeal(*store_, {.title = "Pilot; phase 1\nwith a break",
                                                      .account = acme,
                                                      .value_minor = 1'200'050,
                                                      .currency = "CHF",
                                                      .stage = "proposal",
                                                      .owner = "Rita"}));
    unwrap(addDeal(*store_, {.title = "Fleet", .account = std::string("Fjord AS")}));
    deal_ = deal;
    unwrap(logTouch(*store_, {.deal = deal,
                              .contact = dana,
                              .kind = TouchKind::kCall,
                              .at = at("2026-11-20T10:15:00Z"),
                              .note = "Congratulated on the award"}));
    BookingRequest b;
    b.deal = deal;
    b.at = local("2026-12-03T14:00");
    b.tz = "Europe/Berlin";
    b.attendees = {dana};
    unwrap(bookMeeting(*store_, b));
  }

  std::string deal_;
};

TEST_F(ExportBackupTest, CsvExportHasAFilePerRecordTypeWithNames) {
  seed();
  const std::string dir = dir_.file("out");
  const data::ExportSummary s = unwrap(data::exportCsv(*store_, dir));
  std::set<std::string> names;
  for (const auto& f : s.files) names.insert(fs::path(f.path).filename().string());
  for (const char* expected :
       {"accounts.csv", "contacts.csv", "deals.csv", "meetings.csv", "touches.csv", "notes.csv",
        "settings.csv", "meeting_attendees.csv"}) {
    EXPECT_TRUE(names.contains(expected)) << expected;
    EXPECT_TRUE(fs::exists(fs::path(dir) / expected)) << expected;
  }
  for (const auto& entry : fs::directory_iterator(dir)) {
    EXPECT_FALSE(entry.path().string().ends_with(".partial"));
  }
  const std::string deals = readFileBytes(dir + "/deals.csv").value();
  EXPECT_TRUE(deals.starts_with("\"id\",\"account_id\",\"title\",\"value_minor\""));
  EXPECT_NE(deals.find("\"Pilot; phase 1\nwith a break\""), std::string::npos);
  EXPECT_NE(deals.find("\"Acme, \"\"Süd\"\" GmbH\""), std::string::npos);  // account_name
  EXPECT_NE(readFileBytes(dir + "/touches.csv").value().find("\"2026-11-20T10:15:00Z\""),
            std::string::npos);
  EXPECT_NE(readFileBytes(dir + "/meeting_attendees.csv").value().find("\"Dana Decider\""),
            std::string::npos);
}

TEST_F(ExportBackupTest, AnExportImportedIntoANewDatabaseExportsTheSame) {
  seed();
  const std::string first = dir_.file("first");
  unwrap(data::exportCsv(*store_, first));

  auto other = unwrap(Store::open({dir_.file("other.db"), true, clock_.wall()}));
  data::ImportOptions o;
  o.from = data::CrmSource::kNextstep;
  o.zone = *TimeZone::find("Europe/Berlin");
  for (const char* file : {"accounts.csv", "contacts.csv", "deals.csv", "touches.csv"}) {
    const data::ImportReport r = unwrap(data::importCsvFile(*other, first + "/" + file, o));
    EXPECT_EQ(r.skipped, 0) << file << ": " << (r.details.empty() ? "" : r.details[0].reason);
    EXPECT_EQ(r.accounts_created, 0) << file;
  }
  const std::string second = dir_.file("second");
  unwrap(data::exportCsv(*other, second));
  for (const char* file : {"accounts.csv", "contacts.csv", "deals.csv", "touches.csv"}) {
    EXPECT_EQ(rowsOf(first + "/" + file), rowsOf(second + "/" + file)) << file;
  }
}

TEST_F(ExportBackupTest, JsonExportIsTypedAndComplete) {
  seed();
  const std::string path = dir_.file("all.json");
  unwrap(data::exportJson(*store_, path));
  const nlohmann::json doc = nlohmann::json::parse(readFileBytes(path).value());
  EXPECT_EQ(doc["format"], "nextstep-export");
  EXPECT_EQ(doc["version"], 1);
  EXPECT_EQ(doc["exported_at"], "2026-11-26T09:00:00Z");
  const auto& deals = doc["records"]["deals"];
  ASSERT_EQ(deals.size(), 2u);
  EXPECT_EQ(deals[0]["title"], "Pilot; phase 1\nwith a break");
  EXPECT_EQ(deals[0]["value_minor"], 1'200'050);
  EXPECT_EQ(deals[0]["currency"], "CHF");
  EXPECT_EQ(deals[0]["account_name"], "Acme, \"Süd\" GmbH");
  EXPECT_EQ(deals[0]["created_at"], "2026-11-26T09:00:00Z");
  EXPECT_EQ(doc["records"]["accounts"][0]["cadence_days"], 14);
  EXPECT_TRUE(doc["records"]["accounts"][1]["cadence_days"].is_null());
  EXPECT_EQ(doc["records"]["meetings"][0]["booked_at_table"], nullptr);
  EXPECT_EQ(doc["records"]["meetings"][0]["tz"], "Europe/Berlin");
  EXPECT_EQ(doc["records"]["meeting_attendees"][0]["contact_name"], "Dana Decider");
  EXPECT_TRUE(doc["records"]["settings"].is_array());
}

TEST_F(ExportBackupTest, ABackupRestoresWhatWasThereAndKeepsTheReplacedDatabase) {
  seed();
  const std::string backup = dir_.file("backup.db");
  const data::BackupCheck check = unwrap(data::backupDatabase(*store_, backup));
  EXPECT_EQ(check.path, backup);
  EXPECT_EQ(check.schema_version, store_->schemaVersion());
  EXPECT_EQ(check.records, 8);  // two accounts, contacts and deals; a touch; a meeting
  EXPECT_FALSE(fs::exists(backup + ".partial"));
  EXPECT_FALSE(fs::exists(backup + "-wal"));  // one self-contained file

  const std::int64_t deals = scalar("SELECT count(*) FROM deals");
  unwrap(addDeal(*store_, {.title = "Written after the backup"}));
  EXPECT_EQ(scalar("SELECT count(*) FROM deals"), deals + 1);

  const data::RestoreReport r = unwrap(data::restoreDatabase(*store_, backup, clock_.now()));
  EXPECT_EQ(r.kept_aside, path_ + ".before-restore-20261126T090000Z");
  EXPECT_EQ(scalar("SELECT count(*) FROM deals"), deals);
  EXPECT_EQ(scalar("SELECT count(*) FROM deals WHERE title = 'Written after the backup'"), 0);
  EXPECT_TRUE(store_->checkIntegrity().ok());

  // The database it replaced is kept, whole.
  auto aside = unwrap(data::verifyBackup(r.kept_aside));
  EXPECT_EQ(aside.records, check.records + 1);

  // The restored database keeps working, and reopens.
  unwrap(addDeal(*store_, {.title = "After the restore"}));
  reopen();
  EXPECT_EQ(scalar("SELECT count(*) FROM deals"), deals + 1);
}

TEST_F(ExportBackupTest, ACorruptOrForeignBackupIsRefusedAndNothingChanges) {
  seed();
  const std::string good = dir_.file("good.db");
  unwrap(data::backupDatabase(*store_, good));
  const std::string bytes = readFileBytes(good).value();

  auto write = [&](const std::string& name, const std::string& content) {
    const std::string path = dir_.file(name);
    std::ofstream(path, std::ios::binary) << content;
    return path;
  };
  std::string damaged = bytes;
  for (std::size_t i = 4096; i < 3 * 4096 && i < damaged.size(); ++i) damaged[i] = '\xA5';
  const std::string foreign = dir_.file("foreign.db");
  {
    sqlite3* db = nullptr;
    sqlite3_open(foreign.c_str(), &db);
    sqlite3_exec(db, "CREATE TABLE t(x); INSERT INTO t VALUES (1);", nullptr, nullptr, nullptr);
    sqlite3_close(db);
  }
  const std::vector<std::string> bad = {
      write("random.db", std::string(8192, '\x42')),
      write("truncated.db", bytes.substr(0, bytes.size() / 2)),
      write("damaged.db", damaged),
      write("empty.db", ""),
      foreign,
      dir_.file("missing.db"),
  };
  const std::int64_t deals = scalar("SELECT count(*) FROM deals");
  for (const std::string& path : bad) {
    SCOPED_TRACE(path);
    EXPECT_FALSE(data::verifyBackup(path).ok());
    auto r = data::restoreDatabase(*store_, path, clock_.now());
    ASSERT_FALSE(r.ok());
    EXPECT_NE(r.error().message.find("nothing was changed"), std::string::npos)
        << r.error().message;
  }
  EXPECT_EQ(scalar("SELECT count(*) FROM deals"), deals);
  for (const auto& entry : fs::directory_iterator(dir_.path())) {
    EXPECT_EQ(entry.path().string().find("before-restore"), std::string::npos);
  }
}

}  // namespace
}  // namespace nextstep::testing
