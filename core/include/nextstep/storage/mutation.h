// The one path every local write takes: it changes the record's row and, in the same
// transaction, appends the change to the outbox as stamped field operations.
#pragma once

#include <string_view>

#include "nextstep/model/stamp.h"
#include "nextstep/storage/database.h"
#include "nextstep/storage/op.h"

namespace nextstep {

class Mutation {
 public:
  Mutation(Database& db, HybridClock& clock, DeviceId device)
      : db_(db), clock_(clock), device_(device) {}

  void create(RecordType type, std::string_view id, const Fields& fields);
  // Changes the given fields; a register is written whole, its other members keeping their
  // current values. Fields equal to their current value write nothing. Returns how many keys
  // changed. Throws kNotFound for an unknown or deleted record.
  int update(RecordType type, std::string_view id, const Fields& fields);
  void remove(RecordType type, std::string_view id);
  void restore(RecordType type, std::string_view id);
  void addMember(RecordType type, std::string_view id, std::string_view member);
  void removeMember(RecordType type, std::string_view id, std::string_view member);
  // Writes a key's current value again under a fresh stamp, based on the write it confirms: the
  // rep kept it over a value that lost, and the team's devices learn so (a newer write to the key
  // closes their entries of the same conflict). "deleted" confirms the delete or the restore.
  // Throws kNotFound for an unknown record, kFailedPrecondition for a field of a deleted one.
  void reaffirm(RecordType type, std::string_view id, std::string_view key);
  // The same for a member of the record's set that is there; nothing when it is not.
  void reaffirmMember(RecordType type, std::string_view id, std::string_view member);
  // Puts a change written before back in the outbox under a fresh stamp (one the server set
  // aside, sent again); every place that kept its old stamp follows.
  void resend(const Op& op);

  Database& db() { return db_; }
  int opsWritten() const { return ops_; }

 private:
  Stamp nextStamp() { return Stamp{clock_.now(), device_}; }
  void append(const RecordSpec& spec, std::string_view id, OpKind kind, std::string_view key,
              const Value& value, const Stamp& stamp, const Stamp& base);

  Database& db_;
  HybridClock& clock_;
  DeviceId device_;
  int ops_ = 0;
};

}  // namespace nextstep
