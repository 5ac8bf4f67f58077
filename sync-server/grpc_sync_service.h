// The Sync service on gRPC's callback API. Unary calls answer on the callback thread, except
// Push (queued for the group-commit writer) and Login (Argon2id on the login workers); Subscribe
// is a SubscribeReactor fed by the team feed. Every call but Login authenticates by its bearer
// token and passes the per-token rate limit first.
#pragma once

#include <grpcpp/grpcpp.h>

#include <chrono>

#include "login_workers.h"
#include "nextstep/sync/v1/sync.grpc.pb.h"
#include "parsed_request.h"
#include "push_writer.h"
#include "rate_limit.h"
#include "stream_quota.h"
#include "subscribe_reactor.h"
#include "sync_service.h"
#include "team_feed.h"
#include "team_snapshots.h"

namespace nextstep::server {

struct GrpcSyncParts {
  SyncService& service;
  PushWriter& writer;
  TeamFeed& feed;
  LoginWorkers& logins;
  RateLimiter& call_rate;   // per bearer token
  RateLimiter& login_rate;  // per peer address
  StreamQuota& streams;
  std::chrono::milliseconds heartbeat;
  TeamSnapshots* snapshots = nullptr;  // null: every Snapshot call is told to read the log
};

class GrpcSyncService final : public pb::Sync::CallbackService {
 public:
  // The generated base keeps synchronous overloads (they abort) next to the callback ones;
  // naming them here keeps them visible instead of hidden.
  using pb::Sync::CallbackService::ForkDevice;
  using pb::Sync::CallbackService::Handshake;
  using pb::Sync::CallbackService::Login;
  using pb::Sync::CallbackService::Pull;
  using pb::Sync::CallbackService::Push;
  using pb::Sync::CallbackService::RenewToken;
  using pb::Sync::CallbackService::Snapshot;
  using pb::Sync::CallbackService::Subscribe;

  explicit GrpcSyncService(const GrpcSyncParts& parts);

  grpc::ServerUnaryReactor* Handshake(grpc::CallbackServerContext* context,
                                      const pb::HandshakeRequest* request,
                                      pb::HandshakeResponse* response) override;
  grpc::ServerUnaryReactor* ForkDevice(grpc::CallbackServerContext* context,
                                       const pb::ForkDeviceRequest* request,
                                       pb::ForkDeviceResponse* response) override;
  grpc::ServerUnaryReactor* RenewToken(grpc::CallbackServerContext* context,
                                       const pb::RenewTokenRequest* request,
                                       pb::RenewTokenResponse* response) override;
  grpc::ServerUnaryReactor* Login(grpc::CallbackServerContext* context,
                                  const pb::LoginRequest* request,
                                  pb::LoginResponse* response) override;
  grpc::ServerUnaryReactor* Push(grpc::CallbackServerContext* context,
                                 const pb::PushRequest* request,
                                 pb::PushResponse* response) override;
  grpc::ServerUnaryReactor* Pull(grpc::CallbackServerContext* context,
                                 const pb::PullRequest* request,
                                 pb::PullResponse* response) override;
  grpc::ServerWriteReactor<pb::SubscribeEvent>* Subscribe(
      grpc::CallbackServerContext* context, const pb::SubscribeRequest* request) override;
  grpc::ServerWriteReactor<pb::SnapshotChunk>* Snapshot(
      grpc::CallbackServerContext* context, const pb::SnapshotRequest* request) override;

 private:
  // The caller behind the call's bearer token, within its rate limit.
  Reply<Caller> admit(grpc::CallbackServerContext* context) const;

  template <typename Request, typename Response>
  using UnaryMethod = grpc::ServerUnaryReactor* (GrpcSyncService::*)(grpc::CallbackServerContext*,
                                                                     const Request*, Response*);
  // Registers the method at its index in sync.proto's service with a ParsedRequest, so that bytes
  // that are not a message get INVALID_ARGUMENT instead of gRPC's UNIMPLEMENTED.
  template <typename Request, typename Response>
  void acceptUnary(int index, std::string_view rpc, UnaryMethod<Request, Response> method);
  template <typename Request, typename Event>
  using StreamMethod = grpc::ServerWriteReactor<Event>* (
      GrpcSyncService::*)(grpc::CallbackServerContext*, const Request*);
  template <typename Request, typename Event>
  void acceptStream(int index, std::string_view rpc, StreamMethod<Request, Event> method);

  GrpcSyncParts parts_;
};

}  // namespace nextstep::server
