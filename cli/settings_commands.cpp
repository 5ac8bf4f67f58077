#include "settings_commands.h"

#include <optional>
#include <string>

#include "change_output.h"
#include "command_tree.h"
#include "flag_values.h"
#include "nextstep/model/result.h"
#include "nextstep/model/result_try.h"
#include "nextstep/pipeline/team_settings.h"
#include "report_output.h"
#include "session.h"

namespace nextstep::cli {
namespace {

struct SettingsSetFlags {
  std::optional<std::string> cadence_days;
  std::optional<std::string> stages;        // a,b,c lowest rung first
  std::optional<std::string> working_days;  // mon-fri
};

Result<void> showSettingsCommand(Session& session);
Result<void> setSettingsCommand(Session& session, const SettingsSetFlags& flags);

Result<void> showSettingsCommand(Session& session) {
  NEXTSTEP_TRY(auto store, session.store(DatabaseUse::kRead));
  NEXTSTEP_TRY(auto settings, teamSettings(*store));
  emit(session, SettingsPage{settings});
  return {};
}

Result<void> setSettingsCommand(Session& session, const SettingsSetFlags& flags) {
  TeamSettingsChange change;
  if (flags.cadence_days) {
    NEXTSTEP_TRY(auto days, parseCount("--cadence-days", *flags.cadence_days, 1, 365));
    change.cadence_days = days;
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
  NEXTSTEP_TRY(auto store, session.store(DatabaseUse::kCreate));
  NEXTSTEP_TRY(auto settings, changeTeamSettings(*store, change));
  emit(session, SettingsPage{settings});
  return {};
}

}  // namespace

void registerSettingsCommands(CommandTree& tree) {
  SettingsSetFlags& f = tree.keep<SettingsSetFlags>();
  CLI::App* settings = tree.group("settings", "The team's ladder of stages and touch cadence");
  tree.leaf(settings, "show", "Show the settings",
            [](Session& s) { return showSettingsCommand(s); });
  CLI::App* set = tree.leaf(settings, "set", "Change the settings",
                            [&f](Session& s) { return setSettingsCommand(s, f); });
  flag(set, "--cadence-days", f.cadence_days, "Touch every customer every N days", "N");
  flag(set, "--stages", f.stages, "The ladder, lowest rung first", "a,b,c");
  flag(set, "--working-days", f.working_days, "The days suggested slots fall on (default mon-fri)",
       "mon-fri");
}

}  // namespace nextstep::cli
