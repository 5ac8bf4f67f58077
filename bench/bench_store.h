// Opening a copy of the cached pipeline database for benchmarks, at the fixed now.
#pragma once

#include <filesystem>
#include <memory>
#include <vector>

#include "bench_options.h"
#include "figures.h"
#include "nextstep/storage/store.h"
#include "workload_loader.h"

namespace nextstep::bench {

// Makes sure pipeline-<D>.db exists (generating and loading it when missing) and copies it to a
// scratch file for `purpose`, so writes during a run never reach the cache. Returns the copy.
std::filesystem::path preparedCopy(const BenchOptions& options, const std::string& purpose,
                                   LoadReport* load = nullptr);

// Store::open at the fixed now; throws on failure.
std::unique_ptr<Store> openAtFixedNow(const std::filesystem::path& database);

// Runs the options' --apply statements on the store's connection, saying so on stderr.
void applyExperiments(Store& store, const BenchOptions& options);

// Merges the figures into --results unless --apply changed what was measured.
void recordFigures(const BenchOptions& options, const std::vector<Figure>& figures);

TimeZone deviceZone();

}  // namespace nextstep::bench
