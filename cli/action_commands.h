// action add | show | done | reopen | kind: who does what, and whether the customer's part is
// commitment or compliance (rule 4).
#pragma once

#include "command_tree_fwd.h"

namespace nextstep::cli {

// Adds this group's commands to the command line.
void registerActionCommands(CommandTree& tree);

}  // namespace nextstep::cli
