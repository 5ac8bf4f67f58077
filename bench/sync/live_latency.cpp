// latency: device A writes, device B sees it merged, while 200 subscribers listen.
#include "sync_scenarios.h"

#include <atomic>
#include <condition_variable>
#include <mutex>
#include <set>
#include <stdexcept>
#include <thread>

#include "bench_device.h"
#include "latency_summary.h"
#include "live_writes.h"
#include "nextstep/model/ids.h"
#include "nextstep/storage/catalog.h"
#include "nextstep/sync/grpc_transport.h"
#include "nextstep/sync/replica.h"
#include "nextstep/sync/sync_round.h"
#include "seeded_server.h"
#include "server_under_test.h"
#include "sync_timing.h"

namespace nextstep::bench {

namespace fs = std::filesystem;

std::vector<Figure> liveLatencyFigures(const BenchOptions& o) {
  const server::StoreChoice store{o.dir / "server-latency", ""};
  // A team with a writer, a reader and 198 more listeners.
  const std::vector<std::string> tokens = freshTeamTokens(store, "live", "rep", 200);
  ServerUnderTest server(storeArgs(store), o.dir / "sync-latency-server.log");
  return aToBLatencyFigures(o, tokens, server.address(), server.address(), "a_to_b");
}

std::vector<Figure> aToBLatencyFigures(const BenchOptions& o,
                                       const std::vector<std::string>& tokens,
                                       const std::string& a_address, const std::string& b_address,
                                       const std::string& name) {
  // Every stream and reader thread ends with this scope, also when a step below fails.
  struct Streams {
    std::atomic<bool> stop{false};
    std::vector<std::unique_ptr<sync::GrpcTransport>> transports;
    std::vector<std::thread> threads;
    ~Streams() {
      stop = true;
      for (auto& t : transports) t->cancel();
      for (auto& t : threads) t.join();
    }
  } streams;

  // 198 listeners on 10 connections, draining their streams.
  std::vector<std::shared_ptr<grpc::Channel>> channels;
  for (int i = 0; i < 10; ++i) channels.push_back(ownConnectionTo(b_address, i));
  std::atomic<int> listening{0};
  for (int i = 2; i < 200; ++i) {
    streams.transports.push_back(std::make_unique<sync::GrpcTransport>(
        channels[static_cast<std::size_t>(i) % 10], tokens[static_cast<std::size_t>(i)]));
    sync::GrpcTransport& t = *streams.transports.back();
    if (auto h = t.handshake(0x4C00000000000000ULL + static_cast<DeviceId>(i), kCatalogVersion, 0);
        !h) {
      throw std::runtime_error("listener handshake failed: " + h.error().message);
    }
    streams.threads.emplace_back([&t, &streams, &listening] {
      ++listening;
      (void)t.subscribe(0, [&](const sync::PullReply&) { return !streams.stop.load(); });
    });
  }

  // Device B: a real store, merging what its stream brings.
  auto storeB = freshStore(o.dir / "latency-b.db");
  streams.transports.push_back(
      std::make_unique<sync::GrpcTransport>(ownConnectionTo(b_address, 100), tokens[1]));
  sync::GrpcTransport& b = *streams.transports.back();
  if (!b.handshake(storeB->deviceId(), kCatalogVersion, 0))
    throw std::runtime_error("B handshake failed");
  sync::Replica replicaB(*storeB);
  std::mutex mu;
  std::condition_variable seen;
  std::set<std::string> arrived;
  streams.threads.emplace_back([&] {
    (void)b.subscribe(0, [&](const sync::PullReply& page) {
      if (page.ops.empty()) return !streams.stop.load();
      (void)replicaB.apply(page.ops, page.next_cursor);
      std::lock_guard lock(mu);
      for (const auto& r : page.ops) arrived.insert(r.op.record_id);
      seen.notify_all();
      return !streams.stop.load();
    });
  });

  // Device A: books deals one at a time.
  auto storeA = freshStore(o.dir / "latency-a.db");
  sync::GrpcTransport a(ownConnectionTo(a_address, 101), tokens[0]);
  auto helloA = a.handshake(storeA->deviceId(), kCatalogVersion, 0);
  if (!helloA) throw std::runtime_error("A handshake failed: " + helloA.error().message);
  sync::Replica replicaA(*storeA);
  std::this_thread::sleep_for(std::chrono::milliseconds(500));  // every stream open
  std::vector<double> samples;
  const int writes = 300;
  for (int i = 0; i < writes; ++i) {
    const std::string id = newRecordId();
    createLiveDeal(*storeA, id, i);
    const auto start = Clock::now();
    if (auto pushed = sync::pushAll(replicaA, a, helloA->max_ops_per_push); !pushed) {
      throw std::runtime_error("push failed: " + pushed.error().message);
    }
    std::unique_lock lock(mu);
    if (!seen.wait_for(lock, std::chrono::seconds(10), [&] { return arrived.count(id) > 0; })) {
      throw std::runtime_error("B never saw a write");
    }
    samples.push_back(seconds(start) * 1000.0);
    lock.unlock();
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  const LatencySummary s = summarize(samples);
  return {{name + "_p50_ms", s.p50, "ms"},
          {name + "_p99_ms", s.p99, "ms"},
          {name + "_mean_ms", s.mean, "ms"},
          {name + "_subscribers", static_cast<double>(listening.load() + 1), "streams"}};
}

}  // namespace nextstep::bench
