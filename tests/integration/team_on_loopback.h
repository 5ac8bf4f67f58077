// A sync server process on a loopback port with its own store (a data folder, or a fresh
// PostgreSQL database), its teams and users made with its admin commands, and NextStep devices
// that are each a database used through the CLI.
#pragma once

#include <gtest/gtest.h>

#include <cstdint>
#include <filesystem>
#include <memory>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <vector>

#include "child_process.h"
#include "store_kind.h"

namespace nextstep::testing {

inline constexpr const char* kPassword = "a long test password";

class TeamOnLoopback : public ::testing::Test {
 protected:
  explicit TeamOnLoopback(StoreKind store = StoreKind::kSqlite);
  ~TeamOnLoopback() override;
  // Skips the test, saying why, when its store cannot run here (PostgreSQL not installed).
  void SetUp() override;
  // --data DIR or --store URL: where the server and its admin commands keep everything.
  std::vector<std::string> storeArgs() const;

  // Starts the server (again, on the same port after a first start); extra args like TLS flags.
  void startServer(std::vector<std::string> extra = {});
  void killServer();  // SIGKILL: no chance to clean up
  const std::string& address() const { return address_; }
  // The port of address(), for a proxy put in front of the server.
  std::uint16_t port() const {
    return static_cast<std::uint16_t>(std::stoi(address_.substr(address_.rfind(':') + 1)));
  }
  // Another server process on the same store (a replica, on a free port), with the first's
  // arguments; its address. It runs until the test ends.
  std::string startReplica();

  void addUser(const std::string& team, const std::string& email);
  // On the device: the deal "Fleet pilot" (account Fjord) with its contact Dana Ito and a meeting
  // booked in Oslo on 2030-01-08 10:00 Europe/Berlin; the deal's id.
  std::string addFleetPilot(const std::string& name);
  // The titles in a `deal list --json`.
  static std::set<std::string> dealTitles(const nlohmann::json& list);
  // `nextstep --db <dir>/<device>.db ARGS...`, expected to succeed; its stdout.
  std::string device(const std::string& name, std::vector<std::string> args,
                     const std::string& stdin_text = "");
  nlohmann::json deviceJson(const std::string& name, std::vector<std::string> args);
  ProgramRun tryDevice(const std::string& name, std::vector<std::string> args,
                       const std::string& stdin_text = "");
  void login(const std::string& name, const std::string& email,
             std::vector<std::string> extra = {});
  std::string dbOf(const std::string& name) const { return (dir_ / (name + ".db")).string(); }

  std::filesystem::path dir_;
  std::string store_url_;  // PostgreSQL's; empty for the embedded store
  std::string skip_reason_;
  std::unique_ptr<BackgroundProgram> server_;
  std::vector<std::unique_ptr<BackgroundProgram>> replicas_;
  std::vector<std::string> server_args_;
  std::string address_;
  int starts_ = 0;
};

}  // namespace nextstep::testing
