// export ics | recap: what the customer's side receives (rules 1 and 7).
#pragma once

namespace CLI {
class App;
}  // namespace CLI

namespace nextstep::cli {

class CommandTree;

// Adds "ics" to the export group, and recap, to the command line.
void registerInvitationExport(CommandTree& tree, CLI::App* export_group);
void registerRecapCommand(CommandTree& tree);

}  // namespace nextstep::cli
