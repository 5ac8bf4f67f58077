#include "bench_store.h"

#include <chrono>
#include <cstdio>
#include <stdexcept>

#include "bench_now.h"

namespace nextstep::bench {

std::filesystem::path preparedCopy(const BenchOptions& options, const std::string& purpose,
                                   LoadReport* load) {
  const WorkloadFiles files(options.dir, options.deals);
  const bool cached = !options.rebuild && std::filesystem::exists(files.database());
  if (!cached) {
    std::fprintf(stderr, "loading workload D=%d into %s ...\n", options.deals,
                 files.database().c_str());
  }
  const LoadReport report = ensureLoadedPipeline(files, options.rebuild);
  if (load != nullptr) *load = report;
  const std::filesystem::path copy = files.scratchDatabase(purpose);
  copyDatabase(files.database(), copy);
  return copy;
}

std::unique_ptr<Store> openAtFixedNow(const std::filesystem::path& database) {
  auto store = Store::open(
      {.path = database.string(), .create_if_missing = false, .wall = fixedWallClock()});
  if (!store) {
    throw std::runtime_error("cannot open " + database.string() + ": " + store.error().message);
  }
  return std::move(*store);
}

void applyExperiments(Store& store, const BenchOptions& options) {
  for (const std::string& sql : options.apply) {
    auto lock = store.lock();
    const auto start = std::chrono::steady_clock::now();
    store.database().exec(sql);
    std::fprintf(stderr, "applied in %.2f s: %s\n",
                 std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count(),
                 sql.c_str());
  }
}

void recordFigures(const BenchOptions& options, const std::vector<Figure>& figures) {
  printFigures(figures);
  if (options.results.empty()) return;
  if (!options.apply.empty()) {
    std::fprintf(stderr, "--apply changed the database; figures not merged into %s\n",
                 options.results.c_str());
    return;
  }
  mergeFigures(options.results, figures);
}

TimeZone deviceZone() {
  auto zone = TimeZone::find(kDeviceZone);
  if (!zone) throw std::runtime_error(zone.error().message);
  return *zone;
}

}  // namespace nextstep::bench
