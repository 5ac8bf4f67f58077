// export ics | recap: what the customer's side receives (rules 1 and 7).
#pragma once

#include "command_tree_fwd.h"

namespace nextstep::cli {

// Adds "ics" to the export group, and recap, to the command line.
void registerInvitationExport(CommandTree& tree, CLI::App* export_group);
void registerRecapCommand(CommandTree& tree);

}  // namespace nextstep::cli
