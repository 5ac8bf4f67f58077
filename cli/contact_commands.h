// contact add | list | show | set
#pragma once

#include "command_tree_fwd.h"

namespace nextstep::cli {

// Adds this group's commands to the command line.
void registerContactCommands(CommandTree& tree);

}  // namespace nextstep::cli
