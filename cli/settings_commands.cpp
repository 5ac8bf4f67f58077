#include "settings_commands.h"

#include "flag_values.h"
#include "nextstep/pipeline/team_settings.h"

namespace nextstep::cli {

Result<void> showSettingsCommand(Session& session) {
  auto store = session.store(DatabaseUse::kRead);
  if (!store) return store.error();
  auto settings = teamSettings(**store);
  if (!settings) return settings.error();
  session.printer().settings(*settings);
  return {};
}

Result<void> setSettingsCommand(Session& session, const SettingsSetFlags& flags) {
  TeamSettingsChange change;
  if (flags.cadence_days) {
    auto days = parseCount("--cadence-days", *flags.cadence_days, 1, 365);
    if (!days) return days.error();
    change.cadence_days = *days;
  }
  if (flags.stages) {
    change.stages = splitList(*flags.stages);
    for (const std::string& stage : *change.stages) {
      if (stage.empty()) {
        return Error::invalid("--stages: '" + *flags.stages +
                              "' has an empty stage (expected names like lead,qualified,proposal)");
      }
    }
  }
  if (flags.working_days) {
    auto days = WorkingDays::parse(*flags.working_days);
    if (!days) return Error::invalid("--working-days: " + days.error().message);
    change.working_days = *days;
  }
  if (!flags.cadence_days && !flags.stages && !flags.working_days) {
    return Error::invalid("nothing to change: give --cadence-days, --stages or --working-days");
  }
  auto store = session.store(DatabaseUse::kCreate);
  if (!store) return store.error();
  auto settings = changeTeamSettings(**store, change);
  if (!settings) return settings.error();
  session.printer().settings(*settings);
  return {};
}

}  // namespace nextstep::cli
