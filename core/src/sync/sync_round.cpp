#include "nextstep/sync/sync_round.h"

#include <filesystem>
#include <iterator>

#include "nextstep/model/result_try.h"
#include "nextstep/sync/identity_token.h"
#include "nextstep/sync/sync_account.h"

namespace nextstep::sync {
namespace {
constexpr std::uint32_t kPullPage = 2000;
constexpr char kReusedReason[] =
    "another copy of this database already sent different changes under this device's numbers "
    "(a restored backup or a copied file): it continues as a new device";
// The next pages from the cursor, joined until the batch is full or the server has no more.
Result<PullReply> pullBatch(Transport& transport, std::uint64_t cursor) {
  PullReply batch;
  batch.next_cursor = cursor;
  do {
    NEXTSTEP_TRY(auto page, transport.pull(batch.next_cursor, kPullPage));
    if (batch.ops.empty()) {
      batch.ops = std::move(page.ops);
    } else {
      batch.ops.insert(batch.ops.end(), std::make_move_iterator(page.ops.begin()),
                       std::make_move_iterator(page.ops.end()));
    }
    batch.next_cursor = page.next_cursor;
    batch.more = page.more;
    batch.head = page.head;
  } while (batch.more && batch.ops.size() < kApplyBatchOps);
  return batch;
}
}  // namespace

Result<RoundReport> pushAll(Replica& replica, Transport& transport, std::uint32_t batch) {
  RoundReport report;
  for (int moves = 0;;) {
    NEXTSTEP_TRY(auto ops, replica.outbox().next(static_cast<int>(batch)));
    if (ops.empty()) return report;
    const DeviceId writer = ops.front().stamp.device;
    NEXTSTEP_TRY(auto token_of, SyncAccount(replica.store()).tokenDevice());
    if (writer != token_of) {
      // A guard against going round in circles; each move empties an identity's outbox.
      if (++moves > 8) {
        return Error{ErrorCode::kInternal,
                     "this device's identity keeps changing; the changes wait in the outbox"};
      }
      if (writer == replica.store().deviceId()) {
        // The database forked since the token was issued: its own identity needs a token.
        NEXTSTEP_CHECK(registerIdentity(replica.store(), transport));
        ++report.forks;
      } else if (auto moved = replica.outbox().adopt(writer); !moved) {
        return moved.error();  // a former identity without a token: its changes move on
      }
      continue;
    }
    NEXTSTEP_TRY(auto reply, transport.push(ops));
    if (reply.device_reused) {
      if (++moves > 8) {
        return Error{ErrorCode::kInternal,
                     "the server keeps finding this device's numbers used; the changes wait in the "
                     "outbox"};
      }
      // Another copy used these numbers: what the server has is acknowledged, the rest moves to
      // a new identity of this database.
      NEXTSTEP_CHECK(replica.outbox().acknowledge(writer, reply.acked_through_seq, {}));
      if (writer == replica.store().deviceId()) {
        NEXTSTEP_CHECK(replica.store().forkDevice(kReusedReason));
      }
      NEXTSTEP_CHECK(replica.outbox().adopt(writer));
      continue;
    }
    if (reply.acked_through_seq < ops.front().seq) {
      return Error{ErrorCode::kInternal, "the server acknowledged none of the pushed changes"};
    }
    NEXTSTEP_CHECK(replica.outbox().acknowledge(writer, reply.acked_through_seq, reply.rejected));
    report.pushed += static_cast<int>(ops.size());
    report.rejected += static_cast<int>(reply.rejected.size());
    report.head = reply.head;
  }
}

Result<ApplyStats> applyPage(Replica& replica, Transport& transport, const PullReply& page,
                             std::uint32_t batch) {
  NEXTSTEP_TRY(auto pending, replica.outbox().pending());
  if (pending > 0) {
    NEXTSTEP_CHECK(pushAll(replica, transport, batch));
  }
  return replica.apply(page.ops, page.next_cursor);
}

namespace {

// Downloads the team's snapshot and makes it the device's database. NotFound: the server has
// none for this device's schema.
Result<SnapshotStart> takeSnapshot(Replica& replica, Transport& transport,
                                   const std::function<void(const RoundProgress&)>& progress,
                                   std::uint32_t push_batch) {
  Store& store = replica.store();
  const std::string file = store.path() + ".snapshot";
  auto download = [&] {
    return transport.snapshot(
        static_cast<std::uint32_t>(store.schemaVersion()), file,
        [&](const SnapshotHeader& h, std::uint64_t bytes) {
          if (!progress || h.total_bytes == 0) return;
          progress(RoundProgress{.rows_done = static_cast<std::uint64_t>(
                                     static_cast<double>(h.rows) * static_cast<double>(bytes) /
                                     static_cast<double>(h.total_bytes)),
                                 .rows_total = h.rows});
        });
  };
  auto header = download();
  // A stream cut short is worth a second try: the log takes a hundred times as long.
  if (!header && header.error().code != ErrorCode::kNotFound) header = download();
  auto take = [&]() -> Result<void> {
    NEXTSTEP_CHECK(header);
    // What the rep wrote during the download goes to the server first; the file stays valid.
    for (int tries = 1;; ++tries) {
      auto taken = replica.startFrom(file, header->version);
      if (taken || taken.error().code != ErrorCode::kFailedPrecondition || tries == 4) {
        return taken;
      }
      NEXTSTEP_CHECK(pushAll(replica, transport, push_batch));
    }
  };
  if (auto taken = take(); !taken) {
    std::error_code ec;
    std::filesystem::remove(file, ec);
    return taken.error();
  }
  return SnapshotStart{.rows = header->rows};
}

}  // namespace

SnapshotStart startFromSnapshot(Replica& replica, Transport& transport,
                                const std::function<void(const RoundProgress&)>& progress,
                                std::uint32_t push_batch) {
  if (replica.store().path().empty()) return {};
  auto cursor = replica.cursor();
  if (!cursor || *cursor != 0) return {};
  auto started = takeSnapshot(replica, transport, progress, push_batch);
  if (!started) return {.why_not = started.error().message};
  return *started;
}

Result<SnapshotStart> restartFromSnapshot(Replica& replica, Transport& transport,
                                          const std::function<void(const RoundProgress&)>& progress,
                                          std::uint32_t push_batch) {
  if (replica.store().path().empty()) {
    return Error{ErrorCode::kCompacted, "a database in memory cannot start from a snapshot"};
  }
  auto started = takeSnapshot(replica, transport, progress, push_batch);
  if (!started && started.error().code == ErrorCode::kNotFound) {
    return Error{ErrorCode::kCompacted,
                 "the server no longer keeps the team's log from this device's last sync, and "
                 "has no snapshot of the team for it yet"};
  }
  NEXTSTEP_TRY(auto start, started);
  start.past_log_start = true;
  return start;
}

Result<RoundReport> syncRound(Replica& replica, Transport& transport, const ServerHello& hello,
                              const std::function<void(const RoundProgress&)>& progress) {
  NEXTSTEP_TRY(auto report, pushAll(replica, transport, hello.max_ops_per_push));
  if (hello.head > 0) {
    report.snapshot = startFromSnapshot(replica, transport, progress, hello.max_ops_per_push);
  }
  NEXTSTEP_TRY(auto cursor, replica.cursor());
  std::uint64_t start = cursor;
  RoundProgress p;
  for (;;) {
    auto pulled = pullBatch(transport, cursor);
    // Once a round: a snapshot that is itself older than the log's start is the server's fault.
    if (!pulled && pulled.error().code == ErrorCode::kCompacted &&
        !report.snapshot.past_log_start) {
      NEXTSTEP_TRY(report.snapshot,
                   restartFromSnapshot(replica, transport, progress, hello.max_ops_per_push));
      NEXTSTEP_TRY(cursor, replica.cursor());
      start = cursor;
      continue;
    }
    NEXTSTEP_TRY(auto page, std::move(pulled));
    NEXTSTEP_TRY(auto stats, applyPage(replica, transport, page, hello.max_ops_per_push));
    report.pulled += static_cast<int>(page.ops.size());
    report.applied.applied += stats.applied;
    report.applied.ignored += stats.ignored;
    report.applied.conflicts += stats.conflicts;
    report.applied.parked += stats.parked;
    report.applied.own += stats.own;
    report.head = page.head;
    cursor = page.next_cursor;
    if (progress) {
      p.rows_total = page.head > start ? page.head - start : 0;
      p.rows_done = cursor > start ? cursor - start : 0;
      progress(p);
    }
    if (!page.more) break;
  }
  return report;
}

}  // namespace nextstep::sync
