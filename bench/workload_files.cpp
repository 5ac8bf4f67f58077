#include "workload_files.h"

#include <fcntl.h>
#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <nlohmann/json.hpp>
#include <stdexcept>

#include "nextstep/data/file_bytes.h"

namespace nextstep::bench {
namespace fs = std::filesystem;
namespace {

std::string shellQuoted(const std::string& s) {
  std::string out = "'";
  for (char c : s) {
    if (c == '\'') {
      out += "'\\''";
    } else {
      out += c;
    }
  }
  return out + "'";
}

fs::path fromEnvOr(const char* name, const fs::path& fallback) {
  const char* v = std::getenv(name);
  return v != nullptr && *v != '\0' ? fs::path(v) : fallback;
}

}  // namespace

fs::path defaultBenchDir() {
  return fromEnvOr("NEXTSTEP_BENCH_DIR", fs::path(NEXTSTEP_SOURCE_DIR) / "build" / "bench");
}

fs::path workloadScript() {
  return fromEnvOr("NEXTSTEP_WORKLOAD_JS", fs::path(NEXTSTEP_SOURCE_DIR).parent_path() / "shared" /
                                               "bench" / "workload.js");
}

fs::path WorkloadFiles::jsonl() const {
  return dir_ / ("workload-" + std::to_string(deals_) + ".jsonl");
}

fs::path WorkloadFiles::manifest() const {
  return dir_ / ("workload-" + std::to_string(deals_) + ".manifest.json");
}

fs::path WorkloadFiles::database() const {
  return dir_ / ("pipeline-" + std::to_string(deals_) + ".db");
}

fs::path WorkloadFiles::loadReport() const {
  return dir_ / ("pipeline-" + std::to_string(deals_) + ".load.json");
}

fs::path WorkloadFiles::scratchDatabase(const std::string& purpose) const {
  return dir_ / ("scratch-" + purpose + "-" + std::to_string(deals_) + ".db");
}

void WorkloadFiles::generateIfMissing() const {
  if (fs::exists(jsonl()) && fs::exists(manifest())) return;
  fs::create_directories(dir_);
  const fs::path script = workloadScript();
  if (!fs::exists(script)) {
    throw std::runtime_error("the workload generator " + script.string() +
                             " is missing; set NEXTSTEP_WORKLOAD_JS");
  }
  const fs::path rowsTmp = jsonl().string() + ".tmp";
  const fs::path manifestTmp = manifest().string() + ".tmp";
  const std::string command = "node " + shellQuoted(script.string()) + " --deals " +
                              std::to_string(deals_) + " --out " + shellQuoted(rowsTmp.string()) +
                              " > " + shellQuoted(manifestTmp.string());
  if (std::system(command.c_str()) != 0) {
    throw std::runtime_error("generating the workload failed: " + command);
  }
  fs::rename(rowsTmp, jsonl());
  fs::rename(manifestTmp, manifest());
}

WorkloadManifest WorkloadFiles::readManifest() const {
  const auto text = readFileBytes(manifest().string());
  if (!text) throw std::runtime_error(text.error().message);
  const auto j = nlohmann::json::parse(*text);
  WorkloadManifest m;
  m.deals = j.at("deals").get<int>();
  m.rows = j.at("rows").get<std::int64_t>();
  for (const auto& [type, n] : j.at("counts").items()) m.counts[type] = n.get<std::int64_t>();
  m.bytes = j.at("bytes").get<std::int64_t>();
  m.sha256 = j.at("sha256").get<std::string>();
  if (m.deals != deals_) {
    throw std::runtime_error(manifest().string() + " describes " + std::to_string(m.deals) +
                             " deals, not " + std::to_string(deals_));
  }
  return m;
}

void copyDatabase(const fs::path& from, const fs::path& to) {
  for (const char* suffix : {"-wal", "-shm"}) fs::remove(to.string() + suffix);
  fs::copy_file(from, to, fs::copy_options::overwrite_existing);
  // The copy's hundreds of MB of dirty pages would otherwise be written back during the timed
  // part, and its fsyncs would wait behind them.
  const int fd = ::open(to.c_str(), O_RDONLY);
  if (fd < 0 || ::fsync(fd) != 0) {
    if (fd >= 0) ::close(fd);
    throw std::runtime_error("cannot sync the copy " + to.string());
  }
  ::close(fd);
}

}  // namespace nextstep::bench
