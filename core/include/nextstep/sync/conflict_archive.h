// The conflict archive a rep reviews: what each concurrent write lost, restored or dismissed.
// The Merger fills it (sync/merge/); this is its reading and its two answers.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "nextstep/model/conflict_kind.h"
#include "nextstep/storage/op.h"
#include "nextstep/storage/store.h"

namespace nextstep::sync {

struct ConflictEntry {
  std::string id;
  RecordType type = RecordType::kDeal;
  std::string record_id;
  std::string record_title;  // the deal's title, the contact's name...
  std::string key;
  ConflictKind kind = ConflictKind::kOverwritten;
  Value kept_value;
  std::string kept_author;
  Instant kept_at{};
  Value lost_value;
  std::string lost_author;
  Instant lost_at{};
  Instant detected_at{};
  std::optional<std::string> resolution;
};

class ConflictArchive {
 public:
  explicit ConflictArchive(Store& store) : store_(store) {}

  Result<std::vector<ConflictEntry>> list(bool include_resolved = false, int limit = 200);
  // Writes the lost value back as a new local change (which then syncs); marks it restored.
  Result<void> restore(std::string_view conflict_id);
  Result<void> dismiss(std::string_view conflict_id);

 private:
  Store& store_;
};

}  // namespace nextstep::sync
