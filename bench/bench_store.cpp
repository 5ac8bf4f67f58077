#include "bench_store.h"

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

TimeZone deviceZone() {
  auto zone = TimeZone::find(kDeviceZone);
  if (!zone) throw std::runtime_error(zone.error().message);
  return *zone;
}

}  // namespace nextstep::bench
