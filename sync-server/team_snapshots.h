// Each team's merged pipeline as a ready device database, so a new device starts from it
// instead of replaying the team's whole log: the server keeps a device of its own per team (a
// "mirror", the core's Store and Replica over the team's log), brought up to date on a worker
// thread when a snapshot is asked for, and copies it into an immutable file per version.
#pragma once

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <set>
#include <thread>

#include "nextstep/model/result.h"
#include "server_store.h"

namespace nextstep::server {

struct SnapshotPolicy {
  // Below this many operations a new device replays the log in about a second: no snapshot.
  std::uint64_t min_ops = 10'000;
  // A snapshot this far behind the team's head is still served (the device pulls the rest),
  // and a newer one is built.
  std::uint64_t refresh_after_ops = 50'000;
  // After each new snapshot, the log up to it is dropped except for its newest this many
  // operations (devices that far behind read the log; older ones start from the snapshot).
  // 0: the log is kept whole.
  std::uint64_t keep_log_ops = 0;
};

// One version of one team's snapshot. Its file goes when a newer version replaced it and the
// last download of it ended.
struct SnapshotFile {
  std::filesystem::path path;
  std::uint64_t version = 0;
  std::uint64_t bytes = 0;
  // The file as one zstd frame (path + ".zst"), for devices that read one; empty when missing.
  std::filesystem::path compressed;
  std::uint64_t compressed_bytes = 0;
  std::uint64_t rows = 0;
  int schema = 0;
  ~SnapshotFile();
  SnapshotFile() = default;
  SnapshotFile(const SnapshotFile&) = delete;
  SnapshotFile& operator=(const SnapshotFile&) = delete;
  mutable bool superseded = false;
};
using SnapshotRef = std::shared_ptr<const SnapshotFile>;

class TeamSnapshots {
 public:
  // Keeps its files in `dir` (created); finds the ones a previous run left there.
  TeamSnapshots(TeamLog& log, std::filesystem::path dir, SnapshotPolicy policy);
  ~TeamSnapshots();
  TeamSnapshots(const TeamSnapshots&) = delete;
  TeamSnapshots& operator=(const TeamSnapshots&) = delete;

  // The team's newest snapshot for a device of `schema`, or null. A team big enough without
  // one, or with one far behind `head`, gets a new one built in the background.
  SnapshotRef ready(TeamId team, int schema, std::uint64_t head);
  // Brings the team's snapshot up to its head now, on the calling thread.
  Result<SnapshotRef> build(TeamId team);

 private:
  void run();
  void queue(TeamId team);
  // Drops the log the new snapshot covers, as the policy keeps it.
  void compact(TeamId team, std::uint64_t snapshot_version);
  // Makes the newest snapshot the team's mirror, its log since read after it.
  Result<void> restartMirror(TeamId team, const std::filesystem::path& mirror);

  TeamLog& log_;
  std::filesystem::path dir_;
  SnapshotPolicy policy_;
  std::mutex build_mu_;  // one build at a time: they share the disk and the two cores
  std::mutex mu_;
  std::condition_variable wake_;
  std::map<TeamId, SnapshotRef> current_;
  std::set<TeamId> queued_;
  std::deque<TeamId> order_;
  std::atomic<bool> stopping_{false};  // a build in progress stops between its batches
  std::thread worker_;
};

}  // namespace nextstep::server
