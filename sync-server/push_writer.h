// Group commit: one thread takes whatever pushes are queued, stores them in one durable
// transaction, tells each caller its outcome after the commit, and then hands the newly
// logged operations to the live feed.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <mutex>
#include <optional>
#include <thread>

#include "caller.h"
#include "sync_service.h"
#include "team_feed.h"

namespace nextstep::server {

struct PushWriterLimits {
  std::size_t max_queued = 256;                     // pushes waiting for the writer
  std::size_t max_queued_bytes = 64 * 1024 * 1024;  // their requests' size together
  std::size_t max_batch = 64;                       // pushes per transaction
};

class PushWriter {
 public:
  // Called on the writer thread, once, after the push is durable (or failed).
  using Done = std::function<void(Reply<pb::PushResponse>)>;

  PushWriter(SyncService& service, TeamFeed& feed, PushWriterLimits limits = {});
  ~PushWriter();
  PushWriter(const PushWriter&) = delete;
  PushWriter& operator=(const PushWriter&) = delete;

  void start();
  // Stores everything already queued, then ends the thread. Later submits are refused.
  void stop();
  // kFull and kStopped leave the answer to the caller (RESOURCE_EXHAUSTED, UNAVAILABLE);
  // once kQueued, done runs exactly once, and the request must stay alive until it has.
  enum class Admission { kQueued, kFull, kStopped };
  Admission submit(Caller caller, const pb::PushRequest* request, Done done);

 private:
  struct Job {
    Caller caller;
    const pb::PushRequest* request;
    ParsedOperations parsed;
    std::size_t bytes;
    Done done;
  };
  void run();
  void commit(std::deque<Job>& batch);
  // Why a push of this size is not queued now, if it is not. Called holding mu_.
  std::optional<Admission> refusal(std::size_t bytes) const;

  SyncService& service_;
  TeamFeed& feed_;
  PushWriterLimits limits_;
  std::mutex mu_;
  std::condition_variable queued_;
  std::deque<Job> queue_;
  std::size_t queued_bytes_ = 0;
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace nextstep::server
