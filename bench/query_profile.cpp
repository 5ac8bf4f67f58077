// Where the time of Today, the pipeline health and search goes: runs each call repeatedly on a
// copy of the cached database with SQLite's profile hook on, then lists every statement it ran
// with its mean time per call and its query plan (EXPLAIN QUERY PLAN).
//
//   nextstep_bench_profile [--deals N] [--runs R] [--apply SQL]...
//
// --apply runs SQL on the copy first (e.g. a candidate index), to measure a change to the core
// before making it.
#include <sqlite3.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <map>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "bench_options.h"
#include "bench_store.h"
#include "nextstep/follow_up/today.h"
#include "nextstep/health/pipeline_health.h"
#include "nextstep/search/search.h"

namespace nextstep::bench {
namespace {

struct StatementTime {
  double total_ms = 0;
  int executions = 0;
  int first_seen = 0;   // order of first execution
  bool nested = false;  // run by another statement (FTS5's own queries); its time is in the outer
};

struct Profile {
  std::map<std::string, StatementTime> by_sql;
  std::map<void*, std::chrono::steady_clock::time_point> running;  // statement -> first step
  std::map<void*, bool> nested;  // statement -> started while another one ran
  int seen = 0;
};

// SQLite's own profile time has millisecond resolution; this times from a statement's first step
// (SQLITE_TRACE_STMT) to its reset (SQLITE_TRACE_PROFILE) with the steady clock instead.
int onTrace(unsigned type, void* context, void* statement, void* /*detail*/) {
  auto& profile = *static_cast<Profile*>(context);
  const auto now = std::chrono::steady_clock::now();
  if (type == SQLITE_TRACE_STMT) {
    if (profile.running.try_emplace(statement, now).second) {
      profile.nested[statement] = profile.running.size() > 1;
    }
    return 0;
  }
  const auto started = profile.running.find(statement);
  if (started == profile.running.end()) return 0;
  const char* sql = sqlite3_sql(static_cast<sqlite3_stmt*>(statement));
  StatementTime& t = profile.by_sql[sql != nullptr ? sql : "?"];
  if (t.executions == 0) t.first_seen = profile.seen++;
  t.nested = profile.nested[statement];
  t.total_ms += std::chrono::duration<double, std::milli>(now - started->second).count();
  ++t.executions;
  profile.running.erase(started);
  return 0;
}

std::vector<std::string> queryPlan(sqlite3* db, const std::string& sql) {
  std::vector<std::string> out;
  sqlite3_stmt* s = nullptr;
  if (sqlite3_prepare_v2(db, ("EXPLAIN QUERY PLAN " + sql).c_str(), -1, &s, nullptr) != SQLITE_OK) {
    out.push_back(std::string("(no plan: ") + sqlite3_errmsg(db) + ")");
    return out;
  }
  while (sqlite3_step(s) == SQLITE_ROW) {
    out.push_back(reinterpret_cast<const char*>(sqlite3_column_text(s, 3)));
  }
  sqlite3_finalize(s);
  return out;
}

std::string oneLine(std::string_view sql, std::size_t max) {
  std::string out;
  for (char c : sql) {
    if (c == '\n' || c == ' ') {
      if (!out.empty() && out.back() != ' ') out += ' ';
    } else {
      out += c;
    }
  }
  if (out.size() > max) out = out.substr(0, max - 3) + "...";
  return out;
}

void profileCall(Store& store, const std::string& name, int runs,
                 const std::function<bool()>& call) {
  call();  // prepares the statements
  Profile profile;
  sqlite3* db = store.database().handle();
  sqlite3_trace_v2(db, SQLITE_TRACE_STMT | SQLITE_TRACE_PROFILE, onTrace, &profile);
  const auto start = std::chrono::steady_clock::now();
  for (int i = 0; i < runs; ++i) {
    if (!call()) throw std::runtime_error(name + " failed");
  }
  const double wall =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count() /
      runs;
  sqlite3_trace_v2(db, 0, nullptr, nullptr);

  std::vector<std::pair<std::string, StatementTime>> rows(profile.by_sql.begin(),
                                                          profile.by_sql.end());
  std::sort(rows.begin(), rows.end(),
            [](const auto& a, const auto& b) { return a.second.first_seen < b.second.first_seen; });
  double inSql = 0;
  for (const auto& [sql, t] : rows) inSql += t.nested ? 0 : t.total_ms / runs;
  std::printf("\n## %s: %.3f ms per call (%.3f ms in SQL)\n", name.c_str(), wall, inSql);
  for (const auto& [sql, t] : rows) {
    std::printf("%8.3f ms  x%-3d %s%s\n", t.total_ms / runs, t.executions / runs,
                t.nested ? "(inside) " : "", oneLine(sql, 160).c_str());
    auto lock = store.lock();
    for (const std::string& step : queryPlan(db, sql)) std::printf("%18s%s\n", "", step.c_str());
  }
}

int runsFrom(int argc, char** argv) {
  for (int i = 1; i < argc; ++i) {
    const std::string_view arg = argv[i];
    if (arg == "--runs" && i + 1 < argc) return std::max(1, std::atoi(argv[i + 1]));
    if (arg != "--runs") throw std::runtime_error("unknown argument " + std::string(arg));
  }
  return 20;
}

int run(int argc, char** argv) {
  const BenchOptions options = takeBenchOptions(argc, argv);
  const int runs = runsFrom(argc, argv);
  auto store = openAtFixedNow(preparedCopy(options, "profile"));
  applyExperiments(*store, options);
  std::printf("# Query profile, workload D=%d, %d runs per call\n", options.deals, runs);

  const TimeZone zone = deviceZone();
  for (const char* owner : {static_cast<const char*>(nullptr), "rep-07"}) {
    const std::string who = owner != nullptr ? std::string(" of ") + owner : "";
    TodayQuery t{.zone = zone};
    HealthQuery h{.zone = zone};
    if (owner != nullptr) t.owner = h.owner = owner;
    profileCall(*store, "today" + who, runs, [&] { return today(*store, t).ok(); });
    profileCall(*store, "health" + who, runs, [&] { return pipelineHealth(*store, h).ok(); });
  }
  for (const char* q : {"Granite Logistics", "Anna Becker", "budget", "acm pil"}) {
    profileCall(*store, std::string("search '") + q + "'", runs,
                [&] { return search(*store, q).ok(); });
  }
  return 0;
}

}  // namespace
}  // namespace nextstep::bench

int main(int argc, char** argv) {
  return nextstep::bench::runBenchProgram("nextstep_bench_profile", nextstep::bench::run, argc,
                                          argv);
}
