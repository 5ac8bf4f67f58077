// Where the files of workload D live (build/bench/) and how they are made: the JSON Lines of the
// shared generator, its manifest, and the loaded database cached between runs.
#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <string>

namespace nextstep::bench {

struct WorkloadManifest {
  int deals = 0;
  std::int64_t rows = 0;
  std::map<std::string, std::int64_t> counts;  // per row type
  std::int64_t bytes = 0;
  std::string sha256;  // hex, of the JSON Lines file
};

class WorkloadFiles {
 public:
  WorkloadFiles(std::filesystem::path dir, int deals) : dir_(std::move(dir)), deals_(deals) {}

  int deals() const { return deals_; }
  const std::filesystem::path& dir() const { return dir_; }
  std::filesystem::path jsonl() const;       // workload-<D>.jsonl
  std::filesystem::path manifest() const;    // workload-<D>.manifest.json
  std::filesystem::path database() const;    // pipeline-<D>.db, the cached cold-synced device
  std::filesystem::path loadReport() const;  // pipeline-<D>.load.json, written with the database
  // A scratch copy of the database for benchmarks that write (bookings), so the cache stays
  // pristine and every run starts from the same rows.
  std::filesystem::path scratchDatabase(const std::string& purpose) const;

  // Runs `node workload.js` when the JSON Lines or the manifest are missing. Throws on failure.
  void generateIfMissing() const;
  WorkloadManifest readManifest() const;

 private:
  std::filesystem::path dir_;
  int deals_;
};

// build/bench of the source tree, or $NEXTSTEP_BENCH_DIR.
std::filesystem::path defaultBenchDir();
// ../shared/bench/workload.js next to the source tree, or $NEXTSTEP_WORKLOAD_JS.
std::filesystem::path workloadScript();

// Copies a SQLite database (without its -wal/-shm) to `to`, replacing what is there.
void copyDatabase(const std::filesystem::path& from, const std::filesystem::path& to);

}  // namespace nextstep::bench
