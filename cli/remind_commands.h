// remind: the reminders due now as desktop notifications (once per device), or listed.
#pragma once

namespace nextstep::cli {

class CommandTree;

// Adds remind to the command line.
void registerRemindCommand(CommandTree& tree);

}  // namespace nextstep::cli
