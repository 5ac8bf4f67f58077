#include "grpc_sync_service.h"

#include "json_log.h"
#include "snapshot_stream.h"
#include "token_auth.h"

namespace nextstep::server {
namespace {

using Clock = std::chrono::steady_clock;

double millisSince(Clock::time_point start) {
  return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

// The call's log line and its answer. Warnings for the caller's mistakes, errors for ours.
void finishUnary(grpc::ServerUnaryReactor* reactor, std::string_view rpc, const Caller* caller,
                 Clock::time_point start, const grpc::Status& status) {
  LogLine line("rpc");
  line.rpc(rpc);
  if (caller != nullptr) line.caller(*caller);
  line.code(status.error_code()).ms(millisSince(start));
  if (!status.ok()) line.text("message", status.error_message());
  switch (status.error_code()) {
    case grpc::StatusCode::OK:
      line.info();
      break;
    case grpc::StatusCode::INTERNAL:
    case grpc::StatusCode::UNAVAILABLE:
    case grpc::StatusCode::UNKNOWN:
      line.error();
      break;
    default:
      line.warn();
  }
  reactor->Finish(status);
}

// "ipv4:127.0.0.1:5555" -> "ipv4:127.0.0.1": logins are limited per address, not per port.
std::string peerAddress(const grpc::CallbackServerContext* context) {
  std::string peer = context->peer();
  const std::size_t colon = peer.rfind(':');
  if (colon != std::string::npos && colon > peer.find(':')) peer.resize(colon);
  return peer;
}

grpc::Status notAMessage(std::string_view type, const std::string& problem) {
  return grpc::Status(grpc::StatusCode::INVALID_ARGUMENT,
                      "the request is not a valid " + std::string(type) + " message" +
                          (problem.empty() ? std::string() : ": " + problem));
}

// The methods' places in sync.proto's service: the generated base registers them by index.
enum MethodIndex : int {
  kHandshake = 0,
  kLogin = 1,
  kPush = 2,
  kPull = 3,
  kSubscribe = 4,
  kForkDevice = 5,
  kRenewToken = 6,
  kSnapshot = 7,
};

}  // namespace

GrpcSyncService::GrpcSyncService(const GrpcSyncParts& parts) : parts_(parts) {
  acceptUnary<pb::HandshakeRequest, pb::HandshakeResponse>(kHandshake, "Handshake",
                                                           &GrpcSyncService::Handshake);
  acceptUnary<pb::LoginRequest, pb::LoginResponse>(kLogin, "Login", &GrpcSyncService::Login);
  acceptUnary<pb::PushRequest, pb::PushResponse>(kPush, "Push", &GrpcSyncService::Push);
  acceptUnary<pb::PullRequest, pb::PullResponse>(kPull, "Pull", &GrpcSyncService::Pull);
  acceptStream<pb::SubscribeRequest, pb::SubscribeEvent>(kSubscribe, "Subscribe",
                                                         &GrpcSyncService::Subscribe);
  acceptUnary<pb::ForkDeviceRequest, pb::ForkDeviceResponse>(kForkDevice, "ForkDevice",
                                                             &GrpcSyncService::ForkDevice);
  acceptUnary<pb::RenewTokenRequest, pb::RenewTokenResponse>(kRenewToken, "RenewToken",
                                                             &GrpcSyncService::RenewToken);
  acceptStream<pb::SnapshotRequest, pb::SnapshotChunk>(kSnapshot, "Snapshot",
                                                       &GrpcSyncService::Snapshot);
}

template <typename Request, typename Response>
void GrpcSyncService::acceptUnary(int index, std::string_view rpc,
                                  UnaryMethod<Request, Response> method) {
  MarkMethodCallback(
      index, new grpc::internal::CallbackUnaryHandler<ParsedRequest<Request>, Response>(
                 [this, rpc, method](grpc::CallbackServerContext* context,
                                     const ParsedRequest<Request>* request, Response* response) {
                   if (!request->valid) {
                     auto* reactor = context->DefaultReactor();
                     finishUnary(reactor, rpc, nullptr, Clock::now(),
                                 notAMessage(Request::descriptor()->name(), request->problem));
                     return reactor;
                   }
                   return (this->*method)(context, &request->message, response);
                 }));
}

template <typename Request, typename Event>
void GrpcSyncService::acceptStream(int index, std::string_view rpc,
                                   StreamMethod<Request, Event> method) {
  MarkMethodCallback(
      index, new grpc::internal::CallbackServerStreamingHandler<ParsedRequest<Request>, Event>(
                 [this, rpc, method](
                     grpc::CallbackServerContext* context,
                     const ParsedRequest<Request>* request) -> grpc::ServerWriteReactor<Event>* {
                   if (!request->valid) {
                     const grpc::Status status =
                         notAMessage(Request::descriptor()->name(), request->problem);
                     LogLine("rpc")
                         .rpc(rpc)
                         .code(status.error_code())
                         .text("message", status.error_message())
                         .warn();
                     return new RefusedStream<Event>(status);
                   }
                   return (this->*method)(context, &request->message);
                 }));
}

Reply<Caller> GrpcSyncService::admit(grpc::CallbackServerContext* context) const {
  const auto& metadata = context->client_metadata();
  const auto header = metadata.find("authorization");
  std::string_view token;
  if (header != metadata.end()) {
    const std::string_view value(header->second.data(), header->second.size());
    token = bearerToken(value).value_or(std::string_view());
  }
  Reply<Caller> caller = parts_.service.authenticate(token);
  if (!caller) return caller;
  // The user's bucket, not the token's: minting more tokens buys no more requests.
  if (!parts_.call_rate.allow("user:" + std::to_string(caller->user_id))) {
    return rpcError(grpc::StatusCode::RESOURCE_EXHAUSTED,
                    "too many requests from this user; slow down");
  }
  return caller;
}

grpc::ServerUnaryReactor* GrpcSyncService::Handshake(grpc::CallbackServerContext* context,
                                                     const pb::HandshakeRequest* request,
                                                     pb::HandshakeResponse* response) {
  const auto start = Clock::now();
  auto* reactor = context->DefaultReactor();
  Reply<Caller> caller = admit(context);
  if (!caller) {
    finishUnary(reactor, "Handshake", nullptr, start, statusOf(caller.error()));
    return reactor;
  }
  auto reply = parts_.service.handshake(*caller, *request);
  if (reply) {
    *response = std::move(*reply);
    response->set_heartbeat_ms(static_cast<std::uint32_t>(
        std::chrono::duration_cast<std::chrono::milliseconds>(parts_.heartbeat).count()));
  }
  finishUnary(reactor, "Handshake", &*caller, start,
              reply ? grpc::Status::OK : statusOf(reply.error()));
  return reactor;
}

grpc::ServerUnaryReactor* GrpcSyncService::ForkDevice(grpc::CallbackServerContext* context,
                                                      const pb::ForkDeviceRequest* request,
                                                      pb::ForkDeviceResponse* response) {
  const auto start = Clock::now();
  auto* reactor = context->DefaultReactor();
  Reply<Caller> caller = admit(context);
  if (!caller) {
    finishUnary(reactor, "ForkDevice", nullptr, start, statusOf(caller.error()));
    return reactor;
  }
  auto reply = parts_.service.forkDevice(*caller, *request);
  if (reply) *response = std::move(*reply);
  finishUnary(reactor, "ForkDevice", &*caller, start,
              reply ? grpc::Status::OK : statusOf(reply.error()));
  return reactor;
}

grpc::ServerUnaryReactor* GrpcSyncService::RenewToken(grpc::CallbackServerContext* context,
                                                      const pb::RenewTokenRequest* request,
                                                      pb::RenewTokenResponse* response) {
  const auto start = Clock::now();
  auto* reactor = context->DefaultReactor();
  Reply<Caller> caller = admit(context);
  if (!caller) {
    finishUnary(reactor, "RenewToken", nullptr, start, statusOf(caller.error()));
    return reactor;
  }
  auto reply = parts_.service.renewToken(*caller, *request);
  if (reply) *response = std::move(*reply);
  finishUnary(reactor, "RenewToken", &*caller, start,
              reply ? grpc::Status::OK : statusOf(reply.error()));
  return reactor;
}

grpc::ServerUnaryReactor* GrpcSyncService::Login(grpc::CallbackServerContext* context,
                                                 const pb::LoginRequest* request,
                                                 pb::LoginResponse* response) {
  const auto start = Clock::now();
  auto* reactor = context->DefaultReactor();
  if (!parts_.login_rate.allow("peer:" + peerAddress(context))) {
    finishUnary(reactor, "Login", nullptr, start,
                grpc::Status(grpc::StatusCode::RESOURCE_EXHAUSTED,
                             "too many logins from this address; slow down"));
    return reactor;
  }
  SyncService& service = parts_.service;
  const bool queued = parts_.logins.submit([&service, reactor, request, response, start] {
    auto reply = service.login(*request);
    if (reply) *response = std::move(*reply);
    finishUnary(reactor, "Login", nullptr, start,
                reply ? grpc::Status::OK : statusOf(reply.error()));
  });
  if (!queued) {
    finishUnary(reactor, "Login", nullptr, start,
                grpc::Status(grpc::StatusCode::RESOURCE_EXHAUSTED,
                             "too many logins at once; retry shortly"));
  }
  return reactor;
}

grpc::ServerUnaryReactor* GrpcSyncService::Push(grpc::CallbackServerContext* context,
                                                const pb::PushRequest* request,
                                                pb::PushResponse* response) {
  const auto start = Clock::now();
  auto* reactor = context->DefaultReactor();
  Reply<Caller> caller = admit(context);
  if (!caller) {
    finishUnary(reactor, "Push", nullptr, start, statusOf(caller.error()));
    return reactor;
  }
  Caller who = *caller;
  const auto admission = parts_.writer.submit(
      std::move(*caller), request, [reactor, response, who, start](Reply<pb::PushResponse> reply) {
        if (reply) *response = std::move(*reply);
        finishUnary(reactor, "Push", &who, start,
                    reply ? grpc::Status::OK : statusOf(reply.error()));
      });
  if (admission == PushWriter::Admission::kFull) {
    finishUnary(reactor, "Push", &who, start,
                grpc::Status(grpc::StatusCode::RESOURCE_EXHAUSTED,
                             "the server is busy storing other pushes; retry shortly"));
  } else if (admission == PushWriter::Admission::kStopped) {
    finishUnary(reactor, "Push", &who, start,
                grpc::Status(grpc::StatusCode::UNAVAILABLE, "the server is shutting down"));
  }
  return reactor;
}

grpc::ServerUnaryReactor* GrpcSyncService::Pull(grpc::CallbackServerContext* context,
                                                const pb::PullRequest* request,
                                                pb::PullResponse* response) {
  const auto start = Clock::now();
  auto* reactor = context->DefaultReactor();
  Reply<Caller> caller = admit(context);
  if (!caller) {
    finishUnary(reactor, "Pull", nullptr, start, statusOf(caller.error()));
    return reactor;
  }
  auto reply = parts_.service.pull(*caller, *request);
  if (reply) *response = std::move(*reply);
  finishUnary(reactor, "Pull", &*caller, start, reply ? grpc::Status::OK : statusOf(reply.error()));
  return reactor;
}

// The log line of a stream refused before it started, and the refusal.
template <typename Event>
grpc::ServerWriteReactor<Event>* refuseStream(std::string_view rpc, const Caller* caller,
                                              Clock::time_point start, const grpc::Status& status) {
  LogLine line("rpc");
  line.rpc(rpc);
  if (caller != nullptr) line.caller(*caller);
  line.code(status.error_code()).ms(millisSince(start)).text("message", status.error_message());
  line.warn();
  return new RefusedStream<Event>(status);
}

grpc::ServerWriteReactor<pb::SnapshotChunk>* GrpcSyncService::Snapshot(
    grpc::CallbackServerContext* context, const pb::SnapshotRequest* request) {
  const auto start = Clock::now();
  Reply<Caller> caller = admit(context);
  if (!caller) {
    return refuseStream<pb::SnapshotChunk>("Snapshot", nullptr, start, statusOf(caller.error()));
  }
  auto head = parts_.service.head(caller->team_id);
  if (!head) {
    return refuseStream<pb::SnapshotChunk>("Snapshot", &*caller, start, statusOf(head.error()));
  }
  SnapshotRef file =
      parts_.snapshots == nullptr
          ? nullptr
          : parts_.snapshots->ready(caller->team_id, static_cast<int>(request->database_schema()),
                                    *head);
  if (!file) {
    // Not a failure: the device reads the log instead.
    LogLine("rpc")
        .rpc("Snapshot")
        .caller(*caller)
        .code(grpc::StatusCode::NOT_FOUND)
        .ms(millisSince(start))
        .info();
    return new RefusedStream<pb::SnapshotChunk>(grpc::Status(
        grpc::StatusCode::NOT_FOUND,
        "no snapshot of this team is ready for this version of the app; read the log"));
  }
  // Hundreds of MB each: a user's downloads count against the same ceiling as live streams.
  if (!parts_.streams.acquire(caller->user_id)) {
    return refuseStream<pb::SnapshotChunk>(
        "Snapshot", &*caller, start,
        grpc::Status(grpc::StatusCode::RESOURCE_EXHAUSTED, "too many open streams for this user"));
  }
  const bool compressed = request->accepts_zstd() && !file->compressed.empty();
  LogLine("stream_start")
      .caller(*caller)
      .rpc("Snapshot")
      .number("version", static_cast<std::int64_t>(file->version))
      .number("bytes", static_cast<std::int64_t>(file->bytes))
      .number("compressed_bytes",
              static_cast<std::int64_t>(compressed ? file->compressed_bytes : 0))
      .info();
  return new SnapshotStream(std::move(file), compressed, parts_.streams, caller->user_id);
}

grpc::ServerWriteReactor<pb::SubscribeEvent>* GrpcSyncService::Subscribe(
    grpc::CallbackServerContext* context, const pb::SubscribeRequest* request) {
  const auto start = Clock::now();
  auto refuse = [&](const Caller* caller, const grpc::Status& status) {
    return refuseStream<pb::SubscribeEvent>("Subscribe", caller, start, status);
  };
  Reply<Caller> caller = admit(context);
  if (!caller) return refuse(nullptr, statusOf(caller.error()));
  if (parts_.feed.closing()) {
    return refuse(&*caller,
                  grpc::Status(grpc::StatusCode::UNAVAILABLE, "the server is shutting down"));
  }
  if (!parts_.streams.acquire(caller->user_id)) {
    return refuse(&*caller, grpc::Status(grpc::StatusCode::RESOURCE_EXHAUSTED,
                                         "too many open streams for this user"));
  }
  LogLine("stream_start")
      .caller(*caller)
      .rpc("Subscribe")
      .number("after_version", static_cast<std::int64_t>(request->after_version()))
      .info();
  const SubscribeContext subscribe{parts_.service, parts_.feed, parts_.streams, parts_.heartbeat};
  return new SubscribeReactor(subscribe, context, std::move(*caller), request->after_version());
}

}  // namespace nextstep::server
