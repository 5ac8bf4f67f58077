// import csv | export csv | export json | backup | restore: the pipeline in and out.
#pragma once

#include "command_tree_fwd.h"

namespace nextstep::cli {

// Adds export, import, backup and restore to the command line.
void registerDataCommands(CommandTree& tree);

}  // namespace nextstep::cli
