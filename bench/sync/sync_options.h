// The sync benchmarks' own options, beside the shared ones (bench_options.h).
#pragma once

#include <string>

namespace nextstep::bench {

enum class ServerStoreKind { kDefault, kSqlite, kPostgres, kBoth };

struct SyncOptions {
  // --store sqlite|postgresql|both: which store the server serves from. By default `cold` runs
  // on SQLite (as it always has) and `idle` on PostgreSQL (issue 13's figure).
  ServerStoreKind store = ServerStoreKind::kDefault;
  int runs = 1;         // --runs N: cold syncs per store, on one seeded store
  double minutes = 5;   // --minutes M: how long `idle` samples the server's memory
  int streams = 2000;   // --streams N: idle live subscribers in `idle`
  int teams = 10;       // --teams N: the subscribers' users are spread over this many
  int connections = 0;  // --connections N: 0 is one per device, as real devices have
  // --subscribers N: `latency` as the peer's C, N subscribers each keeping a store; 0 (unset)
  // is the A->B latency with 200 streams, one of them keeping a store.
  int subscribers = 0;
};

// Takes the options above out of argv, leaving the rest. Exits with a message on a bad value.
SyncOptions takeSyncOptions(int& argc, char** argv);

bool runsOnSqlite(ServerStoreKind chosen, ServerStoreKind fallback);
bool runsOnPostgres(ServerStoreKind chosen, ServerStoreKind fallback);

}  // namespace nextstep::bench
