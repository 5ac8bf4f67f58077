// The merge's view of the device's database: records as rows, a clock per key in `clocks` (read
// and written for a page at a time through TouchedRecords), conflicts in `conflicts`, writers'
// names remembered per device.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <unordered_map>
#include <utility>

#include "nextstep/storage/database.h"
#include "nextstep/storage/record_rows.h"
#include "nextstep/sync/merge/merge_state.h"
#include "nextstep/time/civil_time.h"
#include "touched_records.h"

namespace nextstep::sync {

class DeviceMergeState : public MergeState {
 public:
  DeviceMergeState(Database& db, DeviceId self, Instant now)
      : db_(db), self_(self), now_(now), touched_(db) {}

  void rememberAuthor(DeviceId device, const std::string& author);
  // The records about to be merged, read together; what they are merged into is written back by
  // flush().
  void expect(std::span<const RecordKey> records) { touched_.expect(records); }
  void flush() { touched_.flush(); }

  int archived = 0;  // conflicts new to this device

  bool exists(const RecordSpec& spec, std::string_view id) override;
  void insert(const RecordSpec& spec, std::string_view id, const Fields& fields,
              const IncomingWrite& write) override;
  std::optional<RegisterClock> clock(const RegisterRef& ref) override;
  Value value(const RegisterRef& ref) override;
  Value valueOf(const RegisterRef& ref, const Fields& fields) override;
  std::string writer(const RegisterRef& ref, const Stamp& stamp) override;
  void write(const RegisterRef& ref, const Fields& fields, const Value& value,
             const IncomingWrite& write) override;
  void archive(const Conflict& conflict) override;
  std::optional<RegisterClock> deletion(const RecordSpec& spec, std::string_view id) override;
  std::vector<std::pair<std::string, Stamp>> keysWrittenAfter(const RecordSpec& spec,
                                                              std::string_view id,
                                                              const Stamp& deleted) override;
  HeldMember member(const MemberRef& ref, const Stamp& base) override;
  void writeMember(const MemberRef& ref, const HeldMember& held) override;

 private:
  std::string authorOf(DeviceId device);

  Database& db_;
  DeviceId self_;
  Instant now_;
  std::unordered_map<DeviceId, std::string> authors_;
  TouchedRecords touched_;
};

}  // namespace nextstep::sync
