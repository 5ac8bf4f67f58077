// idle: thousands of devices hold their live Subscribe stream open on one server and do nothing
// else, as a company's reps do between their bookings. The figure is the server process's memory:
// once every stream is up, then sampled over minutes, to see both its size and whether it grows.
#include <sys/resource.h>

#include <algorithm>
#include <cstdio>
#include <memory>
#include <stdexcept>
#include <thread>

#include "bench_device.h"
#include "idle_stream.h"
#include "nextstep/storage/catalog.h"
#include "nextstep/sync/grpc_transport.h"
#include "postgres_cluster.h"
#include "process_memory.h"
#include "seeded_server.h"
#include "server_under_test.h"
#include "sync_scenarios.h"
#include "sync_timing.h"

namespace nextstep::bench {
namespace {

constexpr auto kSampleEvery = std::chrono::seconds(5);
constexpr auto kStreamsUpWithin = std::chrono::seconds(120);

// Each device and the server hold a descriptor per connection: a device per connection is
// thousands of them in this one process.
void raiseFileLimit() {
  rlimit limit{};
  if (getrlimit(RLIMIT_NOFILE, &limit) != 0) return;
  limit.rlim_cur = limit.rlim_max;
  setrlimit(RLIMIT_NOFILE, &limit);
}

// The streams' users, spread evenly over the teams of a fresh store.
std::vector<std::string> deviceTokens(const server::StoreChoice& store, const SyncOptions& s) {
  std::vector<std::string> tokens;
  for (int t = 0; t < s.teams; ++t) {
    const int members = s.streams / s.teams + (t < s.streams % s.teams ? 1 : 0);
    const std::string team = "idle" + std::to_string(t);
    const std::string member = team + "-rep";  // emails are unique across teams
    const auto got = t == 0 ? freshTeamTokens(store, team, member, members)
                            : addTeamTokens(store, team, member, members);
    tokens.insert(tokens.end(), got.begin(), got.end());
  }
  return tokens;
}

int countIf(const std::vector<std::unique_ptr<IdleStream>>& streams,
            bool (IdleStream::*test)() const) {
  return static_cast<int>(
      std::count_if(streams.begin(), streams.end(), [&](const auto& s) { return ((*s).*test)(); }));
}

std::vector<Figure> idleStreamsOn(const BenchOptions& o, const SyncOptions& s,
                                  const server::StoreChoice& store, const std::string& name) {
  std::printf("%s: %d devices in %d teams\n", name.c_str(), s.streams, s.teams);
  const std::vector<std::string> tokens = deviceTokens(store, s);
  ServerUnderTest server(storeArgs(store), o.dir / ("sync-" + name + "-server.log"));
  const double idle_mib = residentMiB(server.pid());

  // Each device handshakes (binding its token), then opens its stream, on its own connection
  // unless --connections shares fewer (the server allows 100 streams a connection).
  const auto setup = Clock::now();
  const int connections = s.connections > 0 ? s.connections : s.streams;
  std::vector<std::shared_ptr<grpc::Channel>> channels;
  std::vector<std::unique_ptr<sync::v1::Sync::Stub>> stubs;
  std::vector<std::unique_ptr<IdleStream>> streams;
  for (int i = 0; i < s.streams; ++i) {
    const auto c = static_cast<std::size_t>(i % connections);
    if (c == channels.size()) {
      channels.push_back(ownConnectionTo(server.address(), i));
      stubs.push_back(sync::v1::Sync::NewStub(channels.back()));
    }
    const std::string& token = tokens[static_cast<std::size_t>(i)];
    sync::GrpcTransport device(channels[c], token);
    if (auto h =
            device.handshake(0x1D1E000000000000ULL + static_cast<DeviceId>(i), kCatalogVersion, 0);
        !h) {
      throw std::runtime_error("device " + std::to_string(i) +
                               " handshake failed: " + h.error().message);
    }
    streams.push_back(std::make_unique<IdleStream>(*stubs[c], token));
  }
  while (countIf(streams, &IdleStream::up) + countIf(streams, &IdleStream::ended) < s.streams &&
         Clock::now() - setup < kStreamsUpWithin) {
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  const double setup_s = seconds(setup);
  const int up = countIf(streams, &IdleStream::up);
  std::printf("%s: %d of %d streams up in %.1f s; server RSS %.1f MiB before them\n", name.c_str(),
              up, s.streams, setup_s, idle_mib);
  for (const auto& st : streams) {
    if (st->ended()) {
      // A server limit (or a failure) turned honest devices away: that is the finding.
      std::printf("%s: a stream was ended by the server: %s\n", name.c_str(),
                  st->endedWith().c_str());
      break;
    }
  }

  MemorySamples rss;
  const auto sampling = Clock::now();
  const auto until = sampling + std::chrono::duration<double, std::ratio<60>>(s.minutes);
  int last_minute = -1;
  for (;;) {
    const double at = seconds(sampling) / 60.0;
    rss.add(at, residentMiB(server.pid()));
    if (static_cast<int>(at) != last_minute) {
      last_minute = static_cast<int>(at);
      std::printf("%s: minute %d, RSS %.1f MiB, %d streams ended\n", name.c_str(), last_minute,
                  rss.mib.back(), countIf(streams, &IdleStream::ended));
      std::fflush(stdout);
    }
    if (Clock::now() + kSampleEvery > until) break;
    std::this_thread::sleep_for(kSampleEvery);
  }
  std::int64_t events = 0;
  for (const auto& st : streams) events += st->events();
  const int ended = countIf(streams, &IdleStream::ended);
  streams.clear();  // cancelled while the server still runs
  return {{name + "_streams_up", static_cast<double>(up), "streams"},
          {name + "_streams_ended", static_cast<double>(ended), "streams"},
          {name + "_setup_s", setup_s, "s"},
          {name + "_events_per_stream", static_cast<double>(events) / s.streams, "events"},
          {name + "_rss_before_streams_mib", idle_mib, "MiB"},
          {name + "_rss_start_mib", rss.mib.front(), "MiB"},
          {name + "_rss_max_mib", rss.max(), "MiB"},
          {name + "_rss_end_mib", rss.mib.back(), "MiB"},
          {name + "_rss_slope_mib_per_min", rss.slopePerMinute(), "MiB/min"},
          {name + "_minutes", rss.minutes.back(), "min"}};
}

}  // namespace

std::vector<Figure> idleStreamFigures(const BenchOptions& o, const SyncOptions& s) {
  raiseFileLimit();
  std::vector<Figure> figures;
  if (runsOnPostgres(s.store, ServerStoreKind::kPostgres)) {
    if (const std::string why = testing::PostgresCluster::missingReason(); !why.empty()) {
      throw std::runtime_error("idle on PostgreSQL needs PostgreSQL: " + why);
    }
    const auto cluster = testing::PostgresCluster::start();
    const auto got = idleStreamsOn(o, s, {{}, cluster->freshDatabase()}, "idle_pg");
    figures.insert(figures.end(), got.begin(), got.end());
  }
  if (runsOnSqlite(s.store, ServerStoreKind::kPostgres)) {
    const auto got = idleStreamsOn(o, s, {o.dir / "server-idle", ""}, "idle_sqlite");
    figures.insert(figures.end(), got.begin(), got.end());
  }
  return figures;
}

}  // namespace nextstep::bench
