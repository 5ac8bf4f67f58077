// latency --subscribers N: the peer's C. N subscribers, each a device with a store of its own
// merging what its live stream brings; one writer device books a deal every 20 ms (500 in all)
// and pushes as it goes. Latency is the moment before the local write to the moment the deal is
// merged into a subscriber's store, over every delivery.
#include "sync_scenarios.h"

#include <sys/resource.h>

#include <atomic>
#include <condition_variable>
#include <cstdio>
#include <mutex>
#include <stdexcept>
#include <thread>
#include <unordered_map>

#include "bench_device.h"
#include "latency_summary.h"
#include "live_writes.h"
#include "nextstep/model/ids.h"
#include "nextstep/storage/catalog.h"
#include "nextstep/sync/grpc_transport.h"
#include "nextstep/sync/replica.h"
#include "nextstep/sync/sync_round.h"
#include "process_memory.h"
#include "seeded_server.h"
#include "server_under_test.h"
#include "sync_timing.h"

namespace nextstep::bench {
namespace {

namespace fs = std::filesystem;

constexpr int kWrites = 500;
constexpr auto kInterval = std::chrono::milliseconds(20);

// The deals the writer books, known up front so that subscribers can find a write's moment
// without a lock: the map is read-only while they run.
struct Bookings {
  std::vector<std::string> ids;
  std::unordered_map<std::string, int> index;
  std::vector<std::atomic<std::int64_t>> written_ns;  // steady clock, just before the write

  Bookings() : written_ns(kWrites) {
    for (int i = 0; i < kWrites; ++i) {
      ids.push_back(newRecordId());
      index.emplace(ids.back(), i);
    }
  }
};

std::int64_t nowNs() {
  return std::chrono::duration_cast<std::chrono::nanoseconds>(Clock::now().time_since_epoch())
      .count();
}

// A subscriber: its store, its stream, and what it measured (touched by its own thread only).
struct Subscriber {
  std::unique_ptr<Store> store;
  std::unique_ptr<sync::GrpcTransport> transport;
  std::unique_ptr<sync::Replica> replica;
  std::vector<bool> seen = std::vector<bool>(kWrites);
  std::vector<double> latencies_ms;
};

// Pushes A's outbox whenever a write has added to it, as the app's sync client does.
class Pusher {
 public:
  Pusher(sync::Replica& replica, sync::Transport& transport, std::uint32_t batch)
      : thread_([this, &replica, &transport, batch] {
          std::unique_lock lock(mu_);
          while (true) {
            wake_.wait(lock, [&] { return pending_ || stop_; });
            if (!pending_) return;
            pending_ = false;
            lock.unlock();
            if (auto pushed = sync::pushAll(replica, transport, batch); !pushed) {
              std::fprintf(stderr, "push failed: %s\n", pushed.error().message.c_str());
            }
            lock.lock();
          }
        }) {}
  ~Pusher() {
    {
      std::lock_guard lock(mu_);
      stop_ = true;
    }
    wake_.notify_all();
    thread_.join();
  }
  void poke() {
    {
      std::lock_guard lock(mu_);
      pending_ = true;
    }
    wake_.notify_all();
  }

 private:
  std::mutex mu_;
  std::condition_variable wake_;
  bool pending_ = false;
  bool stop_ = false;
  std::thread thread_;  // last: it starts once the members above exist
};

// One run's figures, in the order fanOutLatencyFigures names them.
std::vector<double> fanOutOnce(const BenchOptions& o, int subscribers) {
  const server::StoreChoice store{o.dir / "server-fan-out", ""};
  // The writer's token first, then the subscribers'.
  const std::vector<std::string> tokens = freshTeamTokens(store, "fan", "rep", subscribers + 1);
  ServerUnderTest server(storeArgs(store), o.dir / "sync-fan-out-server.log");
  const fs::path dir = o.dir / "fan-out";
  fs::remove_all(dir);
  fs::create_directories(dir);
  Bookings bookings;
  std::atomic<int> delivered{0};
  std::atomic<int> listening{0};

  // Every stream ends with this scope, also when a step below fails.
  struct Streams {
    std::vector<Subscriber> subs;
    std::vector<std::thread> threads;
    std::atomic<bool> stop{false};
    ~Streams() {
      stop = true;
      for (auto& s : subs)
        if (s.transport) s.transport->cancel();
      for (auto& t : threads) t.join();
    }
  } streams;
  streams.subs.resize(static_cast<std::size_t>(subscribers));
  for (int i = 0; i < subscribers; ++i) {
    Subscriber& sub = streams.subs[static_cast<std::size_t>(i)];
    sub.store = freshStore(dir / ("subscriber-" + std::to_string(i) + ".db"));
    sub.transport = std::make_unique<sync::GrpcTransport>(ownConnectionTo(server.address(), i),
                                                          tokens[static_cast<std::size_t>(i) + 1]);
    if (auto h = sub.transport->handshake(sub.store->deviceId(), kCatalogVersion, 0); !h) {
      throw std::runtime_error("subscriber handshake failed: " + h.error().message);
    }
    sub.replica = std::make_unique<sync::Replica>(*sub.store);
  }
  for (Subscriber& sub : streams.subs) {
    streams.threads.emplace_back([&] {
      ++listening;
      (void)sub.transport->subscribe(0, [&](const sync::PullReply& page) {
        if (page.ops.empty()) return !streams.stop.load();
        if (auto applied = sub.replica->apply(page.ops, page.next_cursor); !applied) {
          std::fprintf(stderr, "apply failed: %s\n", applied.error().message.c_str());
          return false;
        }
        const std::int64_t merged = nowNs();
        for (const auto& r : page.ops) {
          const auto at = bookings.index.find(r.op.record_id);
          if (at == bookings.index.end() || sub.seen[static_cast<std::size_t>(at->second)])
            continue;
          sub.seen[static_cast<std::size_t>(at->second)] = true;
          const std::int64_t written = bookings.written_ns[static_cast<std::size_t>(at->second)];
          sub.latencies_ms.push_back(static_cast<double>(merged - written) / 1e6);
          ++delivered;
        }
        return !streams.stop.load();
      });
    });
  }

  auto writer = freshStore(dir / "writer.db");
  sync::GrpcTransport a(ownConnectionTo(server.address(), subscribers), tokens[0]);
  auto hello = a.handshake(writer->deviceId(), kCatalogVersion, 0);
  if (!hello) throw std::runtime_error("writer handshake failed: " + hello.error().message);
  sync::Replica replica(*writer);
  Pusher pusher(replica, a, hello->max_ops_per_push);
  while (listening.load() < subscribers) std::this_thread::sleep_for(std::chrono::milliseconds(10));
  std::this_thread::sleep_for(std::chrono::seconds(1));  // every stream open, as the peer waits

  const auto start = Clock::now();
  for (int i = 0; i < kWrites; ++i) {
    std::this_thread::sleep_until(start + i * kInterval);
    bookings.written_ns[static_cast<std::size_t>(i)] = nowNs();
    createLiveDeal(*writer, bookings.ids[static_cast<std::size_t>(i)], i);
    pusher.poke();
  }
  const double write_s = seconds(start);
  const int expected = subscribers * kWrites;
  const auto deadline = Clock::now() + std::chrono::seconds(60);
  while (delivered.load() < expected && Clock::now() < deadline)
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  const double server_mib = residentMiB(server.pid());
  streams.stop = true;
  for (auto& s : streams.subs) s.transport->cancel();
  for (auto& t : streams.threads) t.join();
  streams.threads.clear();

  std::vector<double> all;
  all.reserve(static_cast<std::size_t>(expected));
  for (const Subscriber& s : streams.subs)
    all.insert(all.end(), s.latencies_ms.begin(), s.latencies_ms.end());
  const LatencySummary l = summarize(all);
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  std::printf("fan_out_%d: %zu of %d deliveries, p50 %.1f ms, p99 %.1f ms, %d writes in %.2f s\n",
              subscribers, l.count, expected, l.p50, l.p99, kWrites, write_s);
  std::fflush(stdout);
  if (static_cast<int>(l.count) != expected) throw std::runtime_error("deliveries went missing");
  return {l.p50,
          l.p90,
          l.p99,
          l.max,
          static_cast<double>(l.count),
          write_s,
          static_cast<double>(usage.ru_maxrss) / 1024.0,
          server_mib};
}

}  // namespace

std::vector<Figure> fanOutLatencyFigures(const BenchOptions& o, int subscribers, int runs) {
  std::vector<std::vector<double>> by_figure(8);
  for (int run = 0; run < runs; ++run) {
    const std::vector<double> got = fanOutOnce(o, subscribers);
    for (std::size_t i = 0; i < got.size(); ++i) by_figure[i].push_back(got[i]);
  }
  // The middle run of each, as the peer reports its three (memory: the highest).
  auto middle = [&](std::size_t i) { return summarize(by_figure[i]).p50; };
  const std::string name = "fan_out_" + std::to_string(subscribers);
  return {{name + "_p50_ms", middle(0), "ms"},
          {name + "_p90_ms", middle(1), "ms"},
          {name + "_p99_ms", middle(2), "ms"},
          {name + "_max_ms", middle(3), "ms"},
          {name + "_deliveries", middle(4), "deliveries"},
          {name + "_write_s", middle(5), "s"},
          // Every subscriber's store and the writer's, all in this one process.
          {name + "_devices_peak_memory_mib", summarize(by_figure[6]).max, "MiB"},
          {name + "_server_memory_mib", summarize(by_figure[7]).max, "MiB"}};
}

}  // namespace nextstep::bench
