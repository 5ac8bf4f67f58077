// today, health, search, check: reading the pipeline as a rep and as a team.
#pragma once

namespace nextstep::cli {

class CommandTree;

// Adds today, health, search and check to the command line.
void registerReportCommands(CommandTree& tree);

}  // namespace nextstep::cli
