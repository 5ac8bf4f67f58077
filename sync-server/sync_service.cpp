#include "sync_service.h"

#include <algorithm>
#include <cstdint>

#include "json_log.h"
#include "nextstep/sync/wire.h"
#include "password_hash.h"
#include "push_merge_state.h"
#include "token_auth.h"

namespace nextstep::server {
namespace {

using grpc::StatusCode;

// The same answer for an unknown email and a wrong password: it must not tell which is which.
constexpr char kBadLogin[] = "wrong email or password";
constexpr char kBadToken[] = "unknown or revoked token";
// One answer for every device id a user may not take, whoever holds it: the answer must not
// tell an attacker with one account which ids other users' devices have.
constexpr char kDeviceUnavailable[] =
    "this device id cannot be used; start again with a new device id";
constexpr std::int64_t kDayMs = std::int64_t{24} * 60 * 60 * 1000;
constexpr std::size_t kMaxTokenBytes = 512;
// Room for a page's cursor, flags and framing next to its operations.
constexpr std::size_t kPageOverheadBytes = 4096;

std::optional<RpcError> bindingError(DeviceBinding binding) {
  switch (binding) {
    case DeviceBinding::kBound:
      return std::nullopt;
    case DeviceBinding::kTokenRevoked:
      return rpcError(StatusCode::UNAUTHENTICATED, kBadToken);
    case DeviceBinding::kTokenBoundElsewhere:
      return rpcError(StatusCode::PERMISSION_DENIED,
                      "this token belongs to another device; log in on this device to get its "
                      "own token");
    case DeviceBinding::kDeviceOfOtherUser:
      return rpcError(StatusCode::PERMISSION_DENIED, kDeviceUnavailable);
  }
  return rpcError(StatusCode::INTERNAL, "unknown device binding");
}

}  // namespace

RpcError storeFailure(const Error& error) {
  LogLine("store_failure")
      .text("error", errorCodeName(error.code))
      .text("detail", error.message)
      .error();
  switch (error.code) {
    case ErrorCode::kBusy:
    case ErrorCode::kIo:
      return rpcError(StatusCode::UNAVAILABLE, "the server's storage is unavailable; retry later");
    case ErrorCode::kUnavailable:  // PostgreSQL restarting or out of reach
      return rpcError(StatusCode::UNAVAILABLE, "the team's database is unreachable; retry");
    case ErrorCode::kFull:
      return rpcError(StatusCode::RESOURCE_EXHAUSTED, "the server's storage is full");
    default:
      return rpcError(StatusCode::INTERNAL, "the server could not use its storage");
  }
}

bool PageFiller::add(pb::LoggedOperation op) {
  const std::size_t size = op.ByteSizeLong();
  // One tag byte and at most five of length prefix per repeated entry.
  const std::size_t framed = size + 6;
  if (page_.operations_size() > 0 && used_ + framed > budget_) return false;
  used_ += framed;
  *page_.add_operations() = std::move(op);
  return true;
}

pb::LoggedOperation toWire(const LoggedOp& logged) {
  pb::LoggedOperation out;
  out.set_version(logged.version);
  sync::toWire(logged.op, *out.mutable_operation());
  out.set_author(logged.author);
  return out;
}

SyncService::SyncService(ServerStore& store, SyncLimits limits, Clock clock)
    : store_(store), limits_(limits), clock_(std::move(clock)) {}

std::size_t SyncService::pageBudget() const {
  return limits_.max_message_bytes > 2 * kPageOverheadBytes
             ? limits_.max_message_bytes - kPageOverheadBytes
             : limits_.max_message_bytes / 2;
}

Reply<Caller> SyncService::authenticate(std::string_view bearer_token) const {
  if (bearer_token.empty()) {
    return rpcError(StatusCode::UNAUTHENTICATED,
                    "missing credentials: send \"authorization: Bearer <token>\"");
  }
  if (bearer_token.size() > kMaxTokenBytes) return rpcError(StatusCode::UNAUTHENTICATED, kBadToken);
  auto found = store_.findToken(tokenHash(bearer_token));
  if (!found) return storeFailure(found.error());
  if (!*found || (*found)->revoked) return rpcError(StatusCode::UNAUTHENTICATED, kBadToken);
  const TokenRecord& t = **found;
  if (auto expired = tokenExpired(t.created_at_ms)) return *expired;
  return Caller{t.team, t.team_name, t.user, t.email, t.id, t.created_at_ms, t.device};
}

std::optional<RpcError> SyncService::tokenExpired(std::int64_t issued_ms) const {
  if (now() - issued_ms < limits_.token_lifetime_ms) return std::nullopt;
  const std::int64_t days = limits_.token_lifetime_ms / kDayMs;
  return rpcError(StatusCode::UNAUTHENTICATED,
                  "this token expired (tokens last " +
                      (days > 0 ? std::to_string(days) + " days"
                                : std::to_string(limits_.token_lifetime_ms) + " ms") +
                      "); sign in again");
}

std::optional<RpcError> SyncService::recheck(const Caller& caller) const {
  auto active = store_.tokenActive(caller.token_id);
  if (!active) return storeFailure(active.error());
  if (!*active) return rpcError(StatusCode::UNAUTHENTICATED, kBadToken);
  return tokenExpired(caller.token_issued_ms);
}

Reply<pb::HandshakeResponse> SyncService::handshake(Caller& caller,
                                                    const pb::HandshakeRequest& request) {
  if (request.protocol_version() != kProtocolVersion) {
    return rpcError(StatusCode::FAILED_PRECONDITION,
                    "protocol version " + std::to_string(request.protocol_version()) +
                        " is not supported: this server speaks protocol version " +
                        std::to_string(kProtocolVersion));
  }
  if (request.schema_version() < kMinSchemaVersion ||
      request.schema_version() > kMaxSchemaVersion) {
    return rpcError(StatusCode::FAILED_PRECONDITION,
                    "client schema version " + std::to_string(request.schema_version()) +
                        " is outside the range this server accepts (" +
                        std::to_string(kMinSchemaVersion) + " to " +
                        std::to_string(kMaxSchemaVersion) + ")");
  }
  if (request.device_id() == 0) {
    return rpcError(StatusCode::INVALID_ARGUMENT, "device_id must not be 0");
  }
  const std::int64_t now_ms = now();
  auto bound = store_.bindDevice(caller.token_id, caller.user_id, request.device_id(), now_ms);
  if (!bound) return storeFailure(bound.error());
  if (auto error = bindingError(*bound)) return *error;
  auto head = store_.head(caller.team_id);
  if (!head) return storeFailure(head.error());
  auto stored_seq = store_.deviceLastSeq(request.device_id());
  if (!stored_seq) return storeFailure(stored_seq.error());
  caller.device = request.device_id();

  pb::HandshakeResponse out;
  out.set_protocol_version(kProtocolVersion);
  out.set_min_schema_version(kMinSchemaVersion);
  out.set_max_schema_version(kMaxSchemaVersion);
  out.set_server_time_ms(now_ms);
  out.set_team(caller.team_name);
  out.set_user_email(caller.email);
  out.set_head(*head);
  out.set_max_ops_per_push(limits_.max_ops_per_push);
  out.set_max_message_bytes(limits_.max_message_bytes);
  out.set_max_clock_ahead_ms(limits_.max_clock_ahead_ms);
  out.set_device_reused(*stored_seq > request.last_seq());
  out.set_rotate_token(now_ms - caller.token_issued_ms >= limits_.tokenRotateAfterMs());
  if (out.device_reused()) {
    LogLine("device_reused")
        .caller(caller)
        .number("stored_seq", static_cast<std::int64_t>(*stored_seq))
        .number("device_last_seq", static_cast<std::int64_t>(request.last_seq()))
        .warn();
  }
  return out;
}

Reply<pb::ForkDeviceResponse> SyncService::forkDevice(const Caller& caller,
                                                      const pb::ForkDeviceRequest& request) {
  if (request.new_device_id() == 0) {
    return rpcError(StatusCode::INVALID_ARGUMENT, "new_device_id must not be 0");
  }
  if (caller.device && *caller.device == request.new_device_id()) {
    return rpcError(StatusCode::INVALID_ARGUMENT,
                    "new_device_id is the device this token already belongs to");
  }
  const std::string token = newBearerToken();
  auto bound =
      store_.addDeviceToken(caller.user_id, request.new_device_id(), tokenHash(token), now());
  if (!bound) return storeFailure(bound.error());
  if (auto error = bindingError(*bound)) return *error;
  LogLine("device_forked")
      .caller(caller)
      .text("new_device", deviceIdToHex(request.new_device_id()))
      .text("reason", request.reason().substr(0, 200))
      .info();
  pb::ForkDeviceResponse out;
  out.set_token(token);
  out.set_team(caller.team_name);
  return out;
}

Reply<pb::RenewTokenResponse> SyncService::renewToken(const Caller& caller,
                                                      const pb::RenewTokenRequest&) {
  const std::string token = newBearerToken();
  auto renewed = store_.renewToken(caller.token_id, caller.user_id, tokenHash(token), now());
  if (!renewed) return storeFailure(renewed.error());
  if (auto error = bindingError(*renewed)) return *error;
  LogLine("token_renewed")
      .caller(caller)
      .number("old_token_age_ms", now() - caller.token_issued_ms)
      .info();
  pb::RenewTokenResponse out;
  out.set_token(token);
  out.set_team(caller.team_name);
  return out;
}

Reply<pb::LoginResponse> SyncService::login(const pb::LoginRequest& request) {
  if (request.device_id() == 0) {
    return rpcError(StatusCode::INVALID_ARGUMENT, "device_id must not be 0");
  }
  auto user = store_.findUser(request.email());
  if (!user) return storeFailure(user.error());
  if (!*user) {
    verifyNobody(request.password());
    return rpcError(StatusCode::UNAUTHENTICATED, kBadLogin);
  }
  if (!verifyPassword((*user)->password_hash, request.password())) {
    return rpcError(StatusCode::UNAUTHENTICATED, kBadLogin);
  }
  const std::string token = newBearerToken();
  auto bound = store_.addDeviceToken((*user)->id, request.device_id(), tokenHash(token), now());
  if (!bound) return storeFailure(bound.error());
  if (auto error = bindingError(*bound)) return *error;
  pb::LoginResponse out;
  out.set_token(token);
  out.set_team((*user)->team_name);
  return out;
}

Reply<pb::PullResponse> SyncService::pull(const Caller& caller,
                                          const pb::PullRequest& request) const {
  const std::uint32_t limit = request.limit() == 0
                                  ? limits_.default_pull_limit
                                  : std::min(request.limit(), limits_.max_pull_limit);
  // Versions are SQLite integers: a larger cursor was never given out, and cast to one it would
  // replay the team's whole log with a next cursor that goes backwards.
  if (request.after_version() > static_cast<std::uint64_t>(INT64_MAX)) {
    return rpcError(StatusCode::INVALID_ARGUMENT, "after_version " +
                                                      std::to_string(request.after_version()) +
                                                      " is not a version this server gives out");
  }
  auto page = store_.readLog(caller.team_id, request.after_version(), limit);
  if (!page && page.error().code == ErrorCode::kCompacted) {
    return RpcError{StatusCode::OUT_OF_RANGE, page.error().message,
                    std::string(sync::kLogCompacted)};
  }
  if (!page) return storeFailure(page.error());
  if (request.after_version() > page->head) {
    return rpcError(StatusCode::OUT_OF_RANGE,
                    "after_version " + std::to_string(request.after_version()) +
                        " is past the team's newest version " + std::to_string(page->head));
  }
  pb::PullResponse out;
  PageFiller filler(out, pageBudget());
  bool full = false;
  for (const LoggedOp& op : page->ops) {
    if (!filler.add(toWire(op))) {
      full = true;
      break;
    }
  }
  const int n = out.operations_size();
  out.set_next_cursor(n > 0 ? out.operations(n - 1).version() : request.after_version());
  out.set_more(page->more || full);
  out.set_head(page->head);
  return out;
}

Reply<std::uint64_t> SyncService::head(TeamId team) const {
  auto h = store_.head(team);
  if (!h) return storeFailure(h.error());
  return *h;
}

}  // namespace nextstep::server
