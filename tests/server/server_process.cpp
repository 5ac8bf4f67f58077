#include "server_process.h"

#include <grpcpp/generic/generic_stub.h>

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <fstream>
#include <future>
#include <random>

namespace nextstep::server::test {
namespace {

std::filesystem::path freshDir() {
  std::random_device rd;
  auto dir = std::filesystem::temp_directory_path() /
             ("nextstep-server-proc-" + std::to_string(rd()) + std::to_string(rd()));
  std::filesystem::create_directories(dir);
  return dir;
}

}  // namespace

CommandRun runProgram(const std::vector<std::string>& args, const std::string& stdin_text) {
  return ::nextstep::testing::runProgram(NEXTSTEP_SERVER_BINARY, args, stdin_text);
}

ServerProcess::ServerProcess(std::vector<std::string> store_args, std::filesystem::path log_file,
                             std::vector<std::string> extra_args)
    : store_args_(std::move(store_args)),
      log_file_(std::move(log_file)),
      extra_args_(std::move(extra_args)) {}

ServerProcess::~ServerProcess() { kill9(); }

bool ServerProcess::start(std::string& error) {
  int out[2];
  if (pipe(out) != 0) return false;
  std::vector<std::string> args = {NEXTSTEP_SERVER_BINARY};
  args.insert(args.end(), store_args_.begin(), store_args_.end());
  args.insert(args.end(), extra_args_.begin(), extra_args_.end());
  std::vector<char*> argv = ::nextstep::testing::execArgv(args);
  const int log = open(log_file_.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0600);
  pid_ = fork();
  if (pid_ == 0) {
    dup2(out[1], STDOUT_FILENO);
    dup2(log, STDERR_FILENO);
    close(out[0]);
    close(out[1]);
    close(log);
    if (file_limit_ > 0) {
      const rlimit limit{file_limit_, file_limit_};
      if (setrlimit(RLIMIT_NOFILE, &limit) != 0) _exit(126);
    }
    execv(argv[0], argv.data());
    _exit(127);
  }
  close(out[1]);
  close(log);
  std::string line;
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(15);
  while (line.find('\n') == std::string::npos && std::chrono::steady_clock::now() < deadline) {
    pollfd p{out[0], POLLIN, 0};
    if (poll(&p, 1, 100) <= 0) continue;
    char buf[256];
    const ssize_t n = read(out[0], buf, sizeof buf);
    if (n <= 0) break;
    line.append(buf, static_cast<std::size_t>(n));
  }
  close(out[0]);
  const std::string prefix = "listening on ";
  if (line.rfind(prefix, 0) != 0 || line.find('\n') == std::string::npos) {
    error = "no 'listening on' line; stdout: '" + line + "'";
    kill9();
    return false;
  }
  address_ = line.substr(prefix.size(), line.find('\n') - prefix.size());
  port_ = std::stoi(address_.substr(address_.rfind(':') + 1));
  return true;
}

long ServerProcess::memoryKb(const std::string& field) const {
  std::ifstream status("/proc/" + std::to_string(pid_) + "/status");
  std::string line;
  while (std::getline(status, line)) {
    if (line.rfind(field + ":", 0) == 0) return std::stol(line.substr(field.size() + 1));
  }
  return -1;
}

void ServerProcess::signal(int sig) const {
  if (pid_ > 0) ::kill(pid_, sig);
}

int ServerProcess::wait() {
  if (pid_ <= 0) return -1;
  int status = 0;
  waitpid(pid_, &status, 0);
  pid_ = -1;
  return ::nextstep::testing::exitCodeOf(status);
}

bool ServerProcess::exited() {
  if (pid_ <= 0) return true;
  int status = 0;
  if (waitpid(pid_, &status, WNOHANG) != pid_) return false;
  pid_ = -1;
  return true;
}

void ServerProcess::kill9() {
  if (pid_ <= 0) return;
  ::kill(pid_, SIGKILL);
  wait();
}

ProcessTest::ProcessTest()
    : dir_(freshDir()), data_(dir_ / "data"), store_args_({"--data", data_.string()}) {}

ProcessTest::~ProcessTest() {
  server_.reset();
  std::error_code ec;
  std::filesystem::remove_all(dir_, ec);
}

std::string ProcessTest::admin(const std::vector<std::string>& args,
                               const std::string& stdin_text) {
  std::vector<std::string> full = {"admin"};
  full.insert(full.end(), store_args_.begin(), store_args_.end());
  full.insert(full.end(), args.begin(), args.end());
  const CommandRun run = runProgram(full, stdin_text);
  EXPECT_EQ(run.exit_code, 0) << run.err;
  EXPECT_EQ(run.err, "");
  return run.out.substr(0, run.out.find('\n'));
}

std::string ProcessTest::userToken(const std::string& team, const std::string& email) {
  // An existing team is fine here: create-team fails on it, and that is ignored.
  std::vector<std::string> create = {"admin"};
  create.insert(create.end(), store_args_.begin(), store_args_.end());
  create.insert(create.end(), {"create-team", team});
  runProgram(create);
  admin({"add-user", "--team", team, "--email", email}, "password123\n");
  return admin({"issue-token", "--team", team, "--email", email});
}

ServerProcess& ProcessTest::startServer(std::vector<std::string> extra_args,
                                        unsigned long file_limit) {
  std::vector<std::string> args = {"--heartbeat-seconds", "1"};
  if (std::find(extra_args.begin(), extra_args.end(), "--listen") == extra_args.end()) {
    args.insert(args.end(), {"--listen", "127.0.0.1:0"});
  }
  args.insert(args.end(), extra_args.begin(), extra_args.end());
  server_ = std::make_unique<ServerProcess>(
      store_args_, dir_ / ("server-" + std::to_string(++logs_) + ".log"), args);
  server_->setFileLimit(file_limit);
  std::string error;
  EXPECT_TRUE(server_->start(error)) << error;
  return *server_;
}

std::unique_ptr<pb::Sync::Stub> ProcessTest::stub(
    std::shared_ptr<grpc::ChannelCredentials> credentials, const std::string& target) const {
  grpc::ChannelArguments args;
  // A fresh connection per stub: tests that restart the server must not share a broken one.
  args.SetInt("grpc.use_local_subchannel_pool", 1);
  return pb::Sync::NewStub(
      grpc::CreateCustomChannel(target.empty() ? server_->address() : target, credentials, args));
}

std::unique_ptr<grpc::ClientContext> ProcessTest::context(const std::string& token, int timeout_s) {
  auto ctx = std::make_unique<grpc::ClientContext>();
  if (!token.empty()) ctx->AddMetadata("authorization", "Bearer " + token);
  ctx->set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(timeout_s));
  return ctx;
}

ProcessTest::Health ProcessTest::health(const std::string& address) {
  auto channel = grpc::CreateChannel(address, grpc::InsecureChannelCredentials());
  grpc::GenericStub generic(channel);
  grpc::ClientContext ctx;
  ctx.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(10));
  grpc::Slice nothing(std::string{});  // HealthCheckRequest{service: ""} is zero bytes
  const grpc::ByteBuffer request(&nothing, 1);
  grpc::ByteBuffer response;
  std::promise<grpc::Status> done;
  generic.UnaryCall(&ctx, "/grpc.health.v1.Health/Check", grpc::StubOptions(), &request, &response,
                    [&](const grpc::Status& status) { done.set_value(status); });
  if (!done.get_future().get().ok()) return Health::kUnanswered;
  std::vector<grpc::Slice> slices;
  if (!response.Dump(&slices).ok()) return Health::kUnanswered;
  std::string bytes;
  for (const auto& slice : slices)
    bytes.append(reinterpret_cast<const char*>(slice.begin()), slice.size());
  // HealthCheckResponse{status: 1 SERVING, 2 NOT_SERVING}: field 1, varint.
  if (bytes == std::string("\x08\x01", 2)) return Health::kServing;
  if (bytes == std::string("\x08\x02", 2)) return Health::kNotServing;
  return Health::kOther;
}

bool ProcessTest::serving(pb::Sync::Stub& s, const std::string& token) {
  pb::PullResponse pulled;
  return s.Pull(context(token).get(), pb::PullRequest{}, &pulled).ok();
}

pb::HandshakeResponse ProcessTest::handshake(pb::Sync::Stub& s, const std::string& token,
                                             std::uint64_t device) {
  pb::HandshakeRequest request;
  request.set_protocol_version(1);
  request.set_schema_version(1);
  request.set_device_id(device);
  request.set_client_name("server-process-test");
  pb::HandshakeResponse response;
  auto ctx = context(token);
  const grpc::Status status = s.Handshake(ctx.get(), request, &response);
  EXPECT_TRUE(status.ok()) << status.error_code() << " " << status.error_message();
  return response;
}

pb::Operation ProcessTest::createDeal(std::uint64_t seq, std::uint64_t device,
                                      const std::string& id, std::int64_t now_ms,
                                      std::uint16_t logical) {
  pb::Operation op;
  op.set_device_seq(seq);
  op.set_record_type(3);  // deal
  op.set_record_id(id);
  op.set_kind(pb::OP_KIND_CREATE);
  op.mutable_value()->set_text_value(
      R"({"title":"Deal )" + id +
      R"(","value_minor":100,"currency":"EUR","stage":"lead","status":"open","created_at":1})");
  op.mutable_stamp()->set_hlc((static_cast<std::uint64_t>(now_ms) << 16) | logical);
  op.mutable_stamp()->set_device(device);
  return op;
}

std::int64_t ProcessTest::nowMillis() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

}  // namespace nextstep::server::test
