#include "workload_loader.h"

#include <chrono>
#include <cstdio>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <stdexcept>

#include "bench_now.h"
#include "nextstep/data/file_bytes.h"
#include "nextstep/search/search.h"
#include "nextstep/storage/catalog.h"
#include "nextstep/storage/record_rows.h"
#include "nextstep/storage/store.h"
#include "schema_fingerprint.h"
#include "workload_mapping.h"
#include "workload_rows.h"

namespace nextstep::bench {
namespace fs = std::filesystem;
namespace {

// The rows were written on the team's devices and arrived in one sync the day before now; their
// stamps are 1 ms apart in file order.
constexpr std::int64_t kSyncedFromMillis = kNowMillis - 86'400'000;
constexpr DeviceId kTeamDevice = 0x7EA3000000000001;

double secondsSince(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

// Inserts records in transactions of kRowsPerTransaction writes.
class BatchWriter {
 public:
  explicit BatchWriter(Database& db) : db_(db) {}

  void insert(RecordType type, const std::string& id, const Fields& fields) {
    const Stamp stamp = nextStamp();
    records::insertRow(db_, specOf(type), id, fields, stamp);
    last_ = stamp;
    counted();
  }

  // A member of the meeting just inserted, stamped like it.
  void addAttendee(const std::string& meeting_id, const std::string& contact_id) {
    records::putMember(db_, specOf(RecordType::kMeeting), meeting_id, contact_id, {last_, {}});
    counted();
  }

  // What Store::write does before each commit (the sync merge's path): index the batch's
  // records for search.
  void finish() {
    if (txn_) {
      indexPendingSearch(db_);
      txn_->commit();
    }
    txn_.reset();
  }

 private:
  Stamp nextStamp() { return Stamp{packHlc(kSyncedFromMillis + seq_++, 0), kTeamDevice}; }
  void counted() {
    if (!txn_) txn_.emplace(db_, Transaction::Kind::kWrite);
    if (++pending_ < kRowsPerTransaction) return;
    finish();
    pending_ = 0;
  }

  Database& db_;
  std::optional<Transaction> txn_;
  std::int64_t pending_ = 0;
  std::int64_t seq_ = 0;
  Stamp last_;
};

void checkAgainstManifest(const Workload& w, const WorkloadManifest& m) {
  if (w.sha256 != m.sha256 || w.bytes != m.bytes) {
    throw std::runtime_error("the workload file does not match its manifest (sha256 " + w.sha256 +
                             ", expected " + m.sha256 + "); delete both and regenerate");
  }
  if (w.rows() != m.rows) throw std::runtime_error("row count differs from the manifest");
}

// Inserts every row, timing each record type (triggers included) into `seconds_by_type`.
void insertAll(Database& db, const Workload& w, std::map<std::string, double>& seconds_by_type) {
  BatchWriter out(db);
  auto timed = [&](const char* type, auto&& insertRows) {
    const auto start = std::chrono::steady_clock::now();
    insertRows();
    seconds_by_type[type] = secondsSince(start);
  };
  timed("account", [&] {
    for (const auto& a : w.accounts) out.insert(RecordType::kAccount, a.id, accountFields(a));
  });
  timed("contact", [&] {
    for (const auto& c : w.contacts) out.insert(RecordType::kContact, c.id, contactFields(c));
  });
  timed("deal", [&] {
    for (const auto& d : w.deals) out.insert(RecordType::kDeal, d.id, dealFields(d));
  });
  MeetingEnds ends;
  timed("meeting", [&] {
    const std::vector<MeetingFacts> facts = meetingFacts(w.meetings, kNowUnix);
    for (std::size_t i = 0; i < w.meetings.size(); ++i) {
      const WorkloadMeeting& m = w.meetings[i];
      out.insert(RecordType::kMeeting, m.id, meetingFields(m, facts[i]));
      for (const std::string& contact : m.attendee_ids) out.addAttendee(m.id, contact);
      ends.emplace(m.id, facts[i].end_at);
    }
  });
  timed("action", [&] {
    for (const auto& a : w.actions) {
      out.insert(RecordType::kAction, a.id, actionFields(a, ends, kNowUnix));
    }
  });
  timed("note", [&] {
    for (const auto& n : w.notes) out.insert(RecordType::kNote, n.id, noteFields(n));
    out.finish();
  });
}

void checkCounts(Database& db, const WorkloadManifest& m, std::int64_t attendees) {
  const std::pair<const char*, std::int64_t> expected[] = {
      {"accounts", m.counts.at("account")}, {"contacts", m.counts.at("contact")},
      {"deals", m.counts.at("deal")},       {"meetings", m.counts.at("meeting")},
      {"actions", m.counts.at("action")},   {"notes", m.counts.at("note")},
      {"meeting_attendees", attendees},     {"outbox", 0},
  };
  for (const auto& [table, n] : expected) {
    const std::int64_t found = db.scalar("SELECT count(*) FROM " + std::string(table));
    if (found != n) {
      throw std::runtime_error(std::string(table) + " holds " + std::to_string(found) +
                               " rows after loading, expected " + std::to_string(n));
    }
  }
}

std::unique_ptr<Store> openStore(const fs::path& path) {
  auto store = Store::open({.path = path.string(), .wall = fixedWallClock()});
  if (!store)
    throw std::runtime_error("cannot open " + path.string() + ": " + store.error().message);
  return std::move(*store);
}

}  // namespace

std::string LoadReport::toJson() const {
  return nlohmann::json{{"deals", deals},
                        {"rows", rows},
                        {"attendees", attendees},
                        {"read_seconds", read_seconds},
                        {"insert_seconds", insert_seconds},
                        {"checkpoint_seconds", checkpoint_seconds},
                        {"optimize_seconds", optimize_seconds},
                        {"database_bytes", database_bytes},
                        {"sha256", sha256},
                        {"schema", schema},
                        {"insert_seconds_by_type", insert_seconds_by_type}}
      .dump(2);
}

LoadReport LoadReport::fromJson(const std::string& text) {
  const auto j = nlohmann::json::parse(text);
  LoadReport r;
  r.deals = j.at("deals").get<int>();
  r.rows = j.at("rows").get<std::int64_t>();
  r.attendees = j.at("attendees").get<std::int64_t>();
  r.read_seconds = j.at("read_seconds").get<double>();
  r.insert_seconds = j.at("insert_seconds").get<double>();
  r.checkpoint_seconds = j.at("checkpoint_seconds").get<double>();
  r.optimize_seconds = j.value("optimize_seconds", 0.0);
  r.database_bytes = j.at("database_bytes").get<std::int64_t>();
  r.sha256 = j.at("sha256").get<std::string>();
  r.schema = j.value("schema", "");
  r.insert_seconds_by_type = j.at("insert_seconds_by_type").get<std::map<std::string, double>>();
  return r;
}

LoadReport loadWorkload(const WorkloadFiles& files, const fs::path& database,
                        const std::vector<std::string>& apply) {
  files.generateIfMissing();
  const WorkloadManifest manifest = files.readManifest();
  LoadReport report;
  report.deals = files.deals();
  report.schema = schemaFingerprint(files.dir());

  auto start = std::chrono::steady_clock::now();
  const Workload w = readWorkload(files.jsonl());
  checkAgainstManifest(w, manifest);
  report.read_seconds = secondsSince(start);
  report.rows = w.rows();
  report.attendees = w.attendees();
  report.sha256 = w.sha256;

  for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(database.string() + suffix);
  auto store = openStore(database);
  {
    auto lock = store->lock();
    Database& db = store->database();
    for (const std::string& sql : apply) db.exec(sql);
    start = std::chrono::steady_clock::now();
    insertAll(db, w, report.insert_seconds_by_type);
    report.insert_seconds = secondsSince(start);
    checkCounts(db, manifest, report.attendees);
  }
  // What a cold sync should end with: planner statistics and a merged search index.
  start = std::chrono::steady_clock::now();
  if (auto optimized = store->optimize(); !optimized) {
    throw std::runtime_error("optimize: " + optimized.error().message);
  }
  report.optimize_seconds = secondsSince(start);
  {
    auto lock = store->lock();
    start = std::chrono::steady_clock::now();
    store->database().exec("PRAGMA wal_checkpoint(TRUNCATE)");
    report.checkpoint_seconds = secondsSince(start);
  }
  store.reset();
  report.database_bytes = static_cast<std::int64_t>(fs::file_size(database));
  return report;
}

LoadReport ensureLoadedPipeline(const WorkloadFiles& files, bool rebuild) {
  const fs::path database = files.database();
  if (!rebuild && fs::exists(database) && fs::exists(files.loadReport())) {
    const LoadReport cached =
        LoadReport::fromJson(readFileBytes(files.loadReport().string()).value());
    if (cached.schema == schemaFingerprint(files.dir())) return cached;
    std::fprintf(stderr, "%s was loaded with another schema; loading it again\n", database.c_str());
  }
  fs::create_directories(files.dir());
  fs::remove(files.loadReport());
  const fs::path building = database.string() + ".loading";
  const LoadReport report = loadWorkload(files, building);
  for (const char* suffix : {"-wal", "-shm"}) fs::remove(database.string() + suffix);
  fs::rename(building, database);
  std::ofstream(files.loadReport()) << report.toJson() << '\n';
  return report;
}

}  // namespace nextstep::bench
