// One round of sync: push everything local, then pull everything new. Pushing first means a
// device applies remote state only after its own earlier writes are acknowledged.
#pragma once

#include <cstddef>
#include <functional>
#include <string>

#include "nextstep/sync/replica.h"
#include "nextstep/sync/transport.h"

namespace nextstep::sync {

// Pages pulled back to back are applied in one transaction of about this many operations. A
// first sync dirties the same index pages again and again, and each commit wrote them all to the
// WAL once more: a third faster than one transaction per 2,000-op page. Not larger, as the app's
// own reads and writes wait for it; network waits stay outside the transaction.
inline constexpr std::size_t kApplyBatchOps = 8000;

struct RoundProgress {
  std::uint64_t rows_done = 0;
  std::uint64_t rows_total = 0;  // known from the server's head
};

// How a device that holds nothing yet started: from the team's snapshot, or why from the log.
struct SnapshotStart {
  std::uint64_t rows = 0;  // records taken from the snapshot; 0: the log it is
  std::string why_not;     // empty when it took one, or did not ask (it holds something)
  // The device had been away longer than the server keeps the team's log, and started again
  // from the team's snapshot (its own changes sent first, everything else of its own kept).
  bool past_log_start = false;
};

struct RoundReport {
  int pushed = 0;
  int rejected = 0;
  int forks = 0;  // times this database had to continue as a new device
  int pulled = 0;
  SnapshotStart snapshot;  // a new device's start
  ApplyStats applied;
  std::uint64_t head = 0;
};

// Pushes the outbox in batches the server accepts, acknowledging each batch durably.
Result<RoundReport> pushAll(Replica& replica, Transport& transport, std::uint32_t batch);
// Applies one page of remote operations after pushing anything written since (read-your-writes).
Result<ApplyStats> applyPage(Replica& replica, Transport& transport, const PullReply& page,
                             std::uint32_t batch);

// A device that holds nothing of the team's yet (cursor 0) starts from the team's snapshot when
// the server has one ready, instead of replaying the team's whole log. Never fails the round:
// without a snapshot the log it is, and why_not says why.
SnapshotStart startFromSnapshot(Replica& replica, Transport& transport,
                                const std::function<void(const RoundProgress&)>& progress,
                                std::uint32_t push_batch);

// A device whose place in the team's log is older than the log the server keeps starts again
// from the team's snapshot. Changes still unsent when the snapshot would take over (the round sent
// the others before its pull) go to the server then; what is its own stays (Store::takeOver).
// Fails when the server has no snapshot for it (kCompacted) or the file could not be taken.
Result<SnapshotStart> restartFromSnapshot(Replica& replica, Transport& transport,
                                          const std::function<void(const RoundProgress&)>& progress,
                                          std::uint32_t push_batch);

Result<RoundReport> syncRound(Replica& replica, Transport& transport, const ServerHello& hello,
                              const std::function<void(const RoundProgress&)>& progress = {});

}  // namespace nextstep::sync
