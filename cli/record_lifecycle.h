// Deleting and restoring deals, accounts, contacts and meetings: a deleted record is hidden, not
// gone, until it is restored.
#pragma once

#include <string>

#include "nextstep/model/result.h"
#include "nextstep/storage/catalog.h"
#include "session.h"

namespace nextstep::cli {

Result<void> deleteCommand(Session& session, RecordType type, const std::string& id);
Result<void> restoreCommand(Session& session, RecordType type, const std::string& id);

}  // namespace nextstep::cli
