// note add, touch add (rule 8: never go quiet).
#pragma once

namespace nextstep::cli {

class CommandTree;

// Adds this group's commands to the command line.
void registerNoteAndTouchCommands(CommandTree& tree);

}  // namespace nextstep::cli
