// meeting book | show | reschedule | cancel | plan | suggest | close
#pragma once

#include "command_tree_fwd.h"

namespace nextstep::cli {

// Adds this group's commands to the command line.
void registerMeetingCommands(CommandTree& tree);

}  // namespace nextstep::cli
