#include "push_writer.h"

#include <optional>
#include <vector>

namespace nextstep::server {

PushWriter::PushWriter(SyncService& service, TeamFeed& feed, PushWriterLimits limits)
    : service_(service), feed_(feed), limits_(limits) {}

PushWriter::~PushWriter() { stop(); }

void PushWriter::start() {
  std::lock_guard lock(mu_);
  if (thread_.joinable()) return;
  stopping_ = false;
  thread_ = std::thread([this] { run(); });
}

void PushWriter::stop() {
  {
    std::lock_guard lock(mu_);
    stopping_ = true;
  }
  queued_.notify_all();
  if (thread_.joinable()) thread_.join();
}

PushWriter::Admission PushWriter::submit(Caller caller, const pb::PushRequest* request, Done done) {
  const std::size_t bytes = request->ByteSizeLong();
  {
    std::lock_guard lock(mu_);
    if (const auto refused = refusal(bytes)) return *refused;
  }
  // Parsed on the caller's thread (the writer's thread is the server's bottleneck under load), and
  // only once the queue has room: a push the full queue refuses costs no parse.
  ParsedOperations parsed = parseOperations(*request);
  {
    std::lock_guard lock(mu_);
    // Asked again: pushes parsed at the same time may have filled the queue meanwhile.
    if (const auto refused = refusal(bytes)) return *refused;
    queued_bytes_ += bytes;
    queue_.push_back(Job{std::move(caller), request, std::move(parsed), bytes, std::move(done)});
  }
  queued_.notify_one();
  return Admission::kQueued;
}

std::optional<PushWriter::Admission> PushWriter::refusal(std::size_t bytes) const {
  if (stopping_) return Admission::kStopped;
  // One push is always admitted into an empty queue, whatever its size.
  if (!queue_.empty() &&
      (queue_.size() >= limits_.max_queued || queued_bytes_ + bytes > limits_.max_queued_bytes)) {
    return Admission::kFull;
  }
  return std::nullopt;
}

void PushWriter::run() {
  std::deque<Job> batch;
  for (;;) {
    {
      std::unique_lock lock(mu_);
      queued_.wait(lock, [&] { return stopping_ || !queue_.empty(); });
      if (queue_.empty()) return;  // stopping, and everything queued is stored
      while (!queue_.empty() && batch.size() < limits_.max_batch) {
        queued_bytes_ -= queue_.front().bytes;
        batch.push_back(std::move(queue_.front()));
        queue_.pop_front();
      }
    }
    commit(batch);
    batch.clear();
  }
}

void PushWriter::commit(std::deque<Job>& batch) {
  std::vector<PushCall> calls;
  calls.reserve(batch.size());
  for (const Job& job : batch) calls.push_back(PushCall{&job.caller, job.request, &job.parsed});
  std::vector<PushOutcome> outcomes = service_.pushBatch(calls);
  for (std::size_t i = 0; i < batch.size(); ++i) {
    feed_.publish(outcomes[i].team, outcomes[i].accepted);
    batch[i].done(std::move(outcomes[i].reply));
  }
}

}  // namespace nextstep::server
