// Merges remote operations into the device's tables, one at a time, inside the caller's
// transaction: the register merge (merge.h), conflicts archived, operations whose record or
// parents have not arrived parked and retried.
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

#include "nextstep/model/stamp.h"
#include "nextstep/storage/database.h"
#include "nextstep/storage/record_rows.h"
#include "nextstep/sync/replica.h"
#include "nextstep/time/civil_time.h"

namespace nextstep::sync {

class RemoteApplier {
 public:
  RemoteApplier(Database& db, HybridClock& clock, DeviceId self, Instant now)
      : db_(db), clock_(clock), self_(self), now_(now) {}

  void apply(const RemoteOp& r);

  // Parked operations whose record or parents have arrived since; one pass, in log order.
  void retryParked();

  ApplyStats stats;

 private:
  [[noreturn]] static void unreadable(const RemoteOp& r, const std::string& what);

  static RemoteOp readParked(const Statement& s);

  void park(const RemoteOp& r);

  // A reference to a record this device has not received yet cannot be written (foreign keys).
  // Parents usually arrive in the same page just before their children: remember what exists.
  bool missingParent(const Fields& fields);

  void rememberAuthor(DeviceId device, const std::string& author);

  std::string authorOf(DeviceId device);

  void archive(const RecordSpec& spec, const std::string& id, std::string_view key,
               std::string_view kind, const Value& kept, const Stamp& keptStamp,
               const std::string& keptAuthor, const Value& lost, const Stamp& lostStamp,
               const std::string& lostAuthor);

  void applyCreate(const RecordSpec& spec, const RemoteOp& r);

  void applyKey(const RecordSpec& spec, const RemoteOp& r);

  Fields currentValues(const RecordSpec& spec, const std::string& id, std::string_view key);

  void mergeKey(const RecordSpec& spec, const RemoteOp& r, std::string_view key,
                const Fields& values, const Stamp& base, records::MergeState state);

  // Delete wins for visibility; an edit made without knowing of the delete stays in the row and
  // is listed, so the record can be restored with it.
  void noteEditsAgainstDelete(const RecordSpec& spec, const RemoteOp& r, std::string_view key,
                              const Value& incomingValue, const records::MergeState& state);

  void applyMember(const RecordSpec& spec, const RemoteOp& r);

  Database& db_;
  HybridClock& clock_;
  DeviceId self_;
  Instant now_;
  // By type and id: an id of another type is no parent (a deal naming a meeting as its account
  // must be parked, not written; found by fuzzing).
  static std::string knownKey(RecordType type, std::string_view id);
  std::unordered_set<std::string> known_;  // records that exist here
  std::unordered_map<DeviceId, std::string> authors_;
};

}  // namespace nextstep::sync
