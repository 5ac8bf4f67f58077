// The Transport over gRPC: a channel to a NextStep sync server, the bearer token on every call.
#pragma once

#include <atomic>
#include <memory>
#include <mutex>
#include <optional>
#include <string>

#include <grpcpp/grpcpp.h>

#include "nextstep/sync/transport.h"
#include "nextstep/sync/v1/sync.grpc.pb.h"

namespace nextstep::sync {

struct ServerAddress {
  std::string target;                  // host:port
  std::optional<std::string> ca_file;  // PEM; set: TLS against it
  bool tls = false;                    // TLS with the system's roots when no ca_file
};

// Plaintext is for loopback only, unless the caller insists; a remote server needs TLS.
Result<std::shared_ptr<grpc::Channel>> openChannel(const ServerAddress& address,
                                                   bool allow_insecure_remote = false);

Error errorFromStatus(const grpc::Status& status);

class GrpcTransport : public Transport {
 public:
  GrpcTransport(std::shared_ptr<grpc::Channel> channel, std::string token,
                std::chrono::milliseconds deadline = std::chrono::seconds(30));

  Result<ServerHello> handshake(DeviceId device, std::uint32_t catalog_version,
                                std::uint64_t last_seq) override;
  Result<std::string> forkDevice(DeviceId new_device, std::string_view reason) override;
  Result<std::string> renewToken() override;
  Result<PushReply> push(const std::vector<Op>& ops) override;
  Result<PullReply> pull(std::uint64_t after_version, std::uint32_t limit) override;
  Result<void> subscribe(std::uint64_t after_version,
                         const std::function<bool(const PullReply&)>& on_page) override;
  void cancel() override;

  // Payload bytes of the pull and stream answers received so far (protobuf size, before gRPC's
  // framing), for the benchmarks' "bytes on the wire".
  std::uint64_t bytesReceived() const { return bytes_received_.load(); }

 private:
  void prepare(grpc::ClientContext& ctx, bool streaming = false);
  Error failure(const grpc::Status& status) const;

  std::shared_ptr<grpc::Channel> channel_;
  std::unique_ptr<v1::Sync::Stub> stub_;
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

PullReply fromWire(const v1::PullResponse& response);

}  // namespace nextstep::sync
