#include "subscribe_reactor.h"

#include "json_log.h"

namespace nextstep::server {
namespace {
constexpr std::uint32_t kStorePageOps = 1000;
}  // namespace

SubscribeReactor::SubscribeReactor(const SubscribeContext& context,
                                   grpc::CallbackServerContext* call, Caller caller,
                                   std::uint64_t after_version)
    : context_(context),
      call_(call),
      caller_(std::move(caller)),
      cursor_(after_version),
      started_(std::chrono::steady_clock::now()),
      last_check_(started_) {
  // Registered before the first store read, so nothing committed later can slip between the
  // backlog and the live ring.
  context_.feed.subscribe(caller_.team_id, this);
  step();
}

void SubscribeReactor::release() {
  if (refs_.fetch_sub(1, std::memory_order_acq_rel) == 1) delete this;
}

void SubscribeReactor::step() {
  grpc::Status failure;
  std::unique_lock lock(mu_);
  if (finished_) return;
  if (writing_) {
    // A client that stopped reading holds a write, and what it has not read yet, in the
    // connection: a revoked token's stream is cut there, not drained when it reads again.
    if (revokedNow()) {
      lock.unlock();
      call_->TryCancel();
    }
    return;
  }
  if (cancelled_ || context_.feed.closing()) {
    finished_ = true;
    const grpc::Status end =
        cancelled_ ? grpc::Status::CANCELLED
                   : grpc::Status(grpc::StatusCode::UNAVAILABLE, "the server is shutting down");
    lock.unlock();
    Finish(end);
    return;
  }
  if (!nextEvent(failure)) {
    if (failure.ok()) return;
    finished_ = true;
    lock.unlock();
    Finish(failure);
    return;
  }
  writing_ = true;
  last_write_ = std::chrono::steady_clock::now();
  lock.unlock();
  StartWrite(&event_);
}

bool SubscribeReactor::storePage(grpc::Status& failure) {
  pb::PullRequest request;
  request.set_after_version(cursor_);
  request.set_limit(kStorePageOps);
  auto page = context_.service.pull(caller_, request);
  if (!page) {
    failure = statusOf(page.error());
    return false;
  }
  from_store_ = page->more();
  if (page->operations_size() == 0) return false;
  cursor_ = page->next_cursor();
  event_.Clear();
  *event_.mutable_operations() = std::move(*page);
  return true;
}

std::optional<grpc::Status> SubscribeReactor::revokedNow() {
  const auto now = std::chrono::steady_clock::now();
  if (now - last_check_ < context_.heartbeat) return std::nullopt;
  last_check_ = now;
  if (auto revoked = context_.service.recheck(caller_)) return statusOf(*revoked);
  return std::nullopt;
}

bool SubscribeReactor::nextEvent(grpc::Status& failure) {
  // A revoked token's stream ends within a heartbeat interval, busy or not.
  if (auto revoked = revokedNow()) {
    failure = *revoked;
    return false;
  }
  if (from_store_) {
    if (storePage(failure)) return true;
    if (!failure.ok()) return false;
  }
  FeedRead live = context_.feed.read(caller_.team_id, cursor_, context_.service.pageBudget());
  if (live.behind) {
    from_store_ = true;
    if (storePage(failure)) return true;
    if (!failure.ok()) return false;
  }
  if (!live.ops.empty() && !live.behind) {
    event_.Clear();
    pb::PullResponse* page = event_.mutable_operations();
    for (const auto& op : live.ops) *page->add_operations() = *op;
    cursor_ = live.ops.back()->version();
    page->set_next_cursor(cursor_);
    page->set_more(live.more);
    page->set_head(std::max(live.head, cursor_));
    return true;
  }
  if (std::chrono::steady_clock::now() - last_write_ < context_.heartbeat) return false;
  auto head = context_.service.head(caller_.team_id);
  if (!head) {
    failure = statusOf(head.error());
    return false;
  }
  event_.Clear();
  event_.mutable_heartbeat()->set_head(*head);
  event_.mutable_heartbeat()->set_server_time_ms(context_.service.now());
  return true;
}

void SubscribeReactor::OnWriteDone(bool ok) {
  {
    std::lock_guard lock(mu_);
    writing_ = false;
    if (!ok) {
      // The client is gone; gRPC still wants a Finish before OnDone.
      if (finished_) return;
      finished_ = true;
    }
  }
  if (!ok) {
    Finish(grpc::Status(grpc::StatusCode::CANCELLED, "the stream broke"));
    return;
  }
  step();
}

void SubscribeReactor::OnCancel() {
  bool finish = false;
  {
    std::lock_guard lock(mu_);
    cancelled_ = true;
    // A write in flight ends in OnWriteDone(false), which finishes.
    if (!writing_ && !finished_) {
      finished_ = true;
      finish = true;
    }
  }
  if (finish) Finish(grpc::Status::CANCELLED);
}

void SubscribeReactor::OnDone() {
  context_.feed.unsubscribe(caller_.team_id, this);
  context_.quota.release(caller_.user_id);
  const double ms =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started_)
          .count();
  LogLine("stream_end")
      .caller(caller_)
      .rpc("Subscribe")
      .number("cursor", static_cast<std::int64_t>(cursor_))
      .ms(ms)
      .info();
  release();
}

}  // namespace nextstep::server
