// event add | list | participant | show | book (rule 10: after the big event, step 2).
#pragma once

#include "command_tree_fwd.h"

namespace nextstep::cli {

// Adds this group's commands to the command line.
void registerEventCommands(CommandTree& tree);

}  // namespace nextstep::cli
