// remind: the reminders due now as desktop notifications (once per device), or listed.
#pragma once

#include "command_tree_fwd.h"

namespace nextstep::cli {

// Adds remind to the command line.
void registerRemindCommand(CommandTree& tree);

}  // namespace nextstep::cli
