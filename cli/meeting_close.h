// meeting close: the call's outcome, the customer's temperature and who does what (rules 2 to 6).
#pragma once

#include "command_tree_fwd.h"

namespace nextstep::cli {

// Adds "close" to the meeting group.
void registerMeetingClose(CommandTree& tree, CLI::App* meeting_group);

}  // namespace nextstep::cli
