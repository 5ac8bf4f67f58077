// Running the built `nextstep` binary as a real process, in a fresh temporary folder with its
// own database file, and looking at what it printed and what it left in the file.
#pragma once

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

namespace nextstep::cli_test {

struct CliRun {
  int exit_code = -1;
  std::string out;
  std::string err;

  nlohmann::json json() const;  // stdout parsed; fails the test when it is not JSON
  std::string line() const;     // stdout without its final newline
};

// Every row of every table, as text: equal snapshots mean an unchanged database.
std::string snapshotOf(const std::string& db_path);
int lineCount(const std::string& text);
bool looksLikeId(const std::string& s);

class CliTest : public ::testing::Test {
 protected:
  CliTest();
  ~CliTest() override;

  // Runs `nextstep --db <db_> --now <now_> ARGS...` with TZ=Europe/Berlin and HOME in the
  // temporary folder.
  CliRun run(const std::vector<std::string>& args);
  // Runs `nextstep ARGS...` with exactly the given extra environment (and HOME, PATH, TZ).
  CliRun runBare(const std::vector<std::string>& args,
                 const std::map<std::string, std::string>& env = {});
  // run(), expecting exit 0 and an empty stderr; returns stdout's first line.
  std::string ok(const std::vector<std::string>& args);
  nlohmann::json okJson(std::vector<std::string> args);

  std::string file(const std::string& name) const { return (dir_ / name).string(); }

  // A deal with an account, a decision maker and a next step; ids in the members below.
  void seedPipeline();

  std::filesystem::path dir_;
  std::string db_;
  std::string now_ = "2026-11-26T09:00:00Z";  // a Thursday; 10:00 in Berlin
  std::string deal_;
  std::string contact_;
  std::string meeting_;
};

}  // namespace nextstep::cli_test
