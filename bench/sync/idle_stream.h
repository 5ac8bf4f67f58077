// One device's live Subscribe stream, held open and read as events come (heartbeats, in an idle
// team), on gRPC's callback API: thousands of them need no thread each.
#pragma once

#include <grpcpp/grpcpp.h>

#include <atomic>
#include <condition_variable>
#include <mutex>
#include <string>

#include "nextstep/sync/v1/sync.grpc.pb.h"

namespace nextstep::bench {

class IdleStream final : public grpc::ClientReadReactor<sync::v1::SubscribeEvent> {
 public:
  // Opens the stream from cursor 0 with the device's bearer token.
  IdleStream(sync::v1::Sync::Stub& stub, const std::string& token);
  ~IdleStream() override;  // cancels it and waits for its end
  IdleStream(const IdleStream&) = delete;
  IdleStream& operator=(const IdleStream&) = delete;

  // The server sends its first event (the head, as a heartbeat) as soon as the stream is set up.
  bool up() const { return events_.load() > 0; }
  std::int64_t events() const { return events_.load(); }
  // Whether the server ended it, and with what.
  bool ended() const;
  std::string endedWith() const;

  void OnReadDone(bool ok) override;
  void OnDone(const grpc::Status& status) override;

 private:
  grpc::ClientContext context_;
  sync::v1::SubscribeRequest request_;
  sync::v1::SubscribeEvent event_;
  std::atomic<std::int64_t> events_{0};
  mutable std::mutex mu_;
  std::condition_variable done_changed_;
  bool done_ = false;
  grpc::Status status_;
};

}  // namespace nextstep::bench
