// Generic reads and writes of a record's row and clocks, driven by the catalog. The local write
// path (Mutation) and the merge of remote changes both go through these, so both write rows the
// same way.
#pragma once

#include <optional>
#include <string_view>

#include "nextstep/storage/catalog.h"
#include "nextstep/storage/database.h"
#include "nextstep/storage/op.h"

namespace nextstep::records {

bool exists(Database& db, const RecordSpec& spec, std::string_view id);
std::optional<bool> isDeleted(Database& db, const RecordSpec& spec, std::string_view id);
void insertRow(Database& db, const RecordSpec& spec, std::string_view id, const Fields& fields,
               const Stamp& created);
// Returns false when no such record exists.
bool updateRow(Database& db, const RecordSpec& spec, std::string_view id, const Fields& fields);
bool setDeleted(Database& db, const RecordSpec& spec, std::string_view id, bool deleted);
Value fieldValue(Database& db, const RecordSpec& spec, std::string_view id, std::string_view field);
// The current values of every field of a register (or of one plain field).
Fields keyValues(Database& db, const RecordSpec& spec, std::string_view id, std::string_view key);
// The same as one value, as clocks' writes and conflicts hold it: a register as one JSON object
// of its fields, a plain field (or "deleted") as its value.
Value keyValue(Database& db, const RecordSpec& spec, std::string_view id, std::string_view key);

struct Clock {
  Stamp stamp;
  Stamp base;
};
// The clock of a key whose local write the rep dropped: it loses to every write of the team,
// and without a conflict, as if nothing had been written here.
inline constexpr Stamp kForgottenStamp{0, 1};
// The clock of a field or register; a record's created_stamp when it was never written since.
std::optional<Clock> clockOf(Database& db, const RecordSpec& spec, std::string_view id,
                             std::string_view key);
// Also closes the open conflicts the write makes stale (core/src/storage/conflict_settling.h), so a
// local edit and a merged one settle them alike.
void setClock(Database& db, const RecordSpec& spec, std::string_view id, std::string_view key,
              const Stamp& stamp, const Stamp& base);

// What merging one remote write into a key needs to know of its record, in two reads.
struct MergeState {
  Clock key;      // as clockOf(key)
  Clock deleted;  // as clockOf("deleted")
  bool is_deleted = false;
};
// nullopt when the record is not here.
std::optional<MergeState> mergeState(Database& db, const RecordSpec& spec, std::string_view id,
                                     std::string_view key);

// The add-wins set of a record (meeting attendees).
struct Member {
  Stamp add_stamp;
  Stamp removed_upto;
};
std::optional<Member> member(Database& db, const RecordSpec& spec, std::string_view id,
                             std::string_view member_id);
// Also closes the open conflicts of the member the new state settles.
void putMember(Database& db, const RecordSpec& spec, std::string_view id,
               std::string_view member_id, const Member& m);

void bindStamp(Statement& s, int index, const Stamp& stamp);
Stamp columnStamp(const Statement& s, int col);

}  // namespace nextstep::records
