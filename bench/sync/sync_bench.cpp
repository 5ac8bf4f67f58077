// The sync benchmarks of the shared workload (see sync_scenarios.h), against a real
// nextstep-server process on loopback.
// Usage: nextstep_bench_sync [cold|push|apply|latency|ingest|replicas|idle|compact|all] [--deals N]
//        [--dir DIR] [--store sqlite|postgresql|both] [--runs N] [--minutes M] [--streams N]
//        [--teams N] [--connections N] [--subscribers N]   (see sync_options.h; `all` leaves out
//        `idle`, minutes long, `push`, the peer's figure at --deals 1031, and `compact`)
#include <cstdio>
#include <string>
#include <vector>

#include "bench_options.h"
#include "figures.h"
#include "sync_scenarios.h"

namespace nextstep::bench {
namespace {

int run(int argc, char** argv) {
  if (argc == 5 && std::string(argv[1]) == "cold-client")
    return runColdSyncDevice(argv[2], argv[3], argv[4]);
  const std::string self = argv[0];
  BenchOptions o = takeBenchOptions(argc, argv);
  const SyncOptions s = takeSyncOptions(argc, argv);
  const std::string mode = argc > 1 ? argv[1] : "all";
  std::vector<Figure> figures;
  auto measure = [&](const char* name, auto scenario) {
    if (mode != "all" && mode != name) return;
    std::printf("== %s\n", name);
    const auto got = scenario();
    printFigures(got);
    figures.insert(figures.end(), got.begin(), got.end());
  };
  measure("cold", [&] { return coldSyncFigures(o, s, self.c_str()); });
  measure("apply", [&] { return remoteApplyFigures(o); });
  measure("latency", [&] {
    return s.subscribers > 0 ? fanOutLatencyFigures(o, s.subscribers, s.runs)
                             : liveLatencyFigures(o);
  });
  measure("ingest", [&] { return ingestFigures(o); });
  measure("replicas", [&] { return replicaFigures(o); });
  if (mode == "push") measure("push", [&] { return pushFigures(o, s); });
  if (mode == "idle") measure("idle", [&] { return idleStreamFigures(o, s); });
  if (mode == "compact") measure("compact", [&] { return compactionFigures(o); });
  if (!o.results.empty() && o.apply.empty()) mergeFigures(o.results, figures);
  return 0;
}

}  // namespace
}  // namespace nextstep::bench

int main(int argc, char** argv) {
  return nextstep::bench::runBenchProgram("nextstep_bench_sync", nextstep::bench::run, argc, argv);
}
