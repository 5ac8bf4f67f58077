// meeting book | show | reschedule | cancel | plan | suggest | close
#pragma once

namespace nextstep::cli {

class CommandTree;

// Adds this group's commands to the command line.
void registerMeetingCommands(CommandTree& tree);

}  // namespace nextstep::cli
