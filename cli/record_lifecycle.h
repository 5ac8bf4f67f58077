// Deleting and restoring deals, accounts, contacts and meetings: a deleted record is hidden, not
// gone, until it is restored.
#pragma once

#include <string>

#include "command_tree_fwd.h"
#include "nextstep/storage/catalog.h"

namespace nextstep::cli {

// Adds "delete" and "restore" to a record's group: `a_record` is "a deal", `id_help` says what
// the id may be ("Deal id or unique prefix").
void registerDeleteAndRestore(CommandTree& tree, CLI::App* group, RecordType type,
                              const std::string& a_record, const std::string& id_help);

}  // namespace nextstep::cli
