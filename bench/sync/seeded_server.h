// A sync server's data folder holding the whole workload in one team's log, as if the team's
// devices had pushed it: built once in-process through the real SyncService, then cached.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "store_choice.h"
#include "workload_files.h"

namespace nextstep::bench {

struct SeededServer {
  std::filesystem::path data_dir;
  std::uint64_t operations = 0;  // in the team's log
  double seed_seconds = 0;       // how long pushing them in-process took (when built now)
  std::string team = "bench";
};

// build/bench/server-<D>/: made when missing. Throws on failure.
SeededServer ensureSeededServer(const WorkloadFiles& files);

// Brings the seeded team's snapshot (what a new device starts from) up to its log, as the server
// does in the background; returns the seconds it took (a moment when it was current). Throws on
// failure.
double ensureTeamSnapshot(const SeededServer& seeded);

// A new user of the team with a bearer token, added to the (stopped) server's store.
std::string issueToken(const server::StoreChoice& store, const std::string& team,
                       const std::string& email);

// A fresh store (an embedded one's earlier folder removed; a PostgreSQL database must be empty)
// with one team, made by the server's own admin command, and `members` users with tokens:
// <member>0@bench.example, <member>1@... in order.
std::vector<std::string> freshTeamTokens(const server::StoreChoice& store, const std::string& team,
                                         const std::string& member, int members);

// Another team in a store made by freshTeamTokens, and its members' tokens the same way.
std::vector<std::string> addTeamTokens(const server::StoreChoice& store, const std::string& team,
                                       const std::string& member, int members);

// Copies the seeded embedded store into an empty PostgreSQL database with the server's own
// `migrate-store` (verified by counts and a digest); returns the seconds it took. Throws on
// failure.
double migrateSeededServer(const SeededServer& seeded, const std::string& url);

// The flags that give a nextstep-server process the store: --data DIR or --store URL.
std::vector<std::string> storeArgs(const server::StoreChoice& store);

}  // namespace nextstep::bench
