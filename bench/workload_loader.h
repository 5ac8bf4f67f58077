// Loads the shared benchmark workload into a NextStep database the way a device looks after a
// cold sync of the team's pipeline: every row inserted through the generic record writer (no
// outbox entries: nothing is pending), attendees in the add-wins set, large transactions.
#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "workload_files.h"

namespace nextstep::bench {

struct LoadReport {
  int deals = 0;
  std::int64_t rows = 0;       // workload rows (records)
  std::int64_t attendees = 0;  // attendee set members, written besides the rows
  double read_seconds = 0;     // read, hash and parse the JSON Lines
  double insert_seconds = 0;   // insert and commit, triggers (summaries, search index) included
  double checkpoint_seconds = 0;
  double optimize_seconds = 0;  // Store::optimize after the load: ANALYZE, search index merged
  std::int64_t database_bytes = 0;
  std::string sha256;
  std::string schema;  // schemaFingerprint() of the build that loaded it
  // Insert time per record type ("meeting" includes its attendees; "note" the last commit).
  std::map<std::string, double> insert_seconds_by_type;

  double insertRowsPerSecond() const { return static_cast<double>(rows) / insert_seconds; }
  double totalSeconds() const {
    return read_seconds + insert_seconds + optimize_seconds + checkpoint_seconds;
  }
  double totalRowsPerSecond() const { return static_cast<double>(rows) / totalSeconds(); }

  std::string toJson() const;
  static LoadReport fromJson(const std::string& json);
};

inline constexpr std::int64_t kRowsPerTransaction = 10'000;

// Loads the workload into a fresh database at `database` (replaced), checking the file's sha256
// against the generator's manifest and every table's row count afterwards. `apply` runs on the
// connection first (an experiment: a PRAGMA, a dropped trigger). Throws on failure.
LoadReport loadWorkload(const WorkloadFiles& files, const std::filesystem::path& database,
                        const std::vector<std::string>& apply = {});

// The cached database of the workload (pipeline-<D>.db): generated and loaded when missing or when
// `rebuild`, else the report of the load that made it.
LoadReport ensureLoadedPipeline(const WorkloadFiles& files, bool rebuild = false);

}  // namespace nextstep::bench
