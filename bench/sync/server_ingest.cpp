// ingest: 20 writers pushing as fast as the server takes it.
#include "sync_scenarios.h"

#include <atomic>
#include <stdexcept>
#include <thread>

#include "bench_device.h"
#include "nextstep/model/ids.h"
#include "nextstep/storage/catalog.h"
#include "nextstep/sync/grpc_transport.h"
#include "seeded_server.h"
#include "server_under_test.h"
#include "sync_timing.h"

namespace nextstep::bench {

namespace fs = std::filesystem;

std::vector<Figure> ingestFigures(const BenchOptions& o) {
  const server::StoreChoice store{o.dir / "server-ingest", ""};
  const std::vector<std::string> tokens = freshTeamTokens(store, "busy", "writer", kIngestWriters);
  ServerUnderTest server(storeArgs(store), o.dir / "sync-ingest-server.log");
  return ingestFiguresAt(tokens, {server.address()}, "ingest_20_writers");
}

std::vector<Figure> ingestFiguresAt(const std::vector<std::string>& tokens,
                                    const std::vector<std::string>& addresses,
                                    const std::string& name) {
  constexpr int kWriters = kIngestWriters;
  constexpr int kBatch = 200;
  std::atomic<std::int64_t> accepted{0};
  std::atomic<bool> stop{false};
  std::vector<std::thread> writers;
  const auto start = Clock::now();
  for (int w = 0; w < kWriters; ++w) {
    writers.emplace_back([&, w] {
      // The writers spread over the addresses (replicas) in turn.
      const std::string& address = addresses[static_cast<std::size_t>(w) % addresses.size()];
      sync::GrpcTransport t(ownConnectionTo(address, 200 + w), tokens[static_cast<std::size_t>(w)]);
      const DeviceId device = 0x1E57000000000000ULL + static_cast<DeviceId>(w);
      if (!t.handshake(device, kCatalogVersion, 0)) return;
      std::int64_t seq = 0;
      std::uint64_t hlc = packHlc(wallMillis(), 0);
      while (!stop.load()) {
        std::vector<Op> batch;
        for (int i = 0; i < kBatch; ++i) {
          Op op;
          op.seq = ++seq;
          op.type = RecordType::kNote;
          op.record_id = newRecordId();
          op.kind = OpKind::kCreate;
          op.value = Value(
              "{\"created_at\":1795000000,\"text\":\"Called about the pilot; they want a date in "
              "March.\"}");
          op.stamp = Stamp{++hlc, device};
          batch.push_back(std::move(op));
        }
        auto r = t.push(batch);
        if (!r) break;
        accepted += kBatch - static_cast<std::int64_t>(r->rejected.size());
      }
    });
  }
  std::this_thread::sleep_for(std::chrono::seconds(10));
  stop = true;
  for (auto& w : writers) w.join();
  const double secs = seconds(start);
  return {{name + "_ops_per_s", static_cast<double>(accepted.load()) / secs, "ops/s"}};
}

}  // namespace nextstep::bench
