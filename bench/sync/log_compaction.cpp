// compact: the seeded team's log dropped behind its snapshot (what --keep-log-ops does after a
// build), on a copy of the seeded server's store; then a device whose place is behind the log's
// new start syncs with a real server on that copy and starts again from the snapshot.
#include <stdexcept>

#include "bench_device.h"
#include "nextstep/storage/catalog.h"
#include "nextstep/sync/grpc_transport.h"
#include "nextstep/sync/replica.h"
#include "nextstep/sync/sync_round.h"
#include "seeded_server.h"
#include "server_under_test.h"
#include "sqlite_server_store.h"
#include "sync_scenarios.h"
#include "sync_timing.h"
#include "workload_files.h"

namespace nextstep::bench {

namespace fs = std::filesystem;

namespace {

template <typename T>
T checked(Result<T> r, const char* what) {
  if (!r) throw std::runtime_error(std::string(what) + ": " + r.error().message);
  return std::move(r).value();
}

double megabytes(double bytes) { return bytes / (1024.0 * 1024.0); }

}  // namespace

std::vector<Figure> compactionFigures(const BenchOptions& o) {
  const WorkloadFiles files(o.dir, o.deals);
  const SeededServer seeded = ensureSeededServer(files);
  ensureTeamSnapshot(seeded);
  const fs::path copy = o.dir / ("compact-server-" + std::to_string(o.deals));
  fs::remove_all(copy);
  fs::create_directories(copy);
  fs::copy(seeded.data_dir / server::SqliteServerStore::kFileName, copy);
  fs::copy(seeded.data_dir / "snapshots", copy / "snapshots", fs::copy_options::recursive);
  const double db_bytes =
      static_cast<double>(fs::file_size(copy / server::SqliteServerStore::kFileName));

  std::uint64_t dropped = 0;
  double compact_s = 0;
  {
    auto store = checked(server::SqliteServerStore::openDirectory(copy), "open the copy");
    const auto team = checked(store->findTeam(seeded.team), "find the team");
    if (!team) throw std::runtime_error("the seeded store has no team " + seeded.team);
    const std::uint64_t head = checked(store->head(team->id), "read the head");
    const auto start = Clock::now();
    dropped = checked(store->compactLog(team->id, head), "compact the log");
    compact_s = seconds(start);
    if (dropped != head) throw std::runtime_error("the compaction left part of the log");
  }
  auto db =
      Database::open((copy / server::SqliteServerStore::kFileName).string(), OpenMode::kReadOnly);
  const double freed = static_cast<double>(db->scalar("PRAGMA freelist_count")) *
                       static_cast<double>(db->scalar("PRAGMA page_size"));
  db.reset();

  // A device that synced once at the very start of the log, back after the compaction.
  const std::string token = issueToken({copy, ""}, seeded.team, "back@bench.example");
  ServerUnderTest server({"--data", copy.string()}, o.dir / "compact-server.log");
  const fs::path device_db = o.dir / ("compact-device-" + std::to_string(o.deals) + ".db");
  auto device = freshStore(device_db);
  sync::Replica replica(*device);
  checked(replica.apply({}, 1), "place the device at version 1");
  sync::GrpcTransport transport(channelTo(server.address()), token);
  const auto start = Clock::now();
  auto hello = checked(transport.handshake(device->deviceId(), kCatalogVersion, 0), "handshake");
  const auto round = checked(sync::syncRound(replica, transport, hello), "the device's sync");
  const double restart_s = seconds(start);
  if (!round.snapshot.past_log_start) throw std::runtime_error("the device did not start again");
  const std::int64_t deals =
      checked(device->read([](Database& d) { return d.scalar("SELECT count(*) FROM deals"); }),
              "count the deals");
  if (deals != o.deals) throw std::runtime_error("the device holds " + std::to_string(deals));

  return {
      {figureName("compact_ops", o.deals), static_cast<double>(dropped), "ops"},
      {figureName("compact_s", o.deals), compact_s, "s"},
      {figureName("compact_ops_per_s", o.deals), static_cast<double>(dropped) / compact_s, "ops/s"},
      {figureName("compact_server_db_mb", o.deals), megabytes(db_bytes), "MB"},
      {figureName("compact_freed_mb", o.deals), megabytes(freed), "MB"},
      {figureName("compact_restart_s", o.deals), restart_s, "s"},
  };
}

}  // namespace nextstep::bench
