// One Subscribe stream on gRPC's callback API: it writes one event at a time, and the end of
// each write starts the next. First the backlog after the client's cursor, in pages from the
// store; then live operations from the team's feed; a heartbeat whenever the stream was quiet
// for the heartbeat interval. No thread of its own, and no lock held across a gRPC call.
#pragma once

#include <grpcpp/grpcpp.h>

#include <atomic>
#include <chrono>
#include <mutex>
#include <optional>

#include "caller.h"
#include "nextstep/sync/v1/sync.grpc.pb.h"
#include "stream_quota.h"
#include "sync_service.h"
#include "team_feed.h"

namespace nextstep::server {

struct SubscribeContext {
  SyncService& service;
  TeamFeed& feed;
  StreamQuota& quota;
  std::chrono::milliseconds heartbeat;
};

class SubscribeReactor final : public grpc::ServerWriteReactor<pb::SubscribeEvent>,
                               public FeedSubscriber {
 public:
  // The caller's stream quota is already taken; the reactor gives it back when done.
  SubscribeReactor(const SubscribeContext& context, grpc::CallbackServerContext* call,
                   Caller caller, std::uint64_t after_version);

  void wake() override { step(); }
  void retain() override { refs_.fetch_add(1, std::memory_order_relaxed); }
  void release() override;

  void OnWriteDone(bool ok) override;
  void OnCancel() override;
  void OnDone() override;

 private:
  using SteadyTime = std::chrono::steady_clock::time_point;
  ~SubscribeReactor() override = default;

  // Starts the next write if none is in flight and there is something to send.
  void step();
  // Fills event_; false when there is nothing to send now. Called with mu_ held.
  bool nextEvent(grpc::Status& failure);
  bool storePage(grpc::Status& failure);
  // Whether the token was revoked, checked once a heartbeat interval. Called with mu_ held.
  std::optional<grpc::Status> revokedNow();

  SubscribeContext context_;
  grpc::CallbackServerContext* call_;
  Caller caller_;
  std::atomic<int> refs_{1};  // gRPC's, until OnDone; plus the feed's while it wakes us

  std::mutex mu_;
  std::uint64_t cursor_;
  bool from_store_ = true;  // the backlog (or a gap behind the ring) is read from the store
  bool writing_ = false;
  bool finished_ = false;
  bool cancelled_ = false;
  SteadyTime last_write_{};  // epoch: the first quiet moment sends a heartbeat at once
  SteadyTime started_;
  SteadyTime last_check_;  // of the token, against revocation
  pb::SubscribeEvent event_;
};

// A stream refused before it started (authentication, limits).
template <typename Message>
class RefusedStream final : public grpc::ServerWriteReactor<Message> {
 public:
  explicit RefusedStream(const grpc::Status& status) { this->Finish(status); }
  void OnDone() override { delete this; }
};

}  // namespace nextstep::server
