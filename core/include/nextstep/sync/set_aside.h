// Changes of this device that the server will never accept as they are (a field it refuses, a
// clock far ahead): kept aside, listed for the rep, and resent or dropped by them.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "nextstep/storage/op.h"
#include "nextstep/storage/store.h"

namespace nextstep::sync {

struct SetAsideChange {
  std::int64_t id = 0;  // the change's number on this device
  RecordType type = RecordType::kDeal;
  std::string record_id;
  std::string record_title;
  OpKind kind = OpKind::kSet;
  std::string key;
  Value value;
  std::string reason;  // the server's words
  Instant set_aside_at{};
};

class SetAsideChanges {
 public:
  explicit SetAsideChanges(Store& store) : store_(store) {}

  // Newest first; a sync that leaves any never says "up to date".
  Result<std::vector<SetAsideChange>> list(int limit = 200);
  Result<std::int64_t> count();
  // Sends the change again, as a new change under a fresh stamp.
  Result<void> resend(std::int64_t id);
  // Forgets the change; the device reads the team's log again at the next sync, so the record
  // takes the team's value back.
  Result<void> drop(std::int64_t id);

 private:
  Store& store_;
};

}  // namespace nextstep::sync
