// Where the database is when --db is not given: $NEXTSTEP_DB, then $XDG_DATA_HOME, then
// ~/.local/share; the folder is made for the first record.
#include <filesystem>

#include "cli_process.h"

namespace nextstep::cli_test {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;

class DatabaseLocationTest : public CliTest {};

TEST_F(DatabaseLocationTest, HomeIsTheLastResort) {
  const fs::path expected = dir_ / "home" / ".local" / "share" / "nextstep" / "nextstep.db";
  const CliRun list = runBare({"deal", "list"});
  EXPECT_EQ(list.exit_code, 1);
  EXPECT_THAT(list.err, HasSubstr("no database at " + expected.string()));
  EXPECT_FALSE(fs::exists(dir_ / "home"));

  const CliRun add = runBare({"deal", "add", "--title", "First"});
  ASSERT_EQ(add.exit_code, 0) << add.err;
  EXPECT_TRUE(fs::exists(expected));
  const CliRun again = runBare({"deal", "list", "--json"});
  EXPECT_EQ(again.json()["count"], 1);
}

TEST_F(DatabaseLocationTest, XdgDataHomeComesBeforeHome) {
  const fs::path xdg = dir_ / "xdg";
  const CliRun add =
      runBare({"deal", "add", "--title", "First"}, {{"XDG_DATA_HOME", xdg.string()}});
  ASSERT_EQ(add.exit_code, 0) << add.err;
  EXPECT_TRUE(fs::exists(xdg / "nextstep" / "nextstep.db"));
  EXPECT_FALSE(fs::exists(dir_ / "home"));
  // A relative XDG_DATA_HOME is ignored, as the spec says.
  const CliRun relative = runBare({"deal", "list"}, {{"XDG_DATA_HOME", "relative/path"}});
  EXPECT_THAT(relative.err, HasSubstr((dir_ / "home").string()));
}

TEST_F(DatabaseLocationTest, NextstepDbComesFirstAndDbFlagBeatsIt) {
  const std::string fromEnv = file("env.db");
  const CliRun add = runBare({"deal", "add", "--title", "In env"},
                             {{"NEXTSTEP_DB", fromEnv}, {"XDG_DATA_HOME", file("xdg")}});
  ASSERT_EQ(add.exit_code, 0) << add.err;
  EXPECT_TRUE(fs::exists(fromEnv));
  EXPECT_FALSE(fs::exists(file("xdg")));

  const CliRun flag =
      runBare({"--db", db_, "deal", "add", "--title", "In flag"}, {{"NEXTSTEP_DB", fromEnv}});
  ASSERT_EQ(flag.exit_code, 0) << flag.err;
  const CliRun envList = runBare({"deal", "list", "--json"}, {{"NEXTSTEP_DB", fromEnv}});
  ASSERT_EQ(envList.json()["count"], 1);
  EXPECT_EQ(envList.json()["deals"][0]["title"], "In env");
}

TEST_F(DatabaseLocationTest, HelpAndVersionNeedNoDatabase) {
  const CliRun help = runBare({"--help"});
  EXPECT_EQ(help.exit_code, 0);
  EXPECT_THAT(help.out, HasSubstr("Exit codes"));
  const CliRun sub = runBare({"meeting", "close", "--help"});
  EXPECT_EQ(sub.exit_code, 0);
  EXPECT_THAT(sub.out, HasSubstr("--follow-up"));
  const CliRun version = runBare({"--version"});
  EXPECT_EQ(version.exit_code, 0);
  EXPECT_THAT(version.out, HasSubstr("nextstep "));
  EXPECT_FALSE(fs::exists(dir_ / "home"));
}

}  // namespace
}  // namespace nextstep::cli_test
