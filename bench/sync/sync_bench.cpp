// The sync benchmarks of the shared workload, against a real nextstep-server process on loopback:
//   cold     a fresh device pulls the 100k-deal pipeline (rows/s, payload bytes, peak memory)
//   apply    100k remote changes merged into a device holding the ~1M-row pipeline
//   latency  a write on device A visible (merged) on device B, with 200 live subscribers
//   ingest   operations/s the server accepts from 20 concurrent writers
// Usage: nextstep_bench_sync [cold|apply|latency|ingest|all] [--deals N] [--dir DIR]
#include <signal.h>
#include <sys/resource.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <mutex>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <thread>

#include "bench_now.h"
#include "bench_options.h"
#include "child_process.h"
#include "figures.h"
#include "latency_summary.h"
#include "nextstep/model/ids.h"
#include "nextstep/storage/catalog.h"
#include "nextstep/storage/record_rows.h"
#include "nextstep/sync/grpc_transport.h"
#include "nextstep/sync/replica.h"
#include "nextstep/sync/sync_round.h"
#include "nextstep/sync/wire.h"
#include "seeded_server.h"
#include "workload_loader.h"

namespace nextstep::bench {
namespace {

namespace fs = std::filesystem;
namespace pb = ::nextstep::sync::v1;
using Clock = std::chrono::steady_clock;

double seconds(Clock::time_point since) {
  return std::chrono::duration<double>(Clock::now() - since).count();
}

std::int64_t wallMillis() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

// A nextstep-server process on a free loopback port, stopped with SIGTERM at the end.
class ServerUnderTest {
 public:
  ServerUnderTest(const fs::path& data, const fs::path& log) {
    fs::remove(log);  // the address is read from it
    program_ = std::make_unique<testing::BackgroundProgram>(
        NEXTSTEP_SERVER_BINARY,
        std::vector<std::string>{"--data", data.string(), "--listen", "127.0.0.1:0", "--rate-limit",
                                 "100000", "--max-streams-per-user", "1000"},
        log);
    for (int i = 0; i < 200 && address_.empty(); ++i) {
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
      std::ifstream in(log);
      std::string line;
      while (std::getline(in, line)) {
        if (line.starts_with("listening on ")) address_ = line.substr(13);
      }
    }
    if (address_.empty()) throw std::runtime_error("the server did not start; see " + log.string());
  }
  ~ServerUnderTest() {
    program_->signal(SIGTERM);
    program_->wait();
  }
  const std::string& address() const { return address_; }

 private:
  std::unique_ptr<testing::BackgroundProgram> program_;
  std::string address_;
};

std::unique_ptr<Store> freshStore(const fs::path& path) {
  for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(path.string() + suffix);
  return std::move(Store::open({path.string(), true}).value());
}

std::shared_ptr<grpc::Channel> channelTo(const std::string& address) {
  return sync::openChannel({address, std::nullopt, false}).value();
}

// A connection of its own, as another device would have: gRPC otherwise shares one connection
// between channels to the same address, and the server caps streams per connection.
std::shared_ptr<grpc::Channel> ownConnectionTo(const std::string& address, int device) {
  grpc::ChannelArguments args;
  args.SetInt(GRPC_ARG_USE_LOCAL_SUBCHANNEL_POOL, 1);
  args.SetInt("nextstep.bench.device", device);
  return grpc::CreateCustomChannel(address, grpc::InsecureChannelCredentials(), args);
}

// --- cold: runs in a child process, so its peak memory is the device's alone ---------------

int coldClient(const std::string& address, const std::string& token, const fs::path& db) {
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

std::vector<Figure> cold(const BenchOptions& o, const char* self) {
  const WorkloadFiles files(o.dir, o.deals);
  const SeededServer seeded = ensureSeededServer(files);
  if (seeded.seed_seconds > 0) {
    std::printf("seeded the server with %llu operations in %.1f s\n",
                static_cast<unsigned long long>(seeded.operations), seeded.seed_seconds);
  }
  const std::string token = issueToken(seeded.data_dir, seeded.team,
                                       "cold-" + std::to_string(wallMillis()) + "@bench.example");
  ServerUnderTest server(seeded.data_dir, o.dir / "sync-cold-server.log");
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

// --- apply: 100k remote changes into the loaded pipeline --------------------------------------

std::vector<Figure> apply(const BenchOptions& o) {
  const WorkloadFiles files(o.dir, o.deals);
  ensureLoadedPipeline(files);
  const fs::path db = files.scratchDatabase("apply");
  copyDatabase(files.database(), db);
  auto store = std::move(Store::open({db.string(), false, fixedWallClock()}).value());
  const int changes = o.deals;  // 100k at the headline size
  constexpr DeviceId kOther = 0x0B0B000000000002;
  std::vector<sync::RemoteOp> ops;
  ops.reserve(static_cast<std::size_t>(changes));
  static const char* kStages[] = {"qualified", "discovery", "proposal", "negotiation"};
  auto picked = store->read([&](Database& d) {
    // Stage changes on deals, reschedules of meetings' places, actions done: as a teammate's day.
    auto pick = [&](const char* table, int n, auto make) {
      auto s = d.prepare(std::string("SELECT id, created_stamp FROM ") + table +
                         " ORDER BY rid LIMIT ?1");
      s->bind(1, n);
      while (s->step()) make(s->text(0), records::columnStamp(*s, 1));
    };
    std::uint64_t hlc = packHlc(kNowMillis, 0);
    auto push = [&](RecordType t, const std::string& id, std::string key, Value v,
                    const Stamp& base) {
      sync::RemoteOp r;
      r.version = ops.size() + 1;
      r.author = "teammate@bench.example";
      r.op = Op{static_cast<std::int64_t>(ops.size() + 1),
                t,
                id,
                OpKind::kSet,
                std::move(key),
                std::move(v),
                Stamp{++hlc, kOther},
                base};
      ops.push_back(std::move(r));
    };
    pick("deals", changes / 2, [&](const std::string& id, const Stamp& base) {
      push(RecordType::kDeal, id, "stage", Value(kStages[ops.size() % 4]), base);
    });
    pick("meetings", changes / 4, [&](const std::string& id, const Stamp& base) {
      push(RecordType::kMeeting, id, "agenda", Value("Moved: go through the proposal together"),
           base);
    });
    pick("actions", changes - static_cast<int>(ops.size()),
         [&](const std::string& id, const Stamp& base) {
           push(RecordType::kAction, id, "done", Value(std::int64_t{1}), base);
         });
  });
  if (!picked) throw std::runtime_error("reading the pipeline: " + picked.error().message);
  sync::Replica replica(*store);
  const auto start = Clock::now();
  const std::size_t page = sync::kApplyBatchOps;  // as a device catching up applies them
  sync::ApplyStats total;
  for (std::size_t i = 0; i < ops.size(); i += page) {
    std::vector<sync::RemoteOp> slice(
        ops.begin() + static_cast<std::ptrdiff_t>(i),
        ops.begin() + static_cast<std::ptrdiff_t>(std::min(ops.size(), i + page)));
    auto stats = replica.apply(slice, slice.back().version);
    if (!stats) throw std::runtime_error("apply: " + stats.error().message);
    total.applied += stats->applied;
  }
  const double secs = seconds(start);
  if (total.applied != static_cast<int>(ops.size()))
    throw std::runtime_error("not every change applied");
  return {{figureName("apply_remote_changes_s", o.deals), secs, "s"},
          {figureName("apply_remote_changes_per_s", o.deals),
           static_cast<double>(ops.size()) / secs, "ops/s"}};
}

// --- latency: A writes, B sees it, 200 subscribers listening ----------------------------------

std::vector<Figure> latency(const BenchOptions& o) {
  const fs::path data = o.dir / "server-latency";
  fs::remove_all(data);
  // A team with a writer, a reader and 198 more listeners.
  {
    const testing::ProgramRun r = testing::runProgram(
        NEXTSTEP_SERVER_BINARY, {"admin", "--data", data.string(), "create-team", "live"});
    if (r.exit_code != 0) throw std::runtime_error(r.err);
  }
  std::vector<std::string> tokens;
  for (int i = 0; i < 200; ++i)
    tokens.push_back(issueToken(data, "live", "rep" + std::to_string(i) + "@bench.example"));
  ServerUnderTest server(data, o.dir / "sync-latency-server.log");

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
  for (int i = 0; i < 10; ++i) channels.push_back(ownConnectionTo(server.address(), i));
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
      std::make_unique<sync::GrpcTransport>(ownConnectionTo(server.address(), 100), tokens[1]));
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
  sync::GrpcTransport a(ownConnectionTo(server.address(), 101), tokens[0]);
  auto helloA = a.handshake(storeA->deviceId(), kCatalogVersion, 0);
  if (!helloA) throw std::runtime_error("A handshake failed: " + helloA.error().message);
  sync::Replica replicaA(*storeA);
  std::this_thread::sleep_for(std::chrono::milliseconds(500));  // every stream open
  std::vector<double> samples;
  const int writes = 300;
  for (int i = 0; i < writes; ++i) {
    const std::string id = newRecordId();
    auto written = storeA->write([&](Mutation& m) {
      m.create(RecordType::kDeal, id,
               {{"title", Value("Live deal " + std::to_string(i))},
                {"value_minor", Value(std::int64_t{0})},
                {"currency", Value("EUR")},
                {"stage", Value("lead")},
                {"status", Value("open")},
                {"created_at", Value(std::int64_t{kNowUnix})}});
    });
    if (!written) throw std::runtime_error("A could not write: " + written.error().message);
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
  return {{"a_to_b_p50_ms", s.p50, "ms"},
          {"a_to_b_p99_ms", s.p99, "ms"},
          {"a_to_b_mean_ms", s.mean, "ms"},
          {"a_to_b_subscribers", static_cast<double>(listening.load() + 1), "streams"}};
}

// --- ingest: 20 writers pushing as fast as the server takes it ---------------------------------

std::vector<Figure> ingest(const BenchOptions& o) {
  const fs::path data = o.dir / "server-ingest";
  fs::remove_all(data);
  {
    const testing::ProgramRun r = testing::runProgram(
        NEXTSTEP_SERVER_BINARY, {"admin", "--data", data.string(), "create-team", "busy"});
    if (r.exit_code != 0) throw std::runtime_error(r.err);
  }
  constexpr int kWriters = 20;
  constexpr int kBatch = 200;
  std::vector<std::string> tokens;
  for (int i = 0; i < kWriters; ++i)
    tokens.push_back(issueToken(data, "busy", "writer" + std::to_string(i) + "@bench.example"));
  ServerUnderTest server(data, o.dir / "sync-ingest-server.log");
  std::atomic<std::int64_t> accepted{0};
  std::atomic<bool> stop{false};
  std::vector<std::thread> writers;
  const auto start = Clock::now();
  for (int w = 0; w < kWriters; ++w) {
    writers.emplace_back([&, w] {
      sync::GrpcTransport t(ownConnectionTo(server.address(), 200 + w),
                            tokens[static_cast<std::size_t>(w)]);
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
  return {{"ingest_20_writers_ops_per_s", static_cast<double>(accepted.load()) / secs, "ops/s"}};
}

}  // namespace
}  // namespace nextstep::bench

int main(int argc, char** argv) {
  using namespace nextstep::bench;
  try {
    if (argc == 5 && std::string(argv[1]) == "cold-client")
      return coldClient(argv[2], argv[3], argv[4]);
    const std::string self = argv[0];
    BenchOptions o = takeBenchOptions(argc, argv);
    const std::string mode = argc > 1 ? argv[1] : "all";
    std::vector<Figure> figures;
    auto run = [&](const char* name, auto measure) {
      if (mode != "all" && mode != name) return;
      std::printf("== %s\n", name);
      const auto got = measure();
      printFigures(got);
      figures.insert(figures.end(), got.begin(), got.end());
    };
    run("cold", [&] { return cold(o, self.c_str()); });
    run("apply", [&] { return apply(o); });
    run("latency", [&] { return latency(o); });
    run("ingest", [&] { return ingest(o); });
    if (!o.results.empty() && o.apply.empty()) mergeFigures(o.results, figures);
    return 0;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "nextstep_bench_sync: %s\n", e.what());
    return 1;
  }
}
