// cold: a fresh device pulls the whole pipeline, in a child process so that its peak memory is
// the device's alone.
#include "sync_scenarios.h"

#include <sys/resource.h>

#include <iostream>
#include <nlohmann/json.hpp>
#include <stdexcept>

#include "bench_device.h"
#include "child_process.h"
#include "nextstep/storage/catalog.h"
#include "nextstep/sync/grpc_transport.h"
#include "nextstep/sync/replica.h"
#include "nextstep/sync/sync_round.h"
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
  std::cout << nlohmann::json{{"seconds", elapsed},
                              {"operations", round->pulled},
                              {"bytes", transport.bytesReceived()},
                              {"peak_kib", usage.ru_maxrss},
                              {"deals", deals}}
                   .dump()
            << std::endl;
  return 0;
}

std::vector<Figure> coldSyncFigures(const BenchOptions& o, const char* self) {
  const WorkloadFiles files(o.dir, o.deals);
  const SeededServer seeded = ensureSeededServer(files);
  if (seeded.seed_seconds > 0) {
    std::printf("seeded the server with %llu operations in %.1f s\n",
                static_cast<unsigned long long>(seeded.operations), seeded.seed_seconds);
  }
  const server::StoreChoice store{seeded.data_dir, ""};
  const std::string token =
      issueToken(store, seeded.team, "cold-" + std::to_string(wallMillis()) + "@bench.example");
  ServerUnderTest server(storeArgs(store), o.dir / "sync-cold-server.log");
  const testing::ProgramRun run = testing::runProgram(
      self, {"cold-client", server.address(), token,
             (o.dir / ("cold-device-" + std::to_string(o.deals) + ".db")).string()});
  if (run.exit_code != 0) throw std::runtime_error("the cold-sync device failed: " + run.err);
  const auto j = nlohmann::json::parse(run.out);
  const double secs = j["seconds"].get<double>();
  const double ops = j["operations"].get<double>();
  if (j["deals"].get<int>() != o.deals)
    throw std::runtime_error("the device holds " + j["deals"].dump() + " deals");
  return {{figureName("cold_sync_rows_per_s", o.deals), ops / secs, "rows/s"},
          {figureName("cold_sync_s", o.deals), secs, "s"},
          {figureName("cold_sync_operations", o.deals), ops, "operations"},
          {figureName("cold_sync_payload_bytes", o.deals), j["bytes"].get<double>(), "bytes"},
          {figureName("cold_sync_bytes_per_row", o.deals), j["bytes"].get<double>() / ops, "bytes"},
          {figureName("cold_sync_peak_memory_mib", o.deals), j["peak_kib"].get<double>() / 1024.0,
           "MiB"}};
}

}  // namespace nextstep::bench
