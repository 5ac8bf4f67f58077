// Generic reads and writes of a record's row and clocks, driven by the catalog. The local write
// path (Mutation) and the merge of remote changes both go through these, so both write rows the
// same way.
#pragma once

#include <functional>
#include <map>
#include <optional>
#include <span>
#include <string>
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
// The same for a row known by its rid: no seek in the id's index (random UUIDs).
void updateRowAt(Database& db, const RecordSpec& spec, std::int64_t rid, const Fields& fields);
void setDeletedAt(Database& db, const RecordSpec& spec, std::int64_t rid, bool deleted);
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

// Writes clocks as they are, settling no conflicts: for a caller that settles them itself. Many
// rows to a statement.
struct ClockWrite {
  RecordType type = RecordType::kDeal;
  std::string_view record_id;
  std::string_view key;
  Clock clock;
};
void putClocks(Database& db, std::span<const ClockWrite> writes);

// What merging remote writes into a record needs to know of it.
struct RecordState {
  bool exists = false;  // the row is here
  std::int64_t rid = 0;
  bool is_deleted = false;
  bool open_conflicts = false;  // a write of one of its keys may settle some
  Stamp created;                // the row's created_stamp: the clock of keys not in `clocks`
  std::map<std::string, Clock, std::less<>> clocks;  // the keys written since it was created
};
// The states of the records `ids` name (each given once), a few statements for many ids
// rather than two for each: remote changes arrive in pages of thousands.
std::map<std::string, RecordState, std::less<>> recordStates(Database& db, const RecordSpec& spec,
                                                             std::span<const std::string> ids);
// A key's clock in a record read by recordStates: its own, or the creation's (as clockOf above).
Clock clockOf(const RecordState& record, std::string_view key);

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
// An operation as the outbox and the set-aside table keep it: the columns type, record_id, kind,
// key, value, stamp and base, from `first` on. Its seq is the caller's.
Op columnOp(const Statement& s, int first);

}  // namespace nextstep::records
