// The sync benchmarks, each measured against a real nextstep-server process on loopback and
// returning its figures:
//   cold     a fresh device pulls the 100k-deal pipeline (rows/s, payload bytes, peak memory)
//   apply    100k remote changes merged into a device holding the ~1M-row pipeline
//   push     a fresh device writes the workload locally and pushes it to an empty server
//   latency  a write on device A visible (merged) on device B, with 200 live subscribers; with
//            --subscribers N, merged into each of N subscribers' stores (the peer's C)
//   ingest   operations/s the server accepts from 20 concurrent writers
//   replicas the latency and ingest above with two server replicas on one PostgreSQL
//   idle     the server's memory with 2,000 idle live subscribers, sampled over minutes
//   compact  the team's log dropped behind its snapshot, and a device behind it starting again
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "bench_options.h"
#include "figures.h"
#include "sync_options.h"

namespace nextstep::bench {

// `self` is this program: the cold-sync device runs as a child process of it, so that its peak
// memory is the device's alone.
// --store picks the server's store (SQLite unless told), --runs how many syncs from each.
std::vector<Figure> coldSyncFigures(const BenchOptions& o, const SyncOptions& s, const char* self);
// The child's side: syncs a fresh device and prints its figures as one JSON line.
int runColdSyncDevice(const std::string& address, const std::string& token,
                      const std::filesystem::path& db);

std::vector<Figure> remoteApplyFigures(const BenchOptions& o);
std::vector<Figure> pushFigures(const BenchOptions& o, const SyncOptions& s);
std::vector<Figure> liveLatencyFigures(const BenchOptions& o);
// --runs N of them; each figure the middle run's.
std::vector<Figure> fanOutLatencyFigures(const BenchOptions& o, int subscribers, int runs);
std::vector<Figure> ingestFigures(const BenchOptions& o);
// Two replicas on one PostgreSQL (a throw-away cluster): A's write on the first seen by B on the
// second (with 198 more listeners there), and 20 writers spread over both.
std::vector<Figure> replicaFigures(const BenchOptions& o);
// --streams idle devices in --teams teams on one server (on PostgreSQL unless --store says
// otherwise), its RSS sampled for --minutes.
std::vector<Figure> idleStreamFigures(const BenchOptions& o, const SyncOptions& s);
// On a copy of the seeded server's store: the whole log compacted behind its snapshot, then a
// device at version 1 syncing with a server on the copy.
std::vector<Figure> compactionFigures(const BenchOptions& o);

// The measurements themselves, against servers already running; figures named `name`_...
inline constexpr int kIngestWriters = 20;
// tokens: the writer's, the reader's, then 198 listeners'.
std::vector<Figure> aToBLatencyFigures(const BenchOptions& o,
                                       const std::vector<std::string>& tokens,
                                       const std::string& a_address, const std::string& b_address,
                                       const std::string& name);
std::vector<Figure> ingestFiguresAt(const std::vector<std::string>& tokens,
                                    const std::vector<std::string>& addresses,
                                    const std::string& name);

}  // namespace nextstep::bench
