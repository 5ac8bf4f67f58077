#include "idle_stream.h"

namespace nextstep::bench {

IdleStream::IdleStream(sync::v1::Sync::Stub& stub, const std::string& token) {
  context_.AddMetadata("authorization", "Bearer " + token);
  request_.set_after_version(0);
  stub.async()->Subscribe(&context_, &request_, this);
  StartRead(&event_);
  StartCall();
}

IdleStream::~IdleStream() {
  context_.TryCancel();
  std::unique_lock lock(mu_);
  done_changed_.wait(lock, [&] { return done_; });
}

bool IdleStream::ended() const {
  std::lock_guard lock(mu_);
  return done_;
}

std::string IdleStream::endedWith() const {
  std::lock_guard lock(mu_);
  return std::to_string(status_.error_code()) + " " + status_.error_message();
}

void IdleStream::OnReadDone(bool ok) {
  if (!ok) return;  // the stream ended: OnDone follows
  events_.fetch_add(1);
  StartRead(&event_);
}

void IdleStream::OnDone(const grpc::Status& status) {
  std::lock_guard lock(mu_);
  status_ = status;
  done_ = true;
  done_changed_.notify_all();
}

}  // namespace nextstep::bench
