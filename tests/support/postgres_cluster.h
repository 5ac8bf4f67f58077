// A throw-away PostgreSQL server for tests: initdb in a temporary folder owned by the postgres
// user, started on a free loopback port, stopped with -m immediate and deleted at the end.
#pragma once

#include <filesystem>
#include <memory>
#include <mutex>
#include <string>

namespace nextstep::testing {

class PostgresCluster {
 public:
  // Why no cluster can start here (PostgreSQL's programs are not installed); empty when one can.
  static std::string missingReason();
  // Throws std::runtime_error with initdb's or pg_ctl's output when it cannot start.
  static std::unique_ptr<PostgresCluster> start();
  ~PostgresCluster();
  PostgresCluster(const PostgresCluster&) = delete;
  PostgresCluster& operator=(const PostgresCluster&) = delete;

  int port() const { return port_; }
  // postgresql://postgres@127.0.0.1:PORT/DB
  std::string url(const std::string& database) const;
  // A new empty database for one test's store: its URL.
  std::string freshDatabase();
  // Stops the server at once (as a crash would) and starts it again on the same port.
  void stop();
  void restart();
  // Starts it again after stop(); nothing when it runs.
  void resume();

 private:
  PostgresCluster(std::filesystem::path dir, int port) : dir_(std::move(dir)), port_(port) {}
  void pgCtl(const std::string& action);
  void watchForCrash();

  std::filesystem::path dir_;
  int port_;
  std::mutex mu_;
  int databases_ = 0;
  bool running_ = false;
  int watch_fd_ = -1;  // its closing (the program ended, however) stops the server
};

// The test program's one cluster, started on first use and stopped when the program exits;
// null when missingReason() is not empty. Throws when an installed PostgreSQL cannot start.
PostgresCluster* sharedPostgres();

}  // namespace nextstep::testing
