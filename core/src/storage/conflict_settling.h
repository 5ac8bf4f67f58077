// An open conflict shows the value its field kept. Once a newer write reaches that field (here or
// from the team), what the entry shows is stale: it closes, saying what the write did to it. Every
// device applies the same writes, so every device closes the same entries; this is how a Keep or a
// Restore on one device leaves the list on all of them (see docs/sync.md, "Conflicts").
#pragma once

#include <string_view>

#include "nextstep/storage/catalog.h"
#include "nextstep/storage/database.h"
#include "nextstep/storage/record_rows.h"

namespace nextstep::records {

// After `key` of the record took a write stamped `stamp` (its row already holds the new value).
void settleConflicts(Database& db, const RecordSpec& spec, std::string_view id,
                     std::string_view key, const Stamp& stamp);
// After a member of the record's set took the state `m`.
void settleMemberConflicts(Database& db, const RecordSpec& spec, std::string_view id,
                           std::string_view member_id, const Member& m);

}  // namespace nextstep::records
