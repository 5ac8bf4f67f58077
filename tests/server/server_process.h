// The built nextstep-server program as a real process: its admin commands, and the server on a
// free loopback port with a temporary data folder, reached through the generated gRPC stub.
#pragma once

#include <grpcpp/grpcpp.h>
#include <gtest/gtest.h>
#include <sys/types.h>

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "child_process.h"
#include "nextstep/sync/v1/sync.grpc.pb.h"

namespace nextstep::server::test {

namespace pb = ::nextstep::sync::v1;

using CommandRun = ::nextstep::testing::ProgramRun;

// Runs the program with the arguments, feeding stdin_text on its standard input.
CommandRun runProgram(const std::vector<std::string>& args, const std::string& stdin_text = "");

class ServerProcess {
 public:
  // store_args: where it keeps everything, {"--data", DIR} or {"--store", URL}.
  ServerProcess(std::vector<std::string> store_args, std::filesystem::path log_file,
                std::vector<std::string> extra_args);
  ~ServerProcess();
  ServerProcess(const ServerProcess&) = delete;
  ServerProcess& operator=(const ServerProcess&) = delete;

  // Starts it and waits for "listening on HOST:PORT"; false (with what it printed) otherwise.
  bool start(std::string& error);
  const std::string& address() const { return address_; }
  int port() const { return port_; }
  void signal(int sig) const;
  // The exit code, or 128 + the signal that ended it.
  int wait();
  void kill9();
  bool running() const { return pid_ > 0; }
  // Whether the process has ended (crashed, exited), without waiting; reaps it if so.
  bool exited();
  pid_t pid() const { return pid_; }
  // Starts it with this soft and hard RLIMIT_NOFILE (0: inherited), before start().
  void setFileLimit(unsigned long limit) { file_limit_ = limit; }
  // A field of /proc/PID/status in KiB ("VmRSS", or "VmHWM" for the peak); -1 when unreadable.
  long memoryKb(const std::string& field = "VmRSS") const;

 private:
  std::vector<std::string> store_args_;
  std::filesystem::path log_file_;
  std::vector<std::string> extra_args_;
  unsigned long file_limit_ = 0;
  pid_t pid_ = -1;
  std::string address_;
  int port_ = 0;
};

class ProcessTest : public ::testing::Test {
 public:
  // A call's context with the bearer token (none when empty) and a deadline.
  static std::unique_ptr<grpc::ClientContext> context(const std::string& token, int timeout_s = 10);
  // The server answers a pull with this token: it is up and serves a legitimate client.
  static bool serving(pb::Sync::Stub& s, const std::string& token);
  // What grpc.health.v1.Health/Check answers for the whole server ("" service).
  enum class Health { kUnanswered, kServing, kNotServing, kOther };
  static Health health(const std::string& address);

 protected:
  ProcessTest();
  ~ProcessTest() override;

  // `nextstep-server admin <store_args_> ARGS...`, expected to succeed; returns its stdout line.
  std::string admin(const std::vector<std::string>& args, const std::string& stdin_text = "");
  // A team (created when new), a user with the password "password123" and a fresh token.
  std::string userToken(const std::string& team, const std::string& email);

  // Starts a server with heartbeats every second and the extra arguments, on 127.0.0.1:0 unless
  // they give --listen.
  // file_limit: the server's RLIMIT_NOFILE (0: inherited).
  ServerProcess& startServer(std::vector<std::string> extra_args = {},
                             unsigned long file_limit = 0);
  std::unique_ptr<pb::Sync::Stub> stub(
      std::shared_ptr<grpc::ChannelCredentials> credentials = grpc::InsecureChannelCredentials(),
      const std::string& target = "") const;
  pb::HandshakeResponse handshake(pb::Sync::Stub& stub, const std::string& token,
                                  std::uint64_t device);
  static pb::Operation createDeal(std::uint64_t seq, std::uint64_t device, const std::string& id,
                                  std::int64_t now_ms, std::uint16_t logical = 0);
  static std::int64_t nowMillis();

  std::filesystem::path dir_;
  std::filesystem::path data_;
  // Where the server and its admin commands keep everything: the data folder unless a test
  // gives a PostgreSQL store ({"--store", URL}).
  std::vector<std::string> store_args_;
  std::unique_ptr<ServerProcess> server_;
  int logs_ = 0;
};

}  // namespace nextstep::server::test
