// The team's shared settings (rule 8's cadence, rule 11's ladder): a synced record with id "team".
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "nextstep/model/model.h"
#include "nextstep/storage/database.h"
#include "nextstep/storage/store.h"

namespace nextstep {

TeamSettings loadTeamSettings(Database& db);  // defaults when never set
Result<TeamSettings> teamSettings(Store& store);

struct TeamSettingsChange {
  std::optional<std::vector<std::string>> stages;
  std::optional<int> cadence_days;
  std::optional<WorkingDays> working_days;
};
Result<TeamSettings> changeTeamSettings(Store& store, const TeamSettingsChange& change);

}  // namespace nextstep
