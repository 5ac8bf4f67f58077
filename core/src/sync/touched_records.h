// The records a page of remote operations touches, as the merge sees them: read together before
// the page is merged (records::recordStates), kept while it is, and the clocks it wrote handed
// back in key order at its end. A page of 8,000 operations then reads its records in a few
// statements per type instead of two per operation, as the server's PushBatch does.
#pragma once

#include <map>
#include <set>
#include <span>
#include <string>
#include <string_view>
#include <utility>

#include "nextstep/storage/database.h"
#include "nextstep/storage/op.h"
#include "nextstep/storage/record_rows.h"

namespace nextstep::sync {

class TouchedRecords {
 public:
  explicit TouchedRecords(Database& db) : db_(db) {}

  // Reads the records not read yet: one pass per type.
  void expect(std::span<const RecordKey> records);
  // The record's state; read on its own when it was not expected (a parked operation's).
  records::RecordState& at(const RecordSpec& spec, std::string_view id);
  void setClock(const RecordSpec& spec, std::string_view id, std::string_view key,
                const records::Clock& clock);
  // Writes the clocks set since the last flush.
  void flush();

 private:
  Database& db_;
  std::map<RecordKey, records::RecordState> records_;
  std::pair<const RecordKey, records::RecordState>* last_ = nullptr;  // into records_
  std::set<std::pair<RecordKey, std::string>> written_;  // keys whose clocks flush() writes
};

}  // namespace nextstep::sync
