// The commands of the data issue as a rep runs them: import, export, backup, restore, the
// invitation and the recap, checked through what they print and what they leave on disk.
#include <filesystem>
#include <fstream>

#include "cli_process.h"
#include "crm_csv.h"
#include "fake_notification_service.h"
#include "nextstep/data/file_bytes.h"
#include "python_check.h"

namespace nextstep::cli_test {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;

class DataCliTest : public CliTest {
 protected:
  std::string write(const std::string& name, const std::string& text) {
    const std::string path = file(name);
    std::ofstream(path, std::ios::binary) << text;
    return path;
  }

  // `remind --once` at 14:36 in Berlin, on the given session bus: the meeting at 14:00 ends at
  // 14:45, so the call is to be closed.
  CliRun remindOnce(const testing::FakeNotificationService& bus) {
    return runBare({"--db", db_, "--now", "2026-11-26T13:36:00Z", "--json", "remind", "--once"},
                   {{"DBUS_SESSION_BUS_ADDRESS", bus.address()}});
  }
};

TEST_F(DataCliTest, ADryRunReportsEveryRowAndWritesNothing) {
  seedPipeline();
  const auto crm = testing::salesforceOpportunities(600);
  const std::string csv = write("opportunities.csv", crm.text);
  const std::string before = snapshotOf(db_);

  const auto dry = okJson({"import", "csv", csv, "--from", "salesforce", "--dry-run"});
  EXPECT_EQ(dry["dry_run"], true);
  EXPECT_EQ(dry["rows"], crm.rows);
  EXPECT_EQ(dry["skipped"], crm.skipped);
  EXPECT_EQ(dry["added"], crm.rows - crm.skipped);
  EXPECT_EQ(snapshotOf(db_), before) << "a dry run changed the database";

  const auto real = okJson({"import", "csv", csv, "--from", "salesforce"});
  EXPECT_EQ(real["added"], dry["added"]);
  EXPECT_EQ(okJson({"deal", "list", "--status", "all", "--limit", "0"})["count"],
            1 + real["added"].get<int>());

  // Every skipped row says which row and why, in words a rep can act on.
  int skippedRows = 0;
  for (const auto& row : real["report"]) {
    if (row["result"] != "skipped") continue;
    ++skippedRows;
    EXPECT_GT(row["row"].get<int>(), 1);
    EXPECT_FALSE(row["reason"].get<std::string>().empty());
  }
  EXPECT_EQ(skippedRows, crm.skipped);

  // The same file again: every row is already there.
  const auto again = okJson({"import", "csv", csv, "--from", "salesforce"});
  EXPECT_EQ(again["added"], 0);
  EXPECT_EQ(again["skipped"], crm.rows);
  EXPECT_THAT(again["report"][0]["reason"].get<std::string>(), HasSubstr("duplicate"));
}

TEST_F(DataCliTest, EachCrmsExportImportsInSeconds) {
  struct Case {
    const char* from;
    testing::CrmFile crm;
  };
  const Case cases[] = {{"salesforce", testing::salesforceOpportunities(3000)},
                        {"hubspot", testing::hubspotDeals(3000)},
                        {"pipedrive", testing::pipedriveDeals(3000)}};
  for (const Case& c : cases) {
    const std::string csv = write(std::string(c.from) + ".csv", c.crm.text);
    const auto report = okJson({"import", "csv", csv, "--from", c.from});
    EXPECT_EQ(report["rows"], c.crm.rows) << c.from;
    EXPECT_EQ(report["skipped"], c.crm.skipped) << c.from;
  }
  EXPECT_EQ(run({"--json", "health"}).exit_code, 0);
}

TEST_F(DataCliTest, BadImportsAreRefusedAndLeaveTheDatabaseAsItWas) {
  seedPipeline();
  const std::string before = snapshotOf(db_);
  const std::string csv = write("deals.csv", testing::hubspotDeals(20).text);

  const CliRun unknownCrm = run({"import", "csv", csv, "--from", "zoho"});
  EXPECT_EQ(unknownCrm.exit_code, 2);
  EXPECT_THAT(unknownCrm.err, HasSubstr("zoho"));
  EXPECT_EQ(lineCount(unknownCrm.err), 1);

  const CliRun missing = run({"import", "csv", file("nowhere.csv"), "--from", "hubspot"});
  EXPECT_NE(missing.exit_code, 0);
  EXPECT_THAT(missing.err, HasSubstr("nowhere.csv"));

  const std::string binary = write("photo.csv", std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16));
  const CliRun garbage = run({"import", "csv", binary, "--from", "hubspot"});
  EXPECT_NE(garbage.exit_code, 0);
  EXPECT_EQ(lineCount(garbage.err), 1) << garbage.err;

  EXPECT_EQ(snapshotOf(db_), before);
}

TEST_F(DataCliTest, BackupAndRestoreBringBackThePipeline) {
  seedPipeline();
  const std::string backup = file("monday.nextstep");
  const auto made = okJson({"backup", backup});
  EXPECT_EQ(made["integrity"], "ok");
  EXPECT_GE(made["records"].get<int>(), 3);
  const std::string saved = snapshotOf(backup);

  ok({"deal", "set", deal_, "--title", "Renamed by mistake"});
  const auto restored = okJson({"restore", backup});
  EXPECT_FALSE(restored["kept_aside"].get<std::string>().empty());
  EXPECT_TRUE(fs::exists(restored["kept_aside"].get<std::string>()))
      << "the database it replaced is kept";
  EXPECT_EQ(okJson({"deal", "show", deal_})["deal"]["title"], "Pilot for Acme");
  EXPECT_EQ(snapshotOf(backup), saved) << "restoring changed the backup";
}

TEST_F(DataCliTest, ADamagedBackupIsRefusedBeforeAnythingIsReplaced) {
  seedPipeline();
  const std::string before = snapshotOf(db_);
  const std::string backup = file("backup.nextstep");
  ok({"backup", backup});
  {
    // Overwrite a page in the middle of the file.
    std::fstream f(backup, std::ios::in | std::ios::out | std::ios::binary);
    f.seekp(static_cast<std::streamoff>(fs::file_size(backup) / 2));
    const std::string junk(4096, '\x5a');
    f.write(junk.data(), static_cast<std::streamsize>(junk.size()));
  }
  const CliRun r = run({"restore", backup});
  EXPECT_NE(r.exit_code, 0);
  EXPECT_EQ(lineCount(r.err), 1) << r.err;
  EXPECT_EQ(snapshotOf(db_), before);

  const std::string text = write("notes.txt", "not a database at all\n");
  EXPECT_NE(run({"restore", text}).exit_code, 0);
  EXPECT_EQ(snapshotOf(db_), before);
}

TEST_F(DataCliTest, ExportWritesEveryRecordTypeToCsvAndJson) {
  seedPipeline();
  const auto csv = okJson({"export", "csv", file("out")});
  int deals = 0;
  for (const auto& f : csv["files"]) {
    EXPECT_TRUE(fs::exists(f["path"].get<std::string>())) << f["path"];
    if (f["record"] == "deal") deals = f["rows"];
  }
  EXPECT_EQ(deals, 1);
  EXPECT_THAT(readFileBytes(file("out/deals.csv")).value(), HasSubstr("Pilot for Acme"));

  okJson({"export", "json", file("pipeline.json")});
  const auto all = nlohmann::json::parse(readFileBytes(file("pipeline.json")).value());
  EXPECT_THAT(all.dump(), HasSubstr("Dana Decider"));

  // NextStep's own CSV comes back in as it went out.
  const std::string fresh = file("fresh.db");
  const CliRun back = runBare(
      {"--db", fresh, "import", "csv", file("out/deals.csv"), "--from", "nextstep", "--json"});
  ASSERT_EQ(back.exit_code, 0) << back.err;
  EXPECT_EQ(back.json()["added"], 1);
}

TEST_F(DataCliTest, TheInvitationOpensAsTheSameMeetingInAnotherParser) {
  seedPipeline();
  const std::string ics = file("meeting.ics");
  const auto made =
      okJson({"export", "ics", meeting_, "-o", ics, "--organizer", "anna@nextstep.example"});
  EXPECT_EQ(made["method"], "request");
  const auto parsed = testing::runPythonCheck("check_ics.py", {ics});
  ASSERT_FALSE(parsed.is_null());
  EXPECT_EQ(parsed["method"], "REQUEST");
  EXPECT_EQ(parsed["uid"], made["uid"]);
  EXPECT_EQ(parsed["tzid"], "Europe/Berlin");
  EXPECT_EQ(parsed["start_wall"], "2026-11-26T14:00");
  EXPECT_EQ(parsed["start_utc"], "2026-11-26T13:00:00Z");
  EXPECT_EQ(parsed["end_utc"], "2026-11-26T13:45:00Z");
  EXPECT_EQ(parsed["location"], "Acme HQ");
  ASSERT_EQ(parsed["attendees"].size(), 1u);
  EXPECT_EQ(parsed["attendees"][0]["address"], "mailto:dana@acme.example");

  // Moving it raises the sequence under the same UID; cancelling keeps the UID too.
  now_ = "2026-11-26T09:05:00Z";
  ok({"meeting", "reschedule", meeting_, "--at", "2026-11-27T09:00", "--tz", "Europe/Berlin"});
  const auto moved = okJson({"export", "ics", meeting_, "--organizer", "a@b.example"});
  EXPECT_EQ(moved["uid"], made["uid"]);
  EXPECT_GT(moved["sequence"].get<int>(), made["sequence"].get<int>());
  ok({"meeting", "cancel", meeting_});
  const auto cancel = okJson({"export", "ics", meeting_, "--cancel", "--organizer", "a@b.example"});
  EXPECT_EQ(cancel["method"], "cancel");
  EXPECT_EQ(cancel["uid"], made["uid"]);

  const CliRun unknown = run({"export", "ics", "0000dead"});
  EXPECT_EQ(unknown.exit_code, 1);
  EXPECT_EQ(lineCount(unknown.err), 1);
}

TEST_F(DataCliTest, TheRecapIsAMessageAMailClientReads) {
  seedPipeline();
  now_ = "2026-11-26T13:50:00Z";  // in the meeting, which is at 14:00 Berlin
  ok({"meeting", "close", meeting_, "--outcome", "maybe", "--follow-up", "2026-12-10",
      "--customer-action", "Send the usage figures@2026-12-03"});
  const std::string eml = file("recap.eml");
  const auto made =
      okJson({"recap", meeting_, "--format", "eml", "-o", eml, "--from", "anna@nextstep.example"});
  EXPECT_EQ(made["to"][0]["email"], "dana@acme.example");
  EXPECT_THAT(made["body"].get<std::string>(), HasSubstr("Send the usage figures"));
  const auto parsed = testing::runPythonCheck("check_mail.py", {"eml", eml});
  ASSERT_FALSE(parsed.is_null());
  EXPECT_THAT(parsed.dump(), HasSubstr("dana@acme.example"));
  EXPECT_THAT(parsed.dump(), HasSubstr("Send the usage figures"));
}

TEST_F(DataCliTest, RemindersDueAreListed) {
  seedPipeline();
  // The meeting at 14:00 Berlin ends at 14:45: its ten-minute close falls within the day.
  const auto list = okJson({"remind", "--list", "--horizon", "1d"});
  bool close = false;
  for (const auto& r : list["reminders"]) {
    if (r["meeting_id"] == meeting_) close = true;
  }
  EXPECT_TRUE(close) << list.dump(2);
}

// The reminder of the ten minutes before a meeting ends reaches the desktop's notification server
// over a real session bus, marked critical, and only once on this device.
TEST_F(DataCliTest, RemindersReachTheDesktopNotificationServerOnce) {
  seedPipeline();
  testing::FakeNotificationService desktop;
  ASSERT_TRUE(desktop.ok()) << desktop.error();
  const CliRun first = remindOnce(desktop);
  ASSERT_EQ(first.exit_code, 0) << first.err;
  const auto report = first.json();
  EXPECT_EQ(report["via"], "desktop") << report.dump(2);
  const auto shown = desktop.shown();
  ASSERT_EQ(shown.size(), report["count"].get<std::size_t>()) << report.dump(2);
  bool closing = false;
  for (std::size_t i = 0; i < shown.size(); ++i) {
    const auto& listed = report["reminders"][i];
    EXPECT_EQ(shown[i].summary, listed["title"]);
    EXPECT_EQ(shown[i].body, listed["body"]);
    EXPECT_EQ(shown[i].app, "NextStep");
    EXPECT_EQ(shown[i].category, "x-nextstep.reminder");
    if (listed["meeting_id"] == meeting_) {
      closing = true;
      EXPECT_EQ(shown[i].urgency, 2) << "closing the call must not slip away unseen";
    }
  }
  EXPECT_TRUE(closing) << report.dump(2);

  const CliRun again = remindOnce(desktop);
  ASSERT_EQ(again.exit_code, 0) << again.err;
  EXPECT_EQ(again.json()["count"], 0);
  EXPECT_EQ(desktop.shown().size(), shown.size());
}

// A desktop without a notification server: the reminders are printed instead, said why, and
// count as shown.
TEST_F(DataCliTest, WithoutANotificationServerRemindersArePrinted) {
  seedPipeline();
  testing::FakeNotificationService bus(/*claim_name=*/false);
  ASSERT_TRUE(bus.ok()) << bus.error();
  const CliRun first = remindOnce(bus);
  ASSERT_EQ(first.exit_code, 0) << first.err;
  const auto report = first.json();
  EXPECT_EQ(report["via"], "printed");
  EXPECT_THAT(report["notice"].get<std::string>(), HasSubstr("no desktop notification service"));
  EXPECT_GE(report["count"].get<int>(), 1);
  EXPECT_TRUE(bus.shown().empty());
  EXPECT_EQ(remindOnce(bus).json()["count"], 0);
}

}  // namespace
}  // namespace nextstep::cli_test
