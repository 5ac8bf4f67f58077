#include "postgres_cluster.h"

#include <fcntl.h>
#include <netinet/in.h>
#include <pwd.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <pqxx/pqxx>
#include <stdexcept>
#include <vector>

#include "child_process.h"

namespace nextstep::testing {
namespace {

namespace fs = std::filesystem;

// Debian keeps each major version's programs in /usr/lib/postgresql/N/bin; the newest wins.
fs::path binDir() {
  std::vector<fs::path> found;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator("/usr/lib/postgresql", ec)) {
    if (fs::exists(entry.path() / "bin" / "initdb") &&
        fs::exists(entry.path() / "bin" / "pg_ctl")) {
      found.push_back(entry.path() / "bin");
    }
  }
  if (found.empty()) return {};
  std::sort(found.begin(), found.end(), [](const fs::path& a, const fs::path& b) {
    return std::stoi(a.parent_path().filename().string()) <
           std::stoi(b.parent_path().filename().string());
  });
  return found.back();
}

bool asRoot() { return geteuid() == 0; }

// initdb refuses to run as root: as root the programs run as the postgres user.
ProgramRun runPostgresProgram(const std::string& program, const std::vector<std::string>& args) {
  const std::string binary = (binDir() / program).string();
  if (!asRoot()) return runProgram(binary, args);
  std::vector<std::string> full = {"-u", "postgres", "--", binary};
  full.insert(full.end(), args.begin(), args.end());
  return runProgram("/usr/sbin/runuser", full);
}

int freePort() {
  const int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  addr.sin_port = 0;
  socklen_t len = sizeof addr;
  if (bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0 ||
      getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len) != 0) {
    close(fd);
    throw std::runtime_error("no free port on loopback");
  }
  close(fd);
  return ntohs(addr.sin_port);
}

std::string outputOf(const ProgramRun& run) { return run.out + run.err; }

}  // namespace

std::string PostgresCluster::missingReason() {
  if (binDir().empty()) {
    return "PostgreSQL's server programs are not installed (/usr/lib/postgresql/N/bin/initdb); "
           "scripts/setup.sh installs the postgresql package";
  }
  if (asRoot() && getpwnam("postgres") == nullptr) {
    return "running as root, and there is no postgres user to run PostgreSQL as";
  }
  return {};
}

std::unique_ptr<PostgresCluster> PostgresCluster::start() {
  char pattern[] = "/tmp/nextstep-pg-XXXXXX";
  if (mkdtemp(pattern) == nullptr) throw std::runtime_error("cannot make a temporary folder");
  const fs::path dir = pattern;
  if (asRoot()) {
    const passwd* pg = getpwnam("postgres");
    if (pg == nullptr || chown(dir.c_str(), pg->pw_uid, pg->pw_gid) != 0) {
      throw std::runtime_error("cannot give " + dir.string() + " to the postgres user");
    }
  }
  const ProgramRun init =
      runPostgresProgram("initdb", {"-D", (dir / "data").string(), "-U", "postgres", "--auth=trust",
                                    "--no-sync", "--encoding=UTF8", "--locale=C"});
  if (init.exit_code != 0) throw std::runtime_error("initdb failed: " + outputOf(init));
  std::unique_ptr<PostgresCluster> cluster(new PostgresCluster(dir, freePort()));
  cluster->restart();
  cluster->watchForCrash();
  return cluster;
}

// A test program that crashes runs no destructor: a shell waits for the end of a pipe only this
// process holds, then stops the server and deletes its folder, so no PostgreSQL outlives a run.
void PostgresCluster::watchForCrash() {
  int fds[2];
  if (pipe2(fds, O_CLOEXEC) != 0) return;
  const std::string pg_ctl = (binDir() / "pg_ctl").string();
  const std::string stop = (asRoot() ? "runuser -u postgres -- " : "") + pg_ctl + " -D '" +
                           (dir_ / "data").string() +
                           "' -m immediate stop >/dev/null 2>&1; rm -rf '" + dir_.string() + "'";
  const std::string script = "read -r _; " + stop;
  const pid_t pid = fork();
  if (pid == 0) {
    dup2(fds[0], STDIN_FILENO);
    execl("/bin/sh", "sh", "-c", script.c_str(), static_cast<char*>(nullptr));
    _exit(127);
  }
  close(fds[0]);
  watch_fd_ = fds[1];
}

void PostgresCluster::pgCtl(const std::string& action) {
  std::vector<std::string> args = {"-D", (dir_ / "data").string(), "-w"};
  if (action == "start") {
    // Tests never lose power: no fsync keeps them fast. -k puts the socket in our folder.
    args.insert(args.end(), {"-l", (dir_ / "log").string(), "-o",
                             "-c listen_addresses=127.0.0.1 -p " + std::to_string(port_) + " -k " +
                                 dir_.string() +
                                 " -c fsync=off -c full_page_writes=off -c max_connections=300"});
  } else {
    args.insert(args.end(), {"-m", "immediate"});
  }
  args.push_back(action);
  const ProgramRun run = runPostgresProgram("pg_ctl", args);
  if (run.exit_code != 0) {
    throw std::runtime_error("pg_ctl " + action + " failed: " + outputOf(run));
  }
}

void PostgresCluster::stop() {
  std::lock_guard lock(mu_);
  if (!running_) return;
  pgCtl("stop");
  running_ = false;
}

void PostgresCluster::restart() {
  std::lock_guard lock(mu_);
  if (running_) pgCtl("stop");
  pgCtl("start");
  running_ = true;
}

void PostgresCluster::resume() {
  std::lock_guard lock(mu_);
  if (running_) return;
  pgCtl("start");
  running_ = true;
}

PostgresCluster::~PostgresCluster() {
  try {
    stop();
  } catch (const std::exception&) {
    // The folder goes anyway; a server still running in it dies without its files.
  }
  std::error_code ec;
  fs::remove_all(dir_, ec);
  if (watch_fd_ >= 0) close(watch_fd_);
}

std::string PostgresCluster::url(const std::string& database) const {
  return "postgresql://postgres@127.0.0.1:" + std::to_string(port_) + "/" + database;
}

std::string PostgresCluster::freshDatabase() {
  std::string name;
  {
    std::lock_guard lock(mu_);
    name = "test_" + std::to_string(getpid()) + "_" + std::to_string(++databases_);
  }
  // A schema, not a database: ten times faster to make, and as separate for a store whose
  // connections put it first on their search path.
  pqxx::connection admin(url("postgres"));
  pqxx::nontransaction tx(admin);
  tx.exec("CREATE SCHEMA " + name);
  return url("postgres") + "?options=-csearch_path%3D" + name;
}

PostgresCluster* sharedPostgres() {
  static std::once_flag started;
  static std::unique_ptr<PostgresCluster> cluster;
  std::call_once(started, [] {
    if (PostgresCluster::missingReason().empty()) cluster = PostgresCluster::start();
  });
  return cluster.get();
}

}  // namespace nextstep::testing
