#include "cli_process.h"

#include <fcntl.h>
#include <spawn.h>
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <random>
#include <regex>

#include "nextstep/data/file_bytes.h"

namespace nextstep::cli_test {
namespace {

namespace fs = std::filesystem;

CliRun spawn(const std::vector<std::string>& args, const std::map<std::string, std::string>& env,
             const fs::path& dir) {
  const fs::path outPath = dir / ".stdout";
  const fs::path errPath = dir / ".stderr";
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&actions, 1, outPath.c_str(), O_WRONLY | O_CREAT | O_TRUNC,
                                   0644);
  posix_spawn_file_actions_addopen(&actions, 2, errPath.c_str(), O_WRONLY | O_CREAT | O_TRUNC,
                                   0644);

  std::vector<std::string> argStrings{NEXTSTEP_CLI_BINARY};
  argStrings.insert(argStrings.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (std::string& a : argStrings) argv.push_back(a.data());
  argv.push_back(nullptr);
  std::vector<std::string> envStrings;
  for (const auto& [k, v] : env) envStrings.push_back(k + "=" + v);
  std::vector<char*> envp;
  for (std::string& e : envStrings) envp.push_back(e.data());
  envp.push_back(nullptr);

  CliRun r;
  pid_t pid = 0;
  const int rc = posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), envp.data());
  posix_spawn_file_actions_destroy(&actions);
  if (rc != 0) {
    ADD_FAILURE() << "cannot start " << NEXTSTEP_CLI_BINARY;
    return r;
  }
  int status = 0;
  waitpid(pid, &status, 0);
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  r.out = readFileBytes(outPath.string()).value();
  r.err = readFileBytes(errPath.string()).value();
  return r;
}

std::string describe(const std::vector<std::string>& args, const CliRun& r) {
  std::string cmd = "nextstep";
  for (const std::string& a : args) cmd += " '" + a + "'";
  return cmd + "\n  exit " + std::to_string(r.exit_code) + "\n  stdout: " + r.out +
         "\n  stderr: " + r.err;
}

}  // namespace

nlohmann::json CliRun::json() const {
  auto j = nlohmann::json::parse(out, nullptr, false);
  EXPECT_FALSE(j.is_discarded()) << "not JSON: " << out;
  return j;
}

std::string CliRun::line() const {
  std::string s = out;
  if (!s.empty() && s.back() == '\n') s.pop_back();
  return s;
}

std::string snapshotOf(const std::string& db_path) {
  sqlite3* db = nullptr;
  if (sqlite3_open_v2(db_path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) {
    sqlite3_close(db);
    return "<cannot open>";
  }
  std::string out;
  std::vector<std::string> tables;
  sqlite3_stmt* s = nullptr;
  sqlite3_prepare_v2(db, "SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name", -1,
                     &s, nullptr);
  while (sqlite3_step(s) == SQLITE_ROW) {
    tables.emplace_back(reinterpret_cast<const char*>(sqlite3_column_text(s, 0)));
  }
  sqlite3_finalize(s);
  for (const std::string& table : tables) {
    out += "== " + table + "\n";
    const std::string sql = "SELECT * FROM \"" + table + "\"";
    if (sqlite3_prepare_v2(db, sql.c_str(), -1, &s, nullptr) != SQLITE_OK) {
      out += "<unreadable>\n";
      continue;
    }
    while (sqlite3_step(s) == SQLITE_ROW) {
      for (int c = 0; c < sqlite3_column_count(s); ++c) {
        const unsigned char* text = sqlite3_column_text(s, c);
        out += text ? reinterpret_cast<const char*>(text) : "NULL";
        out += '|';
      }
      out += '\n';
    }
    sqlite3_finalize(s);
  }
  out += "user_version ";
  sqlite3_prepare_v2(db, "PRAGMA user_version", -1, &s, nullptr);
  if (sqlite3_step(s) == SQLITE_ROW) out += std::to_string(sqlite3_column_int64(s, 0));
  sqlite3_finalize(s);
  sqlite3_close(db);
  return out;
}

int lineCount(const std::string& text) {
  int n = 0;
  for (char c : text) n += c == '\n' ? 1 : 0;
  return n;
}

bool looksLikeId(const std::string& s) {
  static const std::regex kId("[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}");
  return std::regex_match(s, kId);
}

CliTest::CliTest() {
  std::random_device random;
  dir_ = fs::temp_directory_path() / ("nextstep-cli-" + std::to_string(random()));
  fs::create_directories(dir_);
  db_ = file("pipeline.db");
}

CliTest::~CliTest() {
  std::error_code ec;
  fs::remove_all(dir_, ec);
}

CliRun CliTest::runBare(const std::vector<std::string>& args,
                        const std::map<std::string, std::string>& env) {
  std::map<std::string, std::string> all{{"HOME", (dir_ / "home").string()},
                                         {"PATH", "/usr/bin:/bin"},
                                         {"TZ", "Europe/Berlin"},
                                         {"LANG", "C.UTF-8"}};
  for (const auto& [k, v] : env) all[k] = v;
  return spawn(args, all, dir_);
}

CliRun CliTest::run(const std::vector<std::string>& args) {
  std::vector<std::string> all{"--db", db_, "--now", now_};
  all.insert(all.end(), args.begin(), args.end());
  return runBare(all);
}

std::string CliTest::ok(const std::vector<std::string>& args) {
  const CliRun r = run(args);
  EXPECT_EQ(r.exit_code, 0) << describe(args, r);
  EXPECT_EQ(r.err, "") << describe(args, r);
  return r.out.substr(0, r.out.find('\n'));
}

nlohmann::json CliTest::okJson(std::vector<std::string> args) {
  args.push_back("--json");
  const CliRun r = run(args);
  EXPECT_EQ(r.exit_code, 0) << describe(args, r);
  EXPECT_EQ(r.err, "") << describe(args, r);
  return r.json();
}

void CliTest::seedPipeline() {
  deal_ = ok({"deal", "add", "--title", "Pilot for Acme", "--account", "Acme GmbH", "--value",
              "12000.50", "--owner", "anna"});
  contact_ = ok({"contact", "add", "--name", "Dana Decider", "--account", "Acme GmbH", "--role",
                 "decision_maker", "--title", "CFO", "--email", "dana@acme.example"});
  meeting_ = ok({"meeting", "book", "--deal", deal_, "--at", "2026-11-26T14:00", "--tz",
                 "Europe/Berlin", "--duration", "45m", "--place", "Acme HQ", "--goal",
                 "Meet the CFO", "--attendee", contact_});
  ASSERT_TRUE(looksLikeId(deal_)) << deal_;
  ASSERT_TRUE(looksLikeId(contact_)) << contact_;
  ASSERT_TRUE(looksLikeId(meeting_)) << meeting_;
}

}  // namespace nextstep::cli_test
