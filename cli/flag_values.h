// Values typed on the command line, turned into the core's types. Every failure is a usage error
// (ErrorCode::kInvalidArgument) whose message names the flag, so nothing is written before all of
// a command's flags have been read.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "nextstep/meetings/call_close.h"
#include "nextstep/model/enums.h"
#include "nextstep/model/result.h"
#include "nextstep/time/civil_time.h"

namespace nextstep::cli {

// "12000.50" -> 1200050: digits with up to two decimals; "_" may group digits.
Result<std::int64_t> parseAmount(std::string_view flag, std::string_view text);
// "eur" -> "EUR"; three letters.
Result<std::string> parseCurrency(std::string_view flag, std::string_view text);
// "45m", "1h", "1h30m", "90" (minutes), "90min".
Result<int> parseDuration(std::string_view flag, std::string_view text);
// The same forms, 0 allowed: the time between two meetings.
Result<int> parseGap(std::string_view flag, std::string_view text);
// YYYY-MM-DD, or "today", "tomorrow", "+3d", "+2w" counted from `today`.
Result<CivilDate> parseDate(std::string_view flag, std::string_view text, const CivilDate& today);
// YYYY-MM-DDTHH:MM, a wall-clock time in some zone.
Result<CivilDateTime> parseLocalTime(std::string_view flag, std::string_view text);
// An instant: ...Z or ...+01:00, or a wall-clock time YYYY-MM-DDTHH:MM in `zone`.
Result<Instant> parseInstant(std::string_view flag, std::string_view text, const TimeZone& zone);
Result<TimeZone> parseZone(std::string_view flag, std::string_view text);
Result<int> parseCount(std::string_view flag, std::string_view text, int min, int max);
// More records than any list holds: a list asked for "all" reads this many.
inline constexpr int kEveryRecord = 1000000;
// A list's --limit: absent gives `fallback`, 0 gives every record.
Result<int> parseListLimit(const std::optional<std::string>& text, int fallback);
// "a,b, c" -> {"a", "b", "c"}
std::vector<std::string> splitList(std::string_view text);

template <typename E>
Result<E> parseChoice(std::string_view flag, std::string_view text) {
  if (auto e = parseEnum<E>(text)) return *e;
  return Error::invalid(std::string(flag) + ": '" + std::string(text) + "' is not one of " +
                        choicesOf<E>());
}

// CONTACT:READY[:MOST INTERESTING[:TO CLARIFY]], READY being yes, no or unsure.
Result<TemperatureAnswer> parseTemperature(std::string_view flag, std::string_view text);
// TEXT[@DATE]: the part after the last '@' is the due date when it reads as one.
Result<ActionAnswer> parseActionAnswer(std::string_view flag, std::string_view text,
                                       ActionOwner owner, const CivilDate& today);

}  // namespace nextstep::cli
