#include "report_commands.h"

#include <string_view>

#include "flag_values.h"
#include "nextstep/follow_up/today.h"
#include "nextstep/health/pipeline_health.h"
#include "nextstep/pipeline/team_settings.h"
#include "nextstep/search/search.h"

namespace nextstep::cli {
namespace {

// SQLite's integrity report is one problem a line under a "*** in database main ***" header:
// the first problem, and how many more.
std::string firstProblem(const Error& error) {
  std::vector<std::string> problems;
  std::string line;
  std::string_view text = error.message;
  if (const auto colon = text.find(": "); colon != std::string_view::npos) {
    text.remove_prefix(colon + 2);
  }
  for (std::size_t i = 0; i <= text.size(); ++i) {
    if (i < text.size() && text[i] != '\n') {
      line += text[i];
      continue;
    }
    if (!line.empty() && !line.starts_with("***")) problems.push_back(line);
    line.clear();
  }
  if (problems.empty()) return error.message;
  std::string out = problems.front();
  if (problems.size() > 1) out += " (and " + std::to_string(problems.size() - 1) + " more)";
  return out;
}

}  // namespace

Result<void> todayCommand(Session& session, const ReportFlags& flags) {
  TodayQuery query;
  query.zone = session.zone();
  query.owner = flags.owner;
  if (flags.limit) {
    auto limit = parseCount("--limit", *flags.limit, 1, 10000);
    if (!limit) return limit.error();
    query.limit = *limit;
  }
  auto store = session.store(DatabaseUse::kRead);
  if (!store) return store.error();
  auto day = today(**store, query);
  if (!day) return day.error();
  session.printer().today(*day);
  return {};
}

Result<void> healthCommand(Session& session, const ReportFlags& flags) {
  HealthQuery query;
  query.zone = session.zone();
  query.owner = flags.owner;
  if (flags.limit) {
    auto limit = parseCount("--limit", *flags.limit, 0, 10000);
    if (!limit) return limit.error();
    query.limit = *limit;
  }
  auto store = session.store(DatabaseUse::kRead);
  if (!store) return store.error();
  auto health = pipelineHealth(**store, query);
  if (!health) return health.error();
  auto settings = teamSettings(**store);
  if (!settings) return settings.error();
  session.printer().health(HealthReport{std::move(*health), session.today(), query.zone.name(),
                                        query.rate_window_days, settings->cadence_days});
  return {};
}

Result<void> searchCommand(Session& session, const SearchFlags& flags) {
  std::string query;
  for (const std::string& word : flags.words) query += (query.empty() ? "" : " ") + word;
  if (ftsQuery(query).empty()) return Error::invalid("type a word to search for");
  int limit = 20;
  if (flags.limit) {
    auto n = parseCount("--limit", *flags.limit, 1, 500);
    if (!n) return n.error();
    limit = *n;
  }
  auto store = session.store(DatabaseUse::kRead);
  if (!store) return store.error();
  auto hits = search(**store, query, limit);
  if (!hits) return hits.error();
  session.printer().searchHits(query, *hits);
  return {};
}

Result<void> checkCommand(Session& session) {
  auto store = session.store(DatabaseUse::kRead);
  if (!store) return store.error();
  if (auto ok = (*store)->checkIntegrity(); !ok) {
    return Error{ok.error().code, (*store)->path() + " is damaged: " + firstProblem(ok.error())};
  }
  auto pending = (*store)->pendingChanges();
  if (!pending) return pending.error();
  session.printer().integrity(Integrity{(*store)->path(), (*store)->schemaVersion(), *pending});
  return {};
}

}  // namespace nextstep::cli
