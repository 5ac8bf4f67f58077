// event add | list | participant | show | book (rule 10: after the big event, step 2).
#pragma once

namespace nextstep::cli {

class CommandTree;

// Adds this group's commands to the command line.
void registerEventCommands(CommandTree& tree);

}  // namespace nextstep::cli
