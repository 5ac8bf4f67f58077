// account add | list | show | set, and finding an account by id or name.
#pragma once

#include <string>
#include <string_view>

#include "command_tree_fwd.h"
#include "nextstep/model/result.h"
#include "nextstep/storage/store.h"

namespace nextstep::cli {

// An account's full id from its id, an id prefix, or its name (any case).
Result<std::string> findAccount(Store& store, std::string_view id_or_name);

// Adds this group's commands to the command line.
void registerAccountCommands(CommandTree& tree);

}  // namespace nextstep::cli
