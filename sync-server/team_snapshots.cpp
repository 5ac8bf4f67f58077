#include "team_snapshots.h"

#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <charconv>
#include <string>
#include <vector>

#include "json_log.h"
#include "nextstep/data/durable_file.h"
#include "nextstep/model/result_try.h"
#include "nextstep/storage/catalog.h"
#include "nextstep/storage/local_meta.h"
#include "nextstep/storage/schema.h"
#include "nextstep/storage/store.h"
#include "nextstep/sync/replica.h"
#include "nextstep/sync/sync_round.h"
#include "snapshot_compression.h"

namespace nextstep::server {
namespace fs = std::filesystem;
namespace {

constexpr std::size_t kLogPage = 5000;
// After a build that merged this many operations the search index is merged and the planner's
// statistics taken, as a device does after a cold sync: the device gets them ready.
constexpr std::uint64_t kOptimizeAfterOps = 50'000;

// team-<id>-v<version>-s<schema>-r<rows>.db
std::string fileName(TeamId team, std::uint64_t version, int schema, std::uint64_t rows) {
  return "team-" + std::to_string(team) + "-v" + std::to_string(version) + "-s" +
         std::to_string(schema) + "-r" + std::to_string(rows) + ".db";
}

struct ParsedName {
  TeamId team = 0;
  std::uint64_t version = 0;
  int schema = 0;
  std::uint64_t rows = 0;
};

std::optional<ParsedName> parseName(const std::string& name) {
  ParsedName p;
  const char* at = name.data();
  const char* end = name.data() + name.size();
  auto field = [&](std::string_view prefix, auto& out) {
    if (static_cast<std::size_t>(end - at) < prefix.size() ||
        std::string_view(at, prefix.size()) != prefix) {
      return false;
    }
    at += prefix.size();
    const auto [next, ec] = std::from_chars(at, end, out);
    at = next;
    return ec == std::errc();
  };
  if (!field("team-", p.team) || !field("-v", p.version) || !field("-s", p.schema) ||
      !field("-r", p.rows) || std::string_view(at, end - at) != ".db") {
    return std::nullopt;
  }
  return p;
}

fs::path compressedPathOf(const fs::path& file) { return file.string() + ".zst"; }

// The records a device will hold, for its progress bar.
std::uint64_t recordRows(Database& db) {
  std::uint64_t rows = 0;
  for (const RecordSpec& spec : allRecordSpecs()) {
    rows +=
        static_cast<std::uint64_t>(db.scalar("SELECT count(*) FROM " + std::string(spec.table)));
    if (!spec.set_table.empty()) {
      rows += static_cast<std::uint64_t>(
          db.scalar("SELECT count(*) FROM " + std::string(spec.set_table)));
    }
  }
  return rows;
}

// The mirror's own bookkeeping is no device's: only its clock stays (it has seen every stamp).
std::uint64_t prepareForDevices(const fs::path& file) {
  auto db = Database::open(file.string(), OpenMode::kReadWrite);
  db->exec("PRAGMA journal_mode = DELETE");
  Transaction txn(*db, Transaction::Kind::kWrite);
  db->prepare("DELETE FROM local_meta WHERE key <> ?1")->bind(1, local_meta::kClock).run();
  const std::uint64_t rows = recordRows(*db);
  txn.commit();
  return rows;
}

// Merges the team's log after the mirror's cursor into it; returns the version it reached and
// how many operations that took.
Result<std::pair<std::uint64_t, std::uint64_t>> catchUp(TeamLog& log, TeamId team,
                                                        sync::Replica& mirror,
                                                        const std::atomic<bool>& stopping) {
  NEXTSTEP_TRY(auto cursor, mirror.cursor());
  std::uint64_t merged = 0;
  for (bool more = true; more;) {
    std::vector<sync::RemoteOp> batch;
    std::uint64_t next = cursor;
    while (more && batch.size() < sync::kApplyBatchOps) {
      NEXTSTEP_TRY(auto page, log.readLog(team, next, kLogPage));
      for (auto& logged : page.ops) {
        next = logged.version;
        batch.push_back({logged.version, std::move(logged.op), std::move(logged.author)});
      }
      more = page.more && !page.ops.empty();
    }
    if (batch.empty()) break;
    // A first build takes minutes; a server asked to stop does not wait for it (what is merged
    // stays merged: the next build goes on from there).
    if (stopping) return Error{ErrorCode::kUnavailable, "the server is stopping"};
    NEXTSTEP_CHECK(mirror.apply(batch, next));
    merged += batch.size();
    cursor = next;
  }
  return std::pair{cursor, merged};
}

}  // namespace

void TeamSnapshots::compact(TeamId team, std::uint64_t snapshot_version) {
  if (policy_.keep_log_ops == 0) return;
  auto head = log_.head(team);
  if (!head || *head <= policy_.keep_log_ops) return;
  const std::uint64_t through = std::min(snapshot_version, *head - policy_.keep_log_ops);
  auto dropped = log_.compactLog(team, through);
  if (!dropped) {
    LogLine("log_compaction_failed")
        .number("team", team)
        .text("message", dropped.error().message)
        .error();
    return;
  }
  if (*dropped == 0) return;
  LogLine("log_compacted")
      .number("team", team)
      .number("through_version", static_cast<std::int64_t>(through))
      .number("dropped_ops", static_cast<std::int64_t>(*dropped))
      .info();
}

SnapshotFile::~SnapshotFile() {
  if (!superseded) return;
  std::error_code ec;
  fs::remove(path, ec);
  if (!compressed.empty()) fs::remove(compressed, ec);
}

TeamSnapshots::TeamSnapshots(TeamLog& log, fs::path dir, SnapshotPolicy policy)
    : log_(log), dir_(std::move(dir)), policy_(policy) {
  std::error_code ec;
  fs::create_directories(dir_, ec);
  std::vector<std::pair<fs::path, ParsedName>> found;
  for (const auto& entry : fs::directory_iterator(dir_, ec)) {
    const std::string name = entry.path().filename().string();
    if (name.ends_with(".tmp")) {
      fs::remove(entry.path(), ec);  // a copy a stopped run did not finish
    } else if (name.ends_with(".zst") &&
               !fs::exists(entry.path().parent_path() / entry.path().stem(), ec)) {
      fs::remove(entry.path(), ec);  // its file went, and a stopped run did not remove it too
    } else if (auto parsed = parseName(name)) {
      found.emplace_back(entry.path(), *parsed);
    }
  }
  for (const auto& [path, name] : found) {
    auto file = std::make_shared<SnapshotFile>();
    file->path = path;
    file->version = name.version;
    file->schema = name.schema;
    file->rows = name.rows;
    file->bytes = fs::file_size(path, ec);
    if (const fs::path zst = compressedPathOf(path); fs::exists(zst, ec)) {
      file->compressed = zst;
      file->compressed_bytes = fs::file_size(zst, ec);
    }
    auto& slot = current_[name.team];
    if (slot && slot->version >= file->version) {
      file->superseded = true;
      continue;
    }
    if (slot) slot->superseded = true;
    slot = std::move(file);
  }
  worker_ = std::thread([this] { run(); });
}

TeamSnapshots::~TeamSnapshots() {
  {
    std::lock_guard lock(mu_);
    stopping_ = true;
  }
  wake_.notify_all();
  worker_.join();
}

SnapshotRef TeamSnapshots::ready(TeamId team, int schema, std::uint64_t head) {
  std::lock_guard lock(mu_);
  const auto it = current_.find(team);
  SnapshotRef snapshot = it == current_.end() ? nullptr : it->second;
  // One of an older schema (a server upgraded since) is built again: the mirror migrates.
  if (snapshot && snapshot->schema != latestLocalSchemaVersion()) snapshot = nullptr;
  const std::uint64_t have = snapshot ? snapshot->version : 0;
  const std::uint64_t due = snapshot ? policy_.refresh_after_ops : policy_.min_ops;
  if (head >= policy_.min_ops && head >= have + due) queue(team);
  if (!snapshot || snapshot->schema != schema) return nullptr;
  return snapshot;
}

void TeamSnapshots::queue(TeamId team) {
  if (stopping_ || !queued_.insert(team).second) return;
  order_.push_back(team);
  wake_.notify_one();
}

void TeamSnapshots::run() {
  // Building yields to answering devices.
  ::setpriority(PRIO_PROCESS, static_cast<id_t>(::syscall(SYS_gettid)), 10);
  std::unique_lock lock(mu_);
  for (;;) {
    wake_.wait(lock, [&] { return stopping_ || !order_.empty(); });
    if (stopping_) return;
    const TeamId team = order_.front();
    order_.pop_front();
    lock.unlock();
    if (auto built = build(team); !built && !stopping_) {
      LogLine("snapshot_failed")
          .number("team", team)
          .text("message", built.error().message)
          .error();
    }
    lock.lock();
    queued_.erase(team);
  }
}

Result<void> TeamSnapshots::restartMirror(TeamId team, const fs::path& mirror) {
  SnapshotRef from;
  {
    std::lock_guard lock(mu_);
    if (auto it = current_.find(team); it != current_.end()) from = it->second;
  }
  if (!from) {
    return Error{ErrorCode::kCompacted,
                 "the team's log was compacted and no snapshot of it is left in " + dir_.string() +
                     " to build from"};
  }
  std::error_code ec;
  for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(mirror.string() + suffix, ec);
  const fs::path copy = dir_ / ("team-" + std::to_string(team) + ".restart.tmp");
  try {
    fs::copy_file(from->path, copy, fs::copy_options::overwrite_existing);
  } catch (const std::exception& e) {
    return Error{ErrorCode::kIo, std::string("the snapshot could not be copied: ") + e.what()};
  }
  // Opened once as a store of its own, a snapshot of an older schema migrates.
  NEXTSTEP_CHECK(Store::open(StoreOptions{.path = copy.string()}));
  NEXTSTEP_TRY(auto store, Store::open(StoreOptions{.path = mirror.string()}));
  sync::Replica replica(*store);
  auto started = replica.startFrom(copy.string(), from->version);
  fs::remove(copy, ec);
  return started;
}

Result<SnapshotRef> TeamSnapshots::build(TeamId team) {
  std::lock_guard build_lock(build_mu_);
  const auto started = std::chrono::steady_clock::now();
  const fs::path mirror = dir_ / ("team-" + std::to_string(team) + ".mirror");
  std::uint64_t version = 0;
  std::uint64_t merged = 0;
  int schema = 0;
  for (int attempt = 0;; ++attempt) {
    NEXTSTEP_TRY(auto store, Store::open(StoreOptions{.path = mirror.string()}));
    sync::Replica replica(*store);
    auto reached = catchUp(log_, team, replica, stopping_);
    // A mirror lost or older than the log's start (another replica compacted it, a restored
    // folder) starts again from the newest snapshot, as a device would.
    if (!reached && reached.error().code == ErrorCode::kCompacted && attempt == 0) {
      store.reset();
      NEXTSTEP_CHECK(restartMirror(team, mirror));
      continue;
    }
    if (!reached) return reached.error();
    std::tie(version, merged) = *reached;
    if (merged >= kOptimizeAfterOps) NEXTSTEP_CHECK(store->optimize());
    schema = store->schemaVersion();
    break;
  }  // closed: SQLite folds the WAL into the file, which is then whole on its own
  {
    std::lock_guard lock(mu_);
    const auto it = current_.find(team);
    if (it != current_.end() && it->second->version == version && it->second->schema == schema) {
      return it->second;
    }
  }
  if (version == 0) return SnapshotRef{};
  const fs::path tmp = dir_ / ("team-" + std::to_string(team) + ".tmp");
  try {
    fs::copy_file(mirror, tmp, fs::copy_options::overwrite_existing);
    auto file = std::make_shared<SnapshotFile>();
    file->rows = prepareForDevices(tmp);
    file->version = version;
    file->schema = schema;
    file->path = dir_ / fileName(team, version, schema, file->rows);
    file->bytes = fs::file_size(tmp);
    fs::rename(tmp, file->path);
    const fs::path zst = compressedPathOf(file->path);
    const fs::path zst_tmp = zst.string() + ".tmp";
    if (auto packed = compressSnapshot(file->path, zst_tmp); packed) {
      fs::rename(zst_tmp, zst);
      file->compressed = zst;
      file->compressed_bytes = *packed;
    } else {
      // Served as it is: a download twice the size, not a failure.
      std::error_code ec;
      fs::remove(zst_tmp, ec);
      LogLine("snapshot_not_compressed")
          .number("team", team)
          .text("message", packed.error().message)
          .warn();
    }
    // The log it covers may go next (compact): the file must outlive a power cut first.
    syncDirectoryOf(file->path.string());
    LogLine("snapshot_built")
        .number("team", team)
        .number("version", static_cast<std::int64_t>(version))
        .number("merged_ops", static_cast<std::int64_t>(merged))
        .number("rows", static_cast<std::int64_t>(file->rows))
        .number("bytes", static_cast<std::int64_t>(file->bytes))
        .number("compressed_bytes", static_cast<std::int64_t>(file->compressed_bytes))
        .ms(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started)
                .count())
        .info();
    {
      std::lock_guard lock(mu_);
      auto& slot = current_[team];
      if (slot) slot->superseded = true;
      slot = file;
    }
    compact(team, version);
    return SnapshotRef(file);
  } catch (const std::exception& e) {
    return Error{ErrorCode::kIo,
                 std::string("the team's snapshot could not be written: ") + e.what()};
  }
}

}  // namespace nextstep::server
