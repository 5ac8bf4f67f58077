// A write that lost to a concurrent one, as every replica archives it: what was kept, what was
// lost, and who wrote each. Kinds are named by model/conflict_kind.h (stored) and text/field_text.h
// (for people).
#pragma once

#include <string>

#include "nextstep/model/conflict_kind.h"
#include "nextstep/model/stamp.h"
#include "nextstep/storage/op.h"

namespace nextstep::sync {

struct Conflict {
  RecordType type = RecordType::kDeal;
  std::string record_id;
  std::string key;
  ConflictKind kind = ConflictKind::kOverwritten;
  Value kept_value;
  Stamp kept_stamp;
  std::string kept_author;
  Value lost_value;
  Stamp lost_stamp;
  std::string lost_author;
};

}  // namespace nextstep::sync
