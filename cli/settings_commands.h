// settings show | set: the team's touch cadence (rule 8) and ladder of stages (rule 11).
#pragma once

#include <optional>
#include <string>

#include "nextstep/model/result.h"
#include "session.h"

namespace nextstep::cli {

struct SettingsSetFlags {
  std::optional<std::string> cadence_days;
  std::optional<std::string> stages;        // a,b,c lowest rung first
  std::optional<std::string> working_days;  // mon-fri
};

Result<void> showSettingsCommand(Session& session);
Result<void> setSettingsCommand(Session& session, const SettingsSetFlags& flags);

}  // namespace nextstep::cli
