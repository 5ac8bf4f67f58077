// deal add | list | show | set | delete | restore
#pragma once

namespace nextstep::cli {

class CommandTree;

// Adds this group's commands to the command line.
void registerDealCommands(CommandTree& tree);

}  // namespace nextstep::cli
