// note add, touch add (rule 8: never go quiet).
#pragma once

#include "command_tree_fwd.h"

namespace nextstep::cli {

// Adds this group's commands to the command line.
void registerNoteAndTouchCommands(CommandTree& tree);

}  // namespace nextstep::cli
