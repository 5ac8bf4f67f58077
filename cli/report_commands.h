// today, health, search, check: reading the pipeline as a rep and as a team.
#pragma once

#include "command_tree_fwd.h"

namespace nextstep::cli {

// Adds today, health, search and check to the command line.
void registerReportCommands(CommandTree& tree);

}  // namespace nextstep::cli
