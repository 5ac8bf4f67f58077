// today, health, search, check: reading the pipeline as a rep and as a team.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "nextstep/model/result.h"
#include "session.h"

namespace nextstep::cli {

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

}  // namespace nextstep::cli
