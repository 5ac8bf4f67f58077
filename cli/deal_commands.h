// deal add | list | show | set | delete | restore
#pragma once

#include "command_tree_fwd.h"

namespace nextstep::cli {

// Adds this group's commands to the command line.
void registerDealCommands(CommandTree& tree);

}  // namespace nextstep::cli
