// Bad input gets one clear line on stderr, a non-zero exit (2: the command line, 1: the rest),
// nothing on stdout, and leaves the database exactly as it was.
#include <sqlite3.h>

#include <cstdio>
#include <filesystem>

#include "cli_process.h"
#include "nextstep/data/file_bytes.h"

namespace nextstep::cli_test {
namespace {

using ::testing::HasSubstr;
using ::testing::StartsWith;

struct BadInput {
  std::vector<std::string> args;
  int exit_code;
  std::string message;  // part of the one line on stderr
};

class BadInputTest : public CliTest {
 protected:
  // Runs every case against the seeded database and checks that nothing changed.
  void expectRejected(const std::vector<BadInput>& cases) {
    for (const BadInput& c : cases) {
      const std::string before = snapshotOf(db_);
      const CliRun r = run(c.args);
      std::string cmd;
      for (const std::string& a : c.args) cmd += a + " ";
      SCOPED_TRACE(cmd);
      EXPECT_EQ(r.exit_code, c.exit_code) << r.err;
      EXPECT_EQ(r.out, "");
      EXPECT_EQ(lineCount(r.err), 1) << r.err;
      EXPECT_THAT(r.err, StartsWith("nextstep"));
      EXPECT_THAT(r.err, HasSubstr(c.message));
      EXPECT_EQ(snapshotOf(db_), before);
    }
  }
};

TEST_F(BadInputTest, UnknownAndAmbiguousIdsExitOne) {
  seedPipeline();
  ok({"deal", "add", "--title", "Second deal"});
  // Ids made in the same millisecond share their first 13 characters (UUIDv7).
  const std::string shared = deal_.substr(0, 13);
  expectRejected({
      {{"deal", "show", "abcd"}, 1, "no deal with id 'abcd'"},
      {{"--json", "deal", "show", "abcd"}, 1, "no deal with id 'abcd'"},
      {{"deal", "show", "01"}, 1, "no deal with id '01'"},
      {{"deal", "set", "abcd", "--title", "x"}, 1, "no deal with id 'abcd'"},
      {{"deal", "delete", "abcd"}, 1, "no deal with id 'abcd'"},
      {{"deal", "show", shared}, 1, "matches more than one deal"},
      {{"deal", "show", meeting_}, 1, "no deal with id"},
      {{"meeting", "show", "ffff"}, 1, "no meeting with id 'ffff'"},
      {{"meeting", "book", "--deal", "ffff", "--at", "2026-12-01T10:00"}, 1, "no deal"},
      {{"meeting", "book", "--deal", deal_, "--at", "2026-12-01T10:00", "--attendee", "ffff"},
       1,
       "no contact with id 'ffff'"},
      {{"meeting", "close", "ffff", "--outcome", "yes"}, 1, "no meeting"},
      {{"contact", "set", "ffff", "--name", "x"}, 1, "no contact"},
      {{"account", "show", "Globex"}, 1, "no account with id or name 'Globex'"},
      {{"action", "done", "ffff"}, 1, "no action"},
      {{"note", "add", "--deal", "ffff", "--text", "hello"}, 1, "no deal"},
      {{"event", "show", "ffff"}, 1, "no event"},
  });
}

TEST_F(BadInputTest, BadValuesExitTwo) {
  seedPipeline();
  now_ = "2026-11-26T13:05:00Z";  // during the seeded meeting, so closing it is allowed
  expectRejected({
      {{"meeting", "book", "--deal", deal_, "--at", "2026-02-30T10:00"}, 2, "no such day"},
      {{"meeting", "book", "--deal", deal_, "--at", "tomorrow"}, 2, "--at"},
      {{"meeting", "book", "--deal", deal_, "--at", "2026-12-01T25:00"}, 2, "no such time"},
      {{"meeting", "book", "--deal", deal_, "--at", "2026-12-01T10:00", "--tz", "Mars/Base"},
       2,
       "unknown time zone 'Mars/Base'"},
      {{"meeting", "book", "--deal", deal_, "--at", "2027-03-28T02:30", "--tz", "Europe/Berlin"},
       2,
       "does not exist in Europe/Berlin"},
      {{"meeting", "book", "--deal", deal_, "--at", "2026-12-01T10:00", "--duration", "forever"},
       2,
       "--duration"},
      {{"meeting", "book", "--deal", deal_, "--at", "2026-12-01T10:00", "--duration", "2m"},
       2,
       "between 5 minutes and 24 hours"},
      {{"meeting", "book", "--deal", deal_, "--at", "2026-11-20T10:00"}, 2, "is over"},
      {{"--tz", "Nowhere/City", "today"}, 2, "unknown time zone"},
      {{"deal", "add", "--title", "x", "--value", "12,50"}, 2, "not an amount"},
      {{"deal", "add", "--title", "x", "--value", "1.234"}, 2, "more than two decimals"},
      {{"deal", "add", "--title", "x", "--value", "-5"}, 2, "not an amount"},
      {{"deal", "add", "--title", "x", "--currency", "EURO"}, 2, "three-letter"},
      {{"deal", "add", "--title", "x", "--stage", "nope"}, 2, "not on the team's ladder"},
      {{"deal", "add", "--title", "  "}, 2, "must not be empty"},
      {{"deal", "list", "--stage", "nope"}, 2, "not on the team's ladder"},
      {{"deal", "list", "--status", "maybe"}, 2, "open|won|lost|all"},
      {{"deal", "list", "--limit", "-1"}, 2, "--limit"},
      {{"deal", "set", deal_}, 2, "nothing to change"},
      {{"deal", "set", deal_, "--status", "closed"}, 2, "open|won|lost"},
      {{"contact", "add", "--name", "x", "--role", "boss"}, 2, "decision_maker|approver"},
      {{"meeting", "close", meeting_, "--outcome", "perhaps"}, 2, "yes|no|maybe"},
      {{"meeting", "close", meeting_, "--outcome", "maybe"}, 2, "needs a follow-up date"},
      {{"meeting", "close", meeting_, "--outcome", "no"}, 2, "needs its reason"},
      {{"meeting", "close", meeting_, "--outcome", "maybe", "--follow-up", "2026-11-02"},
       2,
       "in the past"},
      {{"meeting", "close", meeting_, "--outcome", "maybe", "--follow-up", "10.12.2026"},
       2,
       "not a date"},
      {{"meeting", "close", meeting_, "--outcome", "yes", "--temperature", contact_},
       2,
       "CONTACT:READY"},
      {{"meeting", "close", meeting_, "--outcome", "yes", "--temperature", contact_ + ":hot"},
       2,
       "yes|no|unsure"},
      {{"meeting", "close", meeting_, "--outcome", "yes", "--customer-action", "x@2026-02-31"},
       2,
       "no such day"},
      {{"meeting", "close", meeting_, "--outcome", "yes", "--stage", "nope"},
       2,
       "not on the team's ladder"},
      {{"action", "add", "--deal", deal_, "--owner", "boss", "--text", "x"}, 2, "rep|customer"},
      {{"note", "add", "--text", "orphan"}, 2, "give --deal, --account or --contact"},
      {{"touch", "add", "--deal", deal_, "--kind", "call", "--at", "2027-01-01T10:00Z"},
       2,
       "in the future"},
      {{"touch", "add", "--deal", deal_, "--kind", "fax"}, 2, "call|email"},
      {{"settings", "set", "--cadence-days", "0"}, 2, "--cadence-days"},
      {{"settings", "set", "--stages", "a,,b"}, 2, "empty stage"},
      {{"search", "--", "***"}, 2, "type a word"},
  });
}

TEST_F(BadInputTest, BadCommandLinesExitTwo) {
  seedPipeline();
  expectRejected({
      {{}, 2, "which command?"},
      {{"deal"}, 2, "nextstep deal: which command? one of add, list"},
      {{"deal", "add"}, 2, "nextstep deal add: --title is required"},
      {{"deal", "add", "--title", "x", "--bogus"}, 2, "unknown flag or extra argument: --bogus"},
      {{"deal", "show"}, 2, "id is required"},
      {{"deal", "show", deal_, "extra"}, 2, "extra"},
      {{"meeting", "book", "--deal", deal_}, 2, "--at is required"},
      {{"meeting", "close", meeting_}, 2, "--outcome is required"},
      {{"frobnicate"}, 2, "frobnicate"},
      {{"--now", "yesterday", "today"}, 2, "--now"},
  });
}

// `--server` takes replicas as HOST:PORT,HOST:PORT: a list with a bad part, or with an address
// off this machine for plain text, is refused before anything is sent.
TEST_F(BadInputTest, AServerListIsCheckedBeforeAnythingIsSent) {
  expectRejected({
      {{"sync", "--server", "127.0.0.1:7443,,127.0.0.1:7444"}, 2, "must be HOST:PORT"},
      {{"sync", "--server", "127.0.0.1:7443, 127.0.0.1:7443"}, 2, "is given twice"},
      {{"sync", "--server", "127.0.0.1:7443,10.0.0.1:7443"},
       2,
       "refusing to send a token in plain text to 10.0.0.1:7443"},
  });
}

TEST_F(BadInputTest, RulesOfTheMethodExitOne) {
  seedPipeline();
  now_ = "2026-11-26T13:40:00Z";
  ok({"meeting", "close", meeting_, "--outcome", "yes"});
  const std::string cancelled =
      ok({"meeting", "book", "--deal", deal_, "--at", "2026-12-03T14:00"});
  ok({"meeting", "cancel", cancelled});
  const std::string lost = ok({"deal", "add", "--title", "Lost deal"});
  ok({"deal", "set", lost, "--status", "lost", "--lost-reason", "budget cut"});
  expectRejected({
      {{"meeting", "close", meeting_, "--outcome", "yes"}, 1, "only a planned meeting"},
      {{"meeting", "close", cancelled, "--outcome", "yes"}, 1, "only a planned meeting"},
      {{"meeting", "cancel", meeting_}, 1, "was held"},
      {{"meeting", "reschedule", cancelled, "--at", "2026-12-04T10:00"}, 1, "only planned"},
      {{"meeting", "book", "--deal", lost, "--at", "2026-12-04T10:00"}, 1, "reopen it"},
  });
}

TEST_F(BadInputTest, DatabaseProblemsExitOneAndTouchNothing) {
  // Read commands never create a database.
  const std::string missing = file("missing.db");
  for (const auto& args : std::vector<std::vector<std::string>>{
           {"deal", "list"},
           {"today"},
           {"health"},
           {"check"},
           {"search", "x"},
           {"deal", "show", "abcd"},
           {"settings", "show"},
           {"deal", "set", "abcd", "--title", "x"},
           {"meeting", "book", "--deal", "abcd", "--at", "2026-12-01T10:00"}}) {
    std::vector<std::string> all{"--db", missing};
    all.insert(all.end(), args.begin(), args.end());
    const CliRun r = runBare(all);
    EXPECT_EQ(r.exit_code, 1) << args[0];
    EXPECT_EQ(r.err, "nextstep: no database at " + missing +
                         " (add a deal or an account to start one, or point --db at yours)\n");
    EXPECT_FALSE(std::filesystem::exists(missing));
  }

  // A directory instead of a file.
  const CliRun dir = runBare({"--db", dir_.string(), "deal", "add", "--title", "x"});
  EXPECT_EQ(dir.exit_code, 1);
  EXPECT_THAT(dir.err, HasSubstr("is a directory"));
  EXPECT_EQ(lineCount(dir.err), 1);

  // A file that is not a database at all.
  const std::string garbage = file("garbage.db");
  {
    std::FILE* f = std::fopen(garbage.c_str(), "wb");
    for (int i = 0; i < 4096; ++i) std::fputc((i * 7919) % 251, f);
    std::fclose(f);
  }
  const std::string garbageBytes = readFileBytes(garbage).value();
  for (const auto& args :
       std::vector<std::vector<std::string>>{{"deal", "list"}, {"deal", "add", "--title", "x"}}) {
    std::vector<std::string> all{"--db", garbage};
    all.insert(all.end(), args.begin(), args.end());
    const CliRun r = runBare(all);
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_THAT(r.err, HasSubstr("is not a NextStep database"));
    EXPECT_EQ(lineCount(r.err), 1);
    EXPECT_EQ(readFileBytes(garbage).value(), garbageBytes);
  }

  // Another program's SQLite database.
  const std::string other = file("other.db");
  {
    sqlite3* db = nullptr;
    sqlite3_open(other.c_str(), &db);
    sqlite3_exec(db, "CREATE TABLE songs(title TEXT); INSERT INTO songs VALUES ('la')", nullptr,
                 nullptr, nullptr);
    sqlite3_close(db);
  }
  const std::string otherBefore = snapshotOf(other);
  const CliRun foreign = runBare({"--db", other, "deal", "add", "--title", "x"});
  EXPECT_EQ(foreign.exit_code, 1);
  EXPECT_EQ(foreign.err, "nextstep: " + other + " is not a NextStep database\n");
  EXPECT_EQ(snapshotOf(other), otherBefore);

  // A folder that does not exist.
  const std::string nowhere = file("no/such/folder/x.db");
  const CliRun noFolder = runBare({"--db", nowhere, "deal", "add", "--title", "x"});
  EXPECT_EQ(noFolder.exit_code, 1);
  EXPECT_THAT(noFolder.err, HasSubstr("there is no folder"));
  EXPECT_FALSE(std::filesystem::exists(file("no")));

  // A file in place of a folder.
  const CliRun underFile = runBare({"--db", garbage + "/x.db", "deal", "add", "--title", "x"});
  EXPECT_EQ(underFile.exit_code, 1);
  EXPECT_EQ(lineCount(underFile.err), 1);
}

TEST_F(BadInputTest, ADamagedDatabaseIsReportedInOneLine) {
  seedPipeline();
  {
    std::FILE* f = std::fopen(db_.c_str(), "r+b");
    ASSERT_NE(f, nullptr);
    std::fseek(f, 4096 * 3, SEEK_SET);
    for (int i = 0; i < 4096 * 4; ++i) std::fputc(0xA5, f);
    std::fclose(f);
  }
  const std::string before = readFileBytes(db_).value();
  for (const auto& args : std::vector<std::vector<std::string>>{
           {"check"}, {"deal", "list"}, {"deal", "show", deal_}}) {
    const CliRun r = run(args);
    SCOPED_TRACE(args[0]);
    EXPECT_EQ(r.exit_code, 1) << r.out;
    EXPECT_EQ(lineCount(r.err), 1) << r.err;
    EXPECT_THAT(r.err, HasSubstr("damaged"));
    EXPECT_EQ(readFileBytes(db_).value(), before);
  }
}

TEST_F(BadInputTest, AFailedFirstCommandLeavesNoDatabaseBehind) {
  const std::string fresh = file("fresh.db");
  const CliRun r = runBare({"--db", fresh, "deal", "add", "--title", "x", "--stage", "nope"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_THAT(r.err, HasSubstr("not on the team's ladder"));
  EXPECT_FALSE(std::filesystem::exists(fresh));
  EXPECT_FALSE(std::filesystem::exists(fresh + "-wal"));
  EXPECT_FALSE(std::filesystem::exists(fresh + "-shm"));
}

TEST_F(BadInputTest, CheckReportsAHealthyFile) {
  seedPipeline();
  const auto check = okJson({"check"});
  EXPECT_EQ(check["ok"], true);
  EXPECT_EQ(check["path"], db_);
  EXPECT_GE(check["schema_version"].get<int>(), 1);
  EXPECT_GT(check["pending_changes"].get<int>(), 0);
  EXPECT_THAT(run({"check"}).out, HasSubstr("ok: " + db_));
}

}  // namespace
}  // namespace nextstep::cli_test
