// Values as people read them, for the CLI's text and the conflict review: money with its
// currency, an instant on the clocks of a zone, yes/no, a referenced record by a short id.
#pragma once

#include <string>
#include <string_view>

#include "nextstep/catalog.h"
#include "nextstep/civil_time.h"
#include "nextstep/model.h"
#include "nextstep/money_text.h"
#include "nextstep/value.h"

namespace nextstep {

// A record's field or register as stored in a clock or a conflict ("value" holds value_minor and
// currency as one JSON register): every field of it by its type, joined with ", ".
std::string describeFieldValue(RecordType type, std::string_view key, const Value& v,
                               const TimeZone& zone);

}  // namespace nextstep
