#include "touched_records.h"

#include <utility>
#include <vector>

namespace nextstep::sync {

void TouchedRecords::expect(std::span<const RecordKey> records) {
  std::map<RecordType, std::vector<std::string>> missing;
  for (const RecordKey& r : records) {
    // Inserted now so an id named twice is read once; filled in below.
    if (records_.try_emplace(r).second) missing[r.type].push_back(r.record_id);
  }
  for (auto& [type, ids] : missing) {
    for (auto& [id, state] : records::recordStates(db_, specOf(type), ids)) {
      records_[RecordKey{type, id}] = std::move(state);
    }
  }
}

records::RecordState& TouchedRecords::at(const RecordSpec& spec, std::string_view id) {
  // Asked several times of each operation's record: the last one stays at hand.
  if (last_ != nullptr && last_->first.type == spec.type && last_->first.record_id == id)
    return last_->second;
  RecordKey key{spec.type, std::string(id)};
  auto found = records_.find(key);
  if (found == records_.end()) {
    expect(std::span(&key, 1));
    found = records_.find(key);
  }
  last_ = &*found;
  return found->second;
}

void TouchedRecords::setClock(const RecordSpec& spec, std::string_view id, std::string_view key,
                              const records::Clock& clock) {
  at(spec, id).clocks.insert_or_assign(std::string(key), clock);
  written_.emplace(RecordKey{spec.type, std::string(id)}, std::string(key));
}

void TouchedRecords::flush() {
  std::vector<records::ClockWrite> writes;
  writes.reserve(written_.size());
  for (const auto& [record, key] : written_) {
    writes.push_back({record.type, record.record_id, key, records_.at(record).clocks.at(key)});
  }
  records::putClocks(db_, writes);
  written_.clear();
}

}  // namespace nextstep::sync
