// Background sync for one device: push the outbox, pull, then follow the team's live stream,
// reconnecting with jittered back-off. Runs on its own thread; reports through a callback.
#pragma once

#include <chrono>
#include <condition_variable>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

#include "nextstep/storage/store.h"
#include "nextstep/sync/replica.h"
#include "nextstep/sync/transport.h"

namespace nextstep::sync {

enum class SyncState { kOffline, kConnecting, kSyncing, kUpToDate, kError };
std::string_view nameOf(SyncState state);

struct SyncStatus {
  SyncState state = SyncState::kOffline;
  std::uint64_t rows_done = 0;  // while syncing: progress of a first or long sync
  std::uint64_t rows_total = 0;
  std::int64_t pending = 0;  // local changes not yet on the server
  // Changes the server set aside: while there are any, this device is not "up to date".
  std::int64_t set_aside = 0;
  std::string error;  // the last problem, in words a rep understands
  std::optional<Instant> last_synced;
};

// A rep-readable sentence for a sync failure.
std::string explainSyncError(const Error& error);

using TransportFactory = std::function<Result<std::unique_ptr<Transport>>()>;

struct SyncClientOptions {
  bool live = true;  // follow the server's stream after catching up
  std::chrono::milliseconds min_backoff{500};
  std::chrono::milliseconds max_backoff{30'000};
  std::uint32_t seed = 0;  // jitter; 0: from the clock
};

class SyncClient {
 public:
  SyncClient(Store& store, TransportFactory connect,
             std::function<void(const SyncStatus&)> on_status, SyncClientOptions options = {});
  ~SyncClient();
  SyncClient(const SyncClient&) = delete;
  SyncClient& operator=(const SyncClient&) = delete;

  void start();
  void stop();     // returns once the thread has finished; pending changes stay in the outbox
  void syncNow();  // a local write happened, or the user asked: skip any back-off
  SyncStatus status() const;

 private:
  void run();
  // One connection; false when it failed. caught_up: it got as far as the live stream.
  bool session(bool& caught_up);
  // `change` runs under mu_: it must not call the store, whose owner thread may be waiting for
  // mu_ (a local write calling syncNow).
  void publish(const std::function<void(SyncStatus&)>& change);
  void publishUpToDate();
  void waitBackoff(int attempt);
  std::int64_t pendingCount();
  std::int64_t setAsideCount();

  Store& store_;
  Replica replica_;
  TransportFactory connect_;
  std::function<void(const SyncStatus&)> on_status_;
  SyncClientOptions options_;

  mutable std::mutex mu_;
  std::condition_variable wake_;
  bool stopping_ = false;
  bool poke_ = false;
  std::deque<PullReply> inbox_;
  bool stream_ended_ = false;
  std::optional<Error> stream_error_;
  Transport* live_ = nullptr;
  std::chrono::steady_clock::time_point heard_;  // the live stream's last page or heartbeat
  SyncStatus status_;
  std::thread thread_;
};

}  // namespace nextstep::sync
