// The Transport over gRPC: a channel to a NextStep sync server, the bearer token on every call.
#pragma once

#include <atomic>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <grpcpp/grpcpp.h>

#include "nextstep/sync/transport.h"
#include "nextstep/sync/v1/sync.grpc.pb.h"

namespace nextstep::sync {

struct ServerAddress {
  // host:port, or several separated by commas ("a:7443,b:7443"): replicas of one team's server
  // on one database, tried in that order
  std::string target;
  std::optional<std::string> ca_file;  // PEM; set: TLS against it
  bool tls = false;                    // TLS with the system's roots when no ca_file
};

using Channels = std::vector<std::shared_ptr<grpc::Channel>>;

// The addresses in a target: each HOST:PORT (spaces around the commas ignored), at least one,
// none twice; otherwise kInvalidArgument naming the one that is wrong.
Result<std::vector<std::string>> serverTargets(std::string_view target);

// Plaintext is for loopback only, unless the caller insists; a remote server needs TLS.
// openChannel is for a target of one address; openChannels gives one channel per address.
Result<std::shared_ptr<grpc::Channel>> openChannel(const ServerAddress& address,
                                                   bool allow_insecure_remote = false);
Result<Channels> openChannels(const ServerAddress& address, bool allow_insecure_remote = false);

// Which of several servers a client tries first: the last one that answered. Shared by the
// transports of one client's successive sessions, so that a new session starts where the last
// one got through instead of at a replica that is gone.
class PreferredServer {
 public:
  std::size_t index() const { return index_.load(); }
  void set(std::size_t index) { index_.store(index); }
  // Moves on from `from` to the next of `count`, unless another call already moved.
  void moveOn(std::size_t from, std::size_t count) {
    index_.compare_exchange_strong(from, (from + 1) % count);
  }

 private:
  std::atomic<std::size_t> index_{0};
};

Error errorFromStatus(const grpc::Status& status);

// With several channels (replicas of one server), a call that cannot reach one server
// (UNAVAILABLE, or no answer within the deadline) is made again on the next, in turn, before it
// fails: every call of the protocol may be repeated (a push already stored is acknowledged
// without a second copy), so the device resumes on the next replica and loses nothing. A live
// stream that breaks is not repeated: the next session subscribes on the next server.
class GrpcTransport : public Transport {
 public:
  GrpcTransport(std::shared_ptr<grpc::Channel> channel, std::string token,
                std::chrono::milliseconds deadline = std::chrono::seconds(30));
  GrpcTransport(const Channels& channels, std::string token,
                std::chrono::milliseconds deadline = std::chrono::seconds(30),
                std::shared_ptr<PreferredServer> preferred = nullptr);

  Result<ServerHello> handshake(DeviceId device, std::uint32_t catalog_version,
                                std::uint64_t last_seq) override;
  Result<std::string> forkDevice(DeviceId new_device, std::string_view reason) override;
  Result<std::string> renewToken() override;
  Result<PushReply> push(const std::vector<Op>& ops) override;
  Result<PullReply> pull(std::uint64_t after_version, std::uint32_t limit) override;
  Result<void> subscribe(std::uint64_t after_version,
                         const std::function<bool(const PullReply&)>& on_page) override;
  void cancel() override;
  Result<SnapshotHeader> snapshot(std::uint32_t database_schema, const std::string& file,
                                  const SnapshotProgress& progress) override;

  // Payload bytes of the pull and stream answers received so far (protobuf size, before gRPC's
  // framing), for the benchmarks' "bytes on the wire".
  std::uint64_t bytesReceived() const { return bytes_received_.load(); }

 private:
  void prepare(grpc::ClientContext& ctx, bool streaming = false);
  Error failure(const grpc::Status& status) const;
  // Makes a unary call (call(stub, context)) on the preferred server, then on each next one
  // while a server cannot be reached; the last status.
  template <typename Call>
  grpc::Status onServers(Call&& call);

  std::vector<std::unique_ptr<v1::Sync::Stub>> stubs_;
  std::shared_ptr<PreferredServer> preferred_;
  std::chrono::milliseconds deadline_;
  std::mutex mu_;
  std::string token_;  // guarded by mu_: forkDevice and renewToken replace it
  grpc::ClientContext* stream_ = nullptr;
  bool cancelled_ = false;
  std::atomic<std::uint64_t> bytes_received_{0};
};

// Email and password for a device token (the app's and the CLI's sign-in).
struct LoginResult {
  std::string token;
  std::string team;
};
Result<LoginResult> login(const std::shared_ptr<grpc::Channel>& channel, std::string_view email,
                          std::string_view password, DeviceId device, std::string_view device_name);
// The same on each server in turn while one cannot be reached.
Result<LoginResult> login(const Channels& channels, std::string_view email,
                          std::string_view password, DeviceId device, std::string_view device_name);

PullReply fromWire(const v1::PullResponse& response);

}  // namespace nextstep::sync
