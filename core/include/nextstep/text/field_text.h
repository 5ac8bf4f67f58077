// Values as people read them, for the CLI's text and the conflict review: money with its
// currency, an instant on the clocks of a zone, yes/no, a referenced record by a short id.
#pragma once

#include <string>
#include <string_view>

#include "nextstep/model/conflict_kind.h"
#include "nextstep/model/model.h"
#include "nextstep/model/value.h"
#include "nextstep/storage/catalog.h"
#include "nextstep/text/money_text.h"
#include "nextstep/time/civil_time.h"

namespace nextstep {

// A record's field or register as stored in a clock or a conflict ("value" holds value_minor and
// currency as one JSON register): every field of it by its type, joined with ", ".
std::string describeFieldValue(RecordType type, std::string_view key, const Value& v,
                               const TimeZone& zone);

// A conflict's kind as the review names it ("Edited on two devices").
std::string_view describeConflictKind(ConflictKind kind);

}  // namespace nextstep
