#include "team_on_loopback.h"

#include <chrono>
#include <random>
#include <set>
#include <thread>

#include "nextstep/data/file_bytes.h"
#include "postgres_cluster.h"

namespace nextstep::testing {

namespace {

// The address a starting server printed to its log ("listening on HOST:PORT"); empty when it has
// not within five seconds.
std::string listeningAddress(const std::filesystem::path& log) {
  for (int i = 0; i < 100; ++i) {
    const auto text = readFileBytes(log.string());  // not there until the server writes it
    const std::string s = text ? *text : std::string();
    if (const auto at = s.find("listening on ");
        at != std::string::npos && s.find('\n', at) != std::string::npos) {
      return s.substr(at + 13, s.find('\n', at) - at - 13);
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  return {};
}

}  // namespace

TeamOnLoopback::TeamOnLoopback(StoreKind store) {
  std::random_device rd;
  dir_ = std::filesystem::temp_directory_path() /
         ("nextstep-integration-" + std::to_string(rd()) + std::to_string(rd()));
  std::filesystem::create_directories(dir_);
  if (store == StoreKind::kPostgres) {
    if (PostgresCluster* cluster = sharedPostgres(); cluster != nullptr) {
      store_url_ = cluster->freshDatabase();
    } else {
      skip_reason_ = PostgresCluster::missingReason();
    }
  }
}

void TeamOnLoopback::SetUp() {
  if (!skip_reason_.empty()) GTEST_SKIP() << skip_reason_;
}

std::vector<std::string> TeamOnLoopback::storeArgs() const {
  if (!store_url_.empty()) return {"--store", store_url_};
  return {"--data", (dir_ / "server").string()};
}

TeamOnLoopback::~TeamOnLoopback() {
  server_.reset();
  replicas_.clear();
  std::error_code ec;
  std::filesystem::remove_all(dir_, ec);
}

void TeamOnLoopback::startServer(std::vector<std::string> extra) {
  if (!extra.empty() || server_args_.empty()) {
    server_args_ = storeArgs();
    server_args_.insert(server_args_.end(), extra.begin(), extra.end());
  }
  std::vector<std::string> args = server_args_;
  // The first start picks a free port; restarts come back on the same one, as a real server would.
  args.push_back("--listen");
  args.push_back(address_.empty() ? "127.0.0.1:0" : address_);
  const auto log = dir_ / ("server-" + std::to_string(++starts_) + ".log");
  for (int attempt = 0; attempt < 50; ++attempt) {
    server_ = std::make_unique<BackgroundProgram>(NEXTSTEP_SERVER_BINARY, args, log);
    if (std::string listening = listeningAddress(log); !listening.empty()) {
      address_ = std::move(listening);
      return;
    }
    server_.reset();  // the port may still be held for a moment after a kill: try again
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  FAIL() << "the server did not start; see " << log;
}

std::string TeamOnLoopback::startReplica() {
  std::vector<std::string> args = server_args_.empty() ? storeArgs() : server_args_;
  args.insert(args.end(), {"--listen", "127.0.0.1:0"});
  const auto log = dir_ / ("replica-" + std::to_string(replicas_.size() + 1) + ".log");
  replicas_.push_back(std::make_unique<BackgroundProgram>(NEXTSTEP_SERVER_BINARY, args, log));
  std::string listening = listeningAddress(log);
  EXPECT_FALSE(listening.empty()) << "the replica did not start; see " << log;
  return listening;
}

void TeamOnLoopback::killServer() {
  server_->signal(SIGKILL);
  server_->wait();
  server_.reset();
}

void TeamOnLoopback::addUser(const std::string& team, const std::string& email) {
  // create-team once per team; a second time it fails, and that is fine.
  std::vector<std::string> create = {"admin"}, add = {"admin"};
  for (const std::string& a : storeArgs()) {
    create.push_back(a);
    add.push_back(a);
  }
  create.insert(create.end(), {"create-team", team});
  add.insert(add.end(), {"add-user", "--team", team, "--email", email});
  runProgram(NEXTSTEP_SERVER_BINARY, create);
  const ProgramRun r = runProgram(NEXTSTEP_SERVER_BINARY, add, std::string(kPassword) + "\n");
  ASSERT_EQ(r.exit_code, 0) << r.err;
}

ProgramRun TeamOnLoopback::tryDevice(const std::string& name, std::vector<std::string> args,
                                     const std::string& stdin_text) {
  args.insert(args.begin(), {"--db", dbOf(name)});
  return runProgram(NEXTSTEP_CLI_BINARY, args, stdin_text);
}

std::string TeamOnLoopback::device(const std::string& name, std::vector<std::string> args,
                                   const std::string& stdin_text) {
  const ProgramRun r = tryDevice(name, args, stdin_text);
  EXPECT_EQ(r.exit_code, 0) << name << ": " << r.err;
  std::string out = r.out;
  while (!out.empty() && out.back() == '\n') out.pop_back();
  return out;
}

nlohmann::json TeamOnLoopback::deviceJson(const std::string& name, std::vector<std::string> args) {
  args.push_back("--json");
  return nlohmann::json::parse(device(name, args));
}

void TeamOnLoopback::login(const std::string& name, const std::string& email,
                           std::vector<std::string> extra) {
  std::vector<std::string> args = {"login", "--server", address_, "--email", email};
  args.insert(args.end(), extra.begin(), extra.end());
  device(name, args, std::string(kPassword) + "\n");
}

std::string TeamOnLoopback::addFleetPilot(const std::string& name) {
  const std::string pilot =
      device(name, {"deal", "add", "--title", "Fleet pilot", "--account", "Fjord"});
  const std::string dana = device(name, {"contact", "add", "--name", "Dana Ito", "--account",
                                         "Fjord", "--role", "decision_maker"});
  device(name, {"meeting", "book", "--deal", pilot, "--at", "2030-01-08T10:00", "--tz",
                "Europe/Berlin", "--place", "Oslo", "--attendee", dana});
  return pilot;
}

std::set<std::string> TeamOnLoopback::dealTitles(const nlohmann::json& list) {
  std::set<std::string> out;
  for (const auto& d : list["deals"]) out.insert(d["title"].get<std::string>());
  return out;
}

}  // namespace nextstep::testing
