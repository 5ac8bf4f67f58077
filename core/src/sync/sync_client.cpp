#include "nextstep/sync/sync_client.h"

#include <random>

#include "nextstep/sync/device_session.h"
#include "nextstep/sync/set_aside.h"
#include "nextstep/sync/sync_round.h"

namespace nextstep::sync {
namespace {

using Clock = std::chrono::steady_clock;

// The server heartbeats a quiet stream once per interval, checked once a second: a stream silent
// for two intervals and this margin is a dead link that keepalive has not noticed yet.
constexpr std::chrono::milliseconds kSilenceMargin{2000};

}  // namespace

std::string_view nameOf(SyncState state) {
  switch (state) {
    case SyncState::kOffline:
      return "offline";
    case SyncState::kConnecting:
      return "connecting";
    case SyncState::kSyncing:
      return "syncing";
    case SyncState::kUpToDate:
      return "up_to_date";
    case SyncState::kError:
      return "error";
  }
  return "?";
}

std::string explainSyncError(const Error& e) {
  switch (e.code) {
    case ErrorCode::kUnavailable:
      return "Offline: the sync server can't be reached. Your changes are kept and will sync.";
    case ErrorCode::kUnauthenticated:
      return "Signed out: sign in again to sync.";
    case ErrorCode::kPermissionDenied:
      return "This device isn't allowed to sync with this account.";
    case ErrorCode::kFailedPrecondition:
      return "Update NextStep to keep syncing: " + e.message;
    case ErrorCode::kResourceExhausted:
      return "The sync server is busy; trying again shortly.";
    case ErrorCode::kCompacted:
      return "This device was offline longer than the server keeps the team's changes, and the "
             "server has no copy of the team to start from yet. Your changes are kept; trying "
             "again shortly.";
    case ErrorCode::kFull:
      return "The device's storage is full; free some space to sync.";
    case ErrorCode::kCorrupt:
      return "The local database is damaged: " + e.message;
    default:
      return "Sync problem: " + e.message;
  }
}

SyncClient::SyncClient(Store& store, TransportFactory connect,
                       std::function<void(const SyncStatus&)> on_status, SyncClientOptions options)
    : store_(store),
      replica_(store),
      connect_(std::move(connect)),
      on_status_(std::move(on_status)),
      options_(options) {}

SyncClient::~SyncClient() { stop(); }

void SyncClient::start() {
  std::lock_guard lock(mu_);
  if (thread_.joinable()) return;
  stopping_ = false;
  thread_ = std::thread([this] { run(); });
}

void SyncClient::stop() {
  {
    std::lock_guard lock(mu_);
    stopping_ = true;
    if (live_ != nullptr) live_->cancel();
  }
  wake_.notify_all();
  if (thread_.joinable()) thread_.join();
}

void SyncClient::syncNow() {
  {
    std::lock_guard lock(mu_);
    poke_ = true;
  }
  wake_.notify_all();
}

SyncStatus SyncClient::status() const {
  std::lock_guard lock(mu_);
  return status_;
}

void SyncClient::publish(const std::function<void(SyncStatus&)>& change) {
  SyncStatus copy;
  {
    std::lock_guard lock(mu_);
    change(status_);
    copy = status_;
  }
  if (on_status_) on_status_(copy);
}

void SyncClient::publishUpToDate() {
  const std::int64_t pending = pendingCount(), set_aside = setAsideCount();
  publish([&](SyncStatus& s) {
    s.state = SyncState::kUpToDate;
    s.error.clear();
    s.pending = pending;
    s.set_aside = set_aside;
    s.last_synced = store_.now();
  });
}

std::int64_t SyncClient::pendingCount() {
  auto p = replica_.outbox().pending();
  return p ? *p : 0;
}

std::int64_t SyncClient::setAsideCount() {
  auto n = SetAsideChanges(store_).count();
  return n ? *n : 0;
}

void SyncClient::waitBackoff(int attempt) {
  static thread_local std::mt19937 rng(options_.seed != 0 ? options_.seed : std::random_device{}());
  const auto capped = std::min<std::int64_t>(options_.max_backoff.count(),
                                             options_.min_backoff.count() << std::min(attempt, 16));
  // Full jitter between half and all of the step, so devices do not reconnect in lockstep.
  std::uniform_int_distribution<std::int64_t> jitter(capped / 2, capped);
  std::unique_lock lock(mu_);
  wake_.wait_for(lock, std::chrono::milliseconds(jitter(rng)),
                 [this] { return stopping_ || poke_; });
  poke_ = false;
}

void SyncClient::run() {
  int attempt = 0;
  for (;;) {
    {
      std::lock_guard lock(mu_);
      if (stopping_) break;
    }
    bool caught_up = false;
    const bool healthy = session(caught_up);
    {
      std::lock_guard lock(mu_);
      if (stopping_) break;
    }
    if (!options_.live && healthy) break;
    // A link that worked and then broke starts the back-off again from its first step.
    if (healthy || caught_up) attempt = 0;
    if (!healthy) ++attempt;
    waitBackoff(attempt);
  }
  const std::int64_t pending = pendingCount();
  publish([&](SyncStatus& s) {
    if (s.state != SyncState::kError) s.state = SyncState::kOffline;
    s.pending = pending;
  });
}

bool SyncClient::session(bool& caught_up) {
  auto fail = [&](const Error& e) {
    const std::int64_t pending = pendingCount(), set_aside = setAsideCount();
    publish([&](SyncStatus& s) {
      s.state = e.code == ErrorCode::kUnavailable ? SyncState::kOffline : SyncState::kError;
      s.error = explainSyncError(e);
      s.pending = pending;
      s.set_aside = set_aside;
    });
    return false;
  };
  publish([&](SyncStatus& s) { s.state = SyncState::kConnecting; });
  auto transport = connect_();
  if (!transport) return fail(transport.error());
  Transport& t = **transport;
  auto hello = beginSession(replica_, t);
  if (!hello) return fail(hello.error());
  publish([&](SyncStatus& s) {
    s.state = SyncState::kSyncing;
    s.rows_done = 0;
    s.rows_total = 0;
  });
  auto round = syncRound(replica_, t, *hello, [&](const RoundProgress& p) {
    publish([&](SyncStatus& s) {
      s.rows_done = p.rows_done;
      s.rows_total = p.rows_total;
    });
  });
  if (!round) return fail(round.error());
  caught_up = true;
  publishUpToDate();
  if (!options_.live) return true;

  auto cursor = replica_.cursor();
  if (!cursor) return fail(cursor.error());
  {
    std::lock_guard lock(mu_);
    inbox_.clear();
    stream_ended_ = false;
    stream_error_.reset();
    live_ = &t;
    heard_ = Clock::now();
    if (stopping_) t.cancel();
  }
  const auto silence = hello->heartbeat.count() > 0
                           ? std::optional(2 * hello->heartbeat + kSilenceMargin)
                           : std::nullopt;
  std::thread reader([&, from = *cursor] {
    auto r = t.subscribe(from, [&](const PullReply& page) {
      std::lock_guard lock(mu_);
      heard_ = Clock::now();
      if (!page.ops.empty()) inbox_.push_back(page);
      wake_.notify_all();
      return !stopping_;
    });
    std::lock_guard lock(mu_);
    stream_ended_ = true;
    if (!r) stream_error_ = r.error();
    wake_.notify_all();
  });

  bool healthy = true;
  for (;;) {
    std::deque<PullReply> pages;
    bool poked = false, ended = false, silent = false;
    {
      std::unique_lock lock(mu_);
      auto ready = [&] { return stopping_ || poke_ || !inbox_.empty() || stream_ended_; };
      while (!ready() && !silent) {
        if (!silence) {
          wake_.wait(lock);
        } else if (wake_.wait_until(lock, heard_ + *silence) == std::cv_status::timeout) {
          silent = !ready() && Clock::now() >= heard_ + *silence;  // heard_ moves on heartbeats
        }
      }
      if (stopping_) break;
      pages.swap(inbox_);
      poked = poke_;
      poke_ = false;
      ended = stream_ended_ && pages.empty();
    }
    if (silent) {
      const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(*silence).count();
      healthy = fail(Error{ErrorCode::kUnavailable, "the live stream was silent for " +
                                                        std::to_string(ms) +
                                                        " ms: the link stalled; reconnecting"});
      break;
    }
    if (ended) {
      std::optional<Error> e;
      {
        std::lock_guard lock(mu_);
        e = stream_error_;
      }
      // The log was compacted past this device while it listened: the next round starts again
      // from the team's snapshot; nothing for the rep to see.
      if (e && e->code == ErrorCode::kCompacted) break;
      healthy = fail(e ? *e : Error{ErrorCode::kUnavailable, "the server ended the live stream"});
      break;
    }
    Result<void> step;
    if (poked && pages.empty()) {
      auto pushed = pushAll(replica_, t, hello->max_ops_per_push);
      if (!pushed) step = pushed.error();
    }
    for (const PullReply& page : pages) {
      if (!step.ok()) break;
      auto applied = applyPage(replica_, t, page, hello->max_ops_per_push);
      if (!applied) step = applied.error();
    }
    if (!step.ok()) {
      healthy = fail(step.error());
      break;
    }
    publishUpToDate();
  }
  t.cancel();
  reader.join();
  {
    std::lock_guard lock(mu_);
    live_ = nullptr;
  }
  return healthy;
}

}  // namespace nextstep::sync
