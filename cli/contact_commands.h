// contact add | list | show | set
#pragma once

namespace nextstep::cli {

class CommandTree;

// Adds this group's commands to the command line.
void registerContactCommands(CommandTree& tree);

}  // namespace nextstep::cli
