// The sync protocol without a transport: synchronous, thread-safe and callable in-process (the
// gRPC layer wraps it; the deterministic simulator calls it directly). Team, user, device and
// author always come from the authenticated Caller, never from a message.
#pragma once

#include <cstdint>
#include <functional>
#include <span>
#include <string_view>
#include <vector>

#include "caller.h"
#include "nextstep/storage/catalog.h"
#include "rpc_reply.h"
#include "server_store.h"

namespace nextstep::server {

inline constexpr std::uint32_t kProtocolVersion = 1;
inline constexpr std::uint32_t kMinSchemaVersion = 1;
inline constexpr std::uint32_t kMaxSchemaVersion = kCatalogVersion;

struct SyncLimits {
  std::uint32_t max_ops_per_push = 1000;
  std::int64_t max_clock_ahead_ms = 300'000;
  // Also the budget of one pull page or stream event, so that answers fit the client's default.
  std::uint32_t max_message_bytes = 4 * 1024 * 1024;
  std::uint32_t default_pull_limit = 1000;
  std::uint32_t max_pull_limit = 5000;
  // A team's stored operations: a push that would pass it is refused whole, so that one team
  // cannot grow the server's store without bound.
  std::uint64_t max_team_ops = 5'000'000;
  // A device token is refused this long after it was issued; the user signs in again. Stolen
  // tokens stop working, and tokens of lost devices do not pile up forever.
  std::int64_t token_lifetime_ms = std::int64_t{90} * 24 * 60 * 60 * 1000;

  // From this age on the handshake asks the client to renew its token: a device that syncs at
  // least once in three quarters of the lifetime never meets the expiry.
  std::int64_t tokenRotateAfterMs() const { return token_lifetime_ms / 4; }
};

// The request's operations in the core's form, one per operation (or why it is not one).
// An operation checked and converted, with the fields its check decoded (a create's, a
// register's): the merge takes them instead of decoding the JSON again.
struct ParsedOperation {
  Result<Op> op;
  std::optional<Fields> fields;
};
using ParsedOperations = std::vector<ParsedOperation>;
ParsedOperations parseOperations(const pb::PushRequest& request);

struct PushCall {
  const Caller* caller = nullptr;
  const pb::PushRequest* request = nullptr;
  // Parsed on the caller's thread, so the one writer thread does not (null: parsed there).
  const ParsedOperations* parsed = nullptr;
};

struct PushOutcome {
  Reply<pb::PushResponse> reply = RpcError{};
  TeamId team = 0;
  std::vector<pb::LoggedOperation> accepted;  // newly logged, in version order: for live streams
};

class SyncService {
 public:
  using Clock = std::function<std::int64_t()>;  // server time, ms since the Unix epoch

  SyncService(ServerStore& store, SyncLimits limits, Clock clock);

  Reply<Caller> authenticate(std::string_view bearer_token) const;
  // Whether an authenticated caller's token still holds (it may be revoked since).
  std::optional<RpcError> recheck(const Caller& caller) const;
  // Checks versions and binds the caller's token to the device; sets caller.device on success.
  Reply<pb::HandshakeResponse> handshake(Caller& caller, const pb::HandshakeRequest& request);
  // Slow on purpose (Argon2id): keep it off threads that serve other calls.
  Reply<pb::LoginResponse> login(const pb::LoginRequest& request);
  // A new device id for the caller's user, with a token bound to it: how a restored or copied
  // database stops using its original's identity.
  Reply<pb::ForkDeviceResponse> forkDevice(const Caller& caller,
                                           const pb::ForkDeviceRequest& request);
  // A fresh token for the caller's device; the caller's token is revoked in the same step.
  Reply<pb::RenewTokenResponse> renewToken(const Caller& caller,
                                           const pb::RenewTokenRequest& request);
  Reply<pb::PushResponse> push(const Caller& caller, const pb::PushRequest& request);
  // Several pushes in one durable transaction (group commit); one outcome per call, in order.
  std::vector<PushOutcome> pushBatch(std::span<const PushCall> calls);
  Reply<pb::PullResponse> pull(const Caller& caller, const pb::PullRequest& request) const;
  Reply<std::uint64_t> head(TeamId team) const;

  std::int64_t now() const { return clock_(); }
  const SyncLimits& limits() const { return limits_; }
  // The bytes one page of operations may take, leaving room for the rest of the message.
  std::size_t pageBudget() const;

 private:
  std::optional<RpcError> checkPush(const Caller& caller, const pb::PushRequest& request) const;
  std::optional<RpcError> tokenExpired(std::int64_t issued_ms) const;
  // The operations of a push that would be new to the team's log.
  static std::uint64_t newOps(PushTransaction& tx, TeamId team, DeviceId device,
                              const pb::PushRequest& request);
  // The first device_seq of a push that the device already gave a different operation (0: none).
  static std::uint64_t firstReusedSeq(PushTransaction& tx, TeamId team, DeviceId device,
                                      const pb::PushRequest& request);
  void storePush(PushTransaction& tx, const PushCall& call, std::int64_t now,
                 PushOutcome& out) const;
  Result<std::vector<PushOutcome>> commitTogether(std::span<const PushCall> calls,
                                                  std::span<const std::size_t> which,
                                                  std::int64_t now);

  ServerStore& store_;
  SyncLimits limits_;
  Clock clock_;
};

// The status a store failure becomes for the client.
RpcError storeFailure(const Error& error);

// Fills a page of operations up to a byte budget; the first operation always goes in, so a
// page is never empty while the log has more.
class PageFiller {
 public:
  PageFiller(pb::PullResponse& page, std::size_t budget_bytes)
      : page_(page), budget_(budget_bytes) {}
  // False, leaving the page as it was, when the operation does not fit.
  bool add(pb::LoggedOperation op);

 private:
  pb::PullResponse& page_;
  std::size_t budget_;
  std::size_t used_ = 0;
};

pb::LoggedOperation toWire(const LoggedOp& logged);

}  // namespace nextstep::server
