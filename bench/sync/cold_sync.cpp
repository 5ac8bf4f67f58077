// cold: a fresh device pulls the whole pipeline, in a child process so that its peak memory is
// the device's alone; from a server on the embedded store, on PostgreSQL (the same log copied
// there by migrate-store), or both.
#include "sync_scenarios.h"

#include <sys/resource.h>

#include <algorithm>
#include <cstdio>
#include <iostream>
#include <nlohmann/json.hpp>
#include <stdexcept>

#include "bench_device.h"
#include "child_process.h"
#include "nextstep/storage/catalog.h"
#include "nextstep/sync/grpc_transport.h"
#include "nextstep/sync/replica.h"
#include "nextstep/sync/sync_round.h"
#include "postgres_cluster.h"
#include "seeded_server.h"
#include "server_under_test.h"
#include "sync_timing.h"
#include "workload_files.h"

namespace nextstep::bench {

namespace fs = std::filesystem;

int runColdSyncDevice(const std::string& address, const std::string& token, const fs::path& db) {
  auto store = freshStore(db);
  sync::GrpcTransport transport(channelTo(address), token);
  sync::Replica replica(*store);
  const auto start = Clock::now();
  auto hello = transport.handshake(store->deviceId(), kCatalogVersion, 0);
  if (!hello) throw std::runtime_error("handshake: " + hello.error().message);
  auto round = sync::syncRound(replica, transport, *hello);
  if (!round) throw std::runtime_error("cold sync: " + round.error().message);
  const double elapsed = seconds(start);
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  const std::int64_t deals =
      store->read([](Database& d) { return d.scalar("SELECT count(*) FROM deals"); }).value();
  // What the device took in: the snapshot's records and the log after it.
  std::cout << nlohmann::json{{"seconds", elapsed},
                              {"operations", round->pulled},
                              {"rows",
                               round->snapshot.rows + static_cast<std::uint64_t>(round->pulled)},
                              {"snapshot_rows", round->snapshot.rows},
                              {"snapshot_why_not", round->snapshot.why_not},
                              {"bytes", transport.bytesReceived()},
                              {"peak_kib", usage.ru_maxrss},
                              {"deals", deals}}
                   .dump()
            << std::endl;
  return 0;
}

namespace {

struct ColdRun {
  double seconds = 0;
  double rows = 0;  // records from the team's snapshot plus operations from the log
  double bytes = 0;
  double peak_kib = 0;
};

// One fresh device (a child process) syncing everything from a server on the store.
ColdRun coldSyncFrom(const BenchOptions& o, const char* self, const server::StoreChoice& store,
                     const std::string& team, const std::string& name) {
  const std::string token =
      issueToken(store, team, "cold-" + std::to_string(wallMillis()) + "@bench.example");
  ServerUnderTest server(storeArgs(store), o.dir / ("sync-" + name + "-server.log"));
  const testing::ProgramRun run = testing::runProgram(
      self, {"cold-client", server.address(), token,
             (o.dir / ("cold-device-" + std::to_string(o.deals) + ".db")).string()});
  if (run.exit_code != 0) throw std::runtime_error("the cold-sync device failed: " + run.err);
  const auto j = nlohmann::json::parse(run.out);
  if (j["deals"].get<int>() != o.deals)
    throw std::runtime_error("the device holds " + j["deals"].dump() + " deals");
  const ColdRun r{j["seconds"].get<double>(), j["rows"].get<double>(), j["bytes"].get<double>(),
                  j["peak_kib"].get<double>()};
  std::printf("%s: %.0f records (%.0f from the snapshot, %.0f log operations) in %.2f s%s%s\n",
              name.c_str(), r.rows, j["snapshot_rows"].get<double>(), j["operations"].get<double>(),
              r.seconds, j["snapshot_rows"].get<double>() > 0 ? "" : "; no snapshot: ",
              j["snapshot_why_not"].get<std::string>().c_str());
  std::fflush(stdout);
  return r;
}

double medianSeconds(std::vector<ColdRun> runs) {
  std::sort(runs.begin(), runs.end(),
            [](const ColdRun& a, const ColdRun& b) { return a.seconds < b.seconds; });
  const std::size_t n = runs.size();
  return n % 2 == 1 ? runs[n / 2].seconds : (runs[n / 2 - 1].seconds + runs[n / 2].seconds) / 2;
}

// The median run's figures, named `base`_...; the payload and memory are the last run's.
// Rows are the workload's (970,000 at D = 100,000, as the peer counts them); the device also
// took a meeting's attendees as records of their own (the records figure).
std::vector<Figure> coldFigures(const std::string& base, int deals, double workload_rows,
                                const std::vector<ColdRun>& runs) {
  const ColdRun& last = runs.back();
  const double secs = medianSeconds(runs);
  return {{figureName(base + "_rows_per_s", deals), workload_rows / secs, "rows/s"},
          {figureName(base + "_s", deals), secs, "s"},
          {figureName(base + "_records", deals), last.rows, "records"},
          {figureName(base + "_payload_bytes", deals), last.bytes, "bytes"},
          {figureName(base + "_bytes_per_row", deals), last.bytes / workload_rows, "bytes"},
          {figureName(base + "_peak_memory_mib", deals), last.peak_kib / 1024.0, "MiB"}};
}

}  // namespace

std::vector<Figure> coldSyncFigures(const BenchOptions& o, const SyncOptions& s, const char* self) {
  const WorkloadFiles files(o.dir, o.deals);
  const SeededServer seeded = ensureSeededServer(files);
  if (seeded.seed_seconds > 0) {
    std::printf("seeded the server with %llu operations in %.1f s\n",
                static_cast<unsigned long long>(seeded.operations), seeded.seed_seconds);
  }
  const auto workload_rows = static_cast<double>(files.readManifest().rows);
  const double snapshot_s = ensureTeamSnapshot(seeded);
  std::printf("the team's snapshot is current (%.1f s to bring it up to the log)\n", snapshot_s);
  std::fflush(stdout);
  const bool on_sqlite = runsOnSqlite(s.store, ServerStoreKind::kSqlite);
  const bool on_postgres = runsOnPostgres(s.store, ServerStoreKind::kSqlite);
  std::vector<Figure> figures;
  figures.push_back({figureName("cold_sync_snapshot_catch_up_s", o.deals), snapshot_s, "s"});

  // The same log in PostgreSQL, copied before any run adds its device to the embedded store.
  std::unique_ptr<testing::PostgresCluster> cluster;
  server::StoreChoice postgres;
  if (on_postgres) {
    if (const std::string why = testing::PostgresCluster::missingReason(); !why.empty()) {
      throw std::runtime_error("cold on PostgreSQL needs PostgreSQL: " + why);
    }
    cluster = testing::PostgresCluster::start();
    postgres.url = cluster->freshDatabase();
    const double copy_s = migrateSeededServer(seeded, postgres.url);
    std::printf("copied the seeded store into PostgreSQL in %.1f s (migrate-store)\n", copy_s);
    figures.push_back({figureName("cold_sync_pg_seed_copy_s", o.deals), copy_s, "s"});
  }

  // Alternating, so a drift of the machine's speed weighs on both stores alike.
  std::vector<ColdRun> sqlite_runs;
  std::vector<ColdRun> postgres_runs;
  for (int run = 0; run < s.runs; ++run) {
    if (on_sqlite) {
      sqlite_runs.push_back(
          coldSyncFrom(o, self, {seeded.data_dir, ""}, seeded.team, "cold_sqlite"));
    }
    if (on_postgres) {
      postgres_runs.push_back(coldSyncFrom(o, self, postgres, seeded.team, "cold_pg"));
    }
  }
  if (on_sqlite) {
    const auto got = coldFigures("cold_sync", o.deals, workload_rows, sqlite_runs);
    figures.insert(figures.end(), got.begin(), got.end());
  }
  if (on_postgres) {
    const auto got = coldFigures("cold_sync_pg", o.deals, workload_rows, postgres_runs);
    figures.insert(figures.end(), got.begin(), got.end());
  }
  if (on_sqlite && on_postgres) {
    figures.push_back({figureName("cold_sync_pg_over_sqlite", o.deals),
                       medianSeconds(postgres_runs) / medianSeconds(sqlite_runs), "x"});
  }
  return figures;
}

}  // namespace nextstep::bench
