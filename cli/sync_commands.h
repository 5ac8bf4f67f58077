// login, sync, conflicts: this device and the team's sync server.
#pragma once

#include "command_tree_fwd.h"

namespace nextstep::cli {

// Adds this group's commands to the command line.
void registerSyncCommands(CommandTree& tree);

}  // namespace nextstep::cli
