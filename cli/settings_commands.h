// settings show | set: the team's touch cadence (rule 8) and ladder of stages (rule 11).
#pragma once

#include "command_tree_fwd.h"

namespace nextstep::cli {

// Adds settings show | set to the command line.
void registerSettingsCommands(CommandTree& tree);

}  // namespace nextstep::cli
