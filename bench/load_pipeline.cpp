// Loads workload D into the cached database build/bench/pipeline-<D>.db (when missing, or always
// with --rebuild) and reports the load: rows per second of the insert phase, where a cold sync's
// time goes on the device. With --apply SQL it loads a scratch copy instead, running SQL on the
// connection first (e.g. a bigger cache_size), to measure a change before making it.
#include <cstdio>

#include "bench_options.h"
#include "bench_store.h"
#include "figures.h"
#include "workload_loader.h"

namespace nextstep::bench {
namespace {

int run(int argc, char** argv) {
  const BenchOptions options = takeBenchOptions(argc, argv);
  if (argc > 1) {
    std::fprintf(stderr, "nextstep_bench_load: unknown argument %s\n", argv[1]);
    return 2;
  }
  const WorkloadFiles files(options.dir, options.deals);
  // An experiment loads a scratch copy and leaves the cache alone.
  const bool experiment = !options.apply.empty();
  const std::filesystem::path database =
      experiment ? files.scratchDatabase("load") : files.database();
  const LoadReport r = experiment ? loadWorkload(files, database, options.apply)
                                  : ensureLoadedPipeline(files, options.rebuild);
  std::fprintf(stderr,
               "%s: %lld rows (+%lld attendees), sha256 %s; read %.2f s, insert %.2f s, "
               "optimize %.2f s, checkpoint %.2f s; %.1f MB\n",
               database.c_str(), static_cast<long long>(r.rows),
               static_cast<long long>(r.attendees), r.sha256.c_str(), r.read_seconds,
               r.insert_seconds, r.optimize_seconds, r.checkpoint_seconds,
               static_cast<double>(r.database_bytes) / 1e6);
  for (const auto& [type, seconds] : r.insert_seconds_by_type) {
    std::fprintf(stderr, "  %-8s %7.2f s\n", type.c_str(), seconds);
  }
  const int d = options.deals;
  const std::vector<Figure> figures = {
      {figureName("load_insert_rows_per_s", d), r.insertRowsPerSecond(), "rows/s"},
      {figureName("load_total_rows_per_s", d), r.totalRowsPerSecond(), "rows/s"},
      {figureName("load_total_s", d), r.totalSeconds(), "s"},
      {figureName("database_mb", d), static_cast<double>(r.database_bytes) / 1e6, "MB"},
  };
  recordFigures(options, figures);
  return 0;
}

}  // namespace
}  // namespace nextstep::bench

int main(int argc, char** argv) {
  return nextstep::bench::runBenchProgram("nextstep_bench_load", nextstep::bench::run, argc, argv);
}
