// login, sync, conflicts: this device and the team's sync server.
#pragma once

namespace nextstep::cli {

class CommandTree;

// Adds this group's commands to the command line.
void registerSyncCommands(CommandTree& tree);

}  // namespace nextstep::cli
