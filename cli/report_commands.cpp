#include "report_commands.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "command_tree.h"
#include "flag_values.h"
#include "nextstep/follow_up/today.h"
#include "nextstep/health/pipeline_health.h"
#include "nextstep/model/result.h"
#include "nextstep/model/result_try.h"
#include "nextstep/pipeline/team_settings.h"
#include "nextstep/search/search.h"
#include "report_output.h"
#include "session.h"

namespace nextstep::cli {
namespace {

struct ReportFlags {
  std::optional<std::string> owner;
  std::optional<std::string> limit;
};

struct SearchFlags {
  std::vector<std::string> words;
  std::optional<std::string> limit;
};

Result<void> todayCommand(Session& session, const ReportFlags& flags);
Result<void> healthCommand(Session& session, const ReportFlags& flags);
Result<void> searchCommand(Session& session, const SearchFlags& flags);
Result<void> checkCommand(Session& session);

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

Result<void> todayCommand(Session& session, const ReportFlags& flags) {
  TodayQuery query;
  query.zone = session.zone();
  query.owner = flags.owner;
  if (flags.limit) {
    NEXTSTEP_TRY(auto limit, parseCount("--limit", *flags.limit, 1, 10000));
    query.limit = limit;
  }
  NEXTSTEP_TRY(auto store, session.store(DatabaseUse::kRead));
  NEXTSTEP_TRY(auto day, today(*store, query));
  emit(session, TodayPage{day});
  return {};
}

Result<void> healthCommand(Session& session, const ReportFlags& flags) {
  HealthQuery query;
  query.zone = session.zone();
  query.owner = flags.owner;
  if (flags.limit) {
    NEXTSTEP_TRY(auto limit, parseCount("--limit", *flags.limit, 0, 10000));
    query.limit = limit;
  }
  NEXTSTEP_TRY(auto store, session.store(DatabaseUse::kRead));
  NEXTSTEP_TRY(auto health, pipelineHealth(*store, query));
  NEXTSTEP_TRY(auto settings, teamSettings(*store));
  emit(session, HealthReport{std::move(health), session.today(), query.zone.name(),
                             query.rate_window_days, settings.cadence_days});
  return {};
}

Result<void> searchCommand(Session& session, const SearchFlags& flags) {
  std::string query;
  for (const std::string& word : flags.words) query += (query.empty() ? "" : " ") + word;
  if (ftsQuery(query).empty()) return Error::invalid("type a word to search for");
  int limit = 20;
  if (flags.limit) {
    NEXTSTEP_TRY(auto n, parseCount("--limit", *flags.limit, 1, 500));
    limit = n;
  }
  NEXTSTEP_TRY(auto store, session.store(DatabaseUse::kRead));
  NEXTSTEP_TRY(auto hits, search(*store, query, limit));
  emit(session, SearchResults{query, hits});
  return {};
}

Result<void> checkCommand(Session& session) {
  NEXTSTEP_TRY(auto store, session.store(DatabaseUse::kRead));
  if (auto ok = store->checkIntegrity(); !ok) {
    return Error{ok.error().code, store->path() + " is damaged: " + firstProblem(ok.error())};
  }
  NEXTSTEP_TRY(auto pending, store->pendingChanges());
  emit(session, Integrity{store->path(), store->schemaVersion(), pending});
  return {};
}

// The flags of this group's commands, filled by the parser.
struct ReportCommandFlags {
  ReportFlags report;
  SearchFlags search;
};

}  // namespace

void registerReportCommands(CommandTree& tree) {
  ReportCommandFlags& f = tree.keep<ReportCommandFlags>();
  CLI::App* today = tree.leaf("today", "The rep's day: meetings, follow-ups, what is missing",
                              [&f](Session& s) { return todayCommand(s, f.report); });
  flag(today, "--owner", f.report.owner, "One rep's deals (default: everyone's)", "OWNER");
  flag(today, "--limit", f.report.limit, "At most N items per list (default 50)", "N");

  CLI::App* health = tree.leaf("health", "Pipeline health: what is wrong, and the three rates",
                               [&f](Session& s) { return healthCommand(s, f.report); });
  flag(health, "--owner", f.report.owner, "One rep's deals (default: everyone's)", "OWNER");
  flag(health, "--limit", f.report.limit, "At most N items per problem (default 20)", "N");

  CLI::App* search = tree.leaf("search", "Search deals, accounts, contacts and notes",
                               [&f](Session& s) { return searchCommand(s, f.search); });
  flag(search, "query", f.search.words, "Words; each matches the start of a word", "WORD")
      ->required();
  flag(search, "--limit", f.search.limit, "At most N hits (default 20)", "N");

  tree.leaf("check", "Check the database file's integrity",
            [](Session& s) { return checkCommand(s); });
}

}  // namespace nextstep::cli
