// Rows into records: one column list and one reader per record type, shared by every query.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "nextstep/model/model.h"
#include "nextstep/storage/catalog.h"
#include "nextstep/storage/database.h"

namespace nextstep {

// Column lists, qualified with the given table alias.
std::string dealColumns(std::string_view alias);  // joins accounts as "acc" for the name
std::string meetingColumns(std::string_view alias);
std::string actionColumns(std::string_view alias);
std::string contactColumns(std::string_view alias);
std::string accountColumns(std::string_view alias);
std::string outcomeColumns(std::string_view alias);  // id is the meeting's

// Each reads its columns starting at `col`.
Deal readDeal(const Statement& s, int col = 0);
Meeting readMeeting(const Statement& s, int col = 0);  // without attendees
ActionItem readAction(const Statement& s, int col = 0);
Contact readContact(const Statement& s, int col = 0);
Account readAccount(const Statement& s, int col = 0);
Outcome readOutcome(const Statement& s, int col = 0);

// The first of a deal's live meetings that match `where` (SQL over alias m; ?2 is `t`), in
// `order`: the one place the next step, the previous and the latest meeting are read from.
std::optional<Meeting> meetingOfDeal(Database& db, std::string_view deal_id, std::string_view where,
                                     std::string_view order, Instant t);

std::vector<std::string> attendeesOf(Database& db, std::string_view meeting_id);
// The outcome logged for a meeting (a resolved id), if any.
std::optional<Outcome> outcomeOf(Database& db, std::string_view meeting_id);

// A full id from an id or a unique prefix of at least 4 characters; throws kNotFound or
// kAmbiguous. Deleted records are found only when asked for.
std::string resolveId(Database& db, RecordType type, std::string_view id_or_prefix,
                      bool include_deleted = false);

template <typename E>
E enumOr(std::string_view text, E fallback) {
  auto e = parseEnum<E>(text);
  return e ? *e : fallback;
}

}  // namespace nextstep
