// The values of CRM exports in our types: amounts in any of the usual notations, dates and times
// in the forms the three CRMs write, stages onto the team's ladder, activity types onto touches.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "nextstep/model/enums.h"
#include "nextstep/model/model.h"
#include "nextstep/model/result.h"
#include "nextstep/time/civil_time.h"

namespace nextstep::data {

struct Amount {
  std::int64_t minor = 0;
  std::optional<std::string> currency;  // a code or symbol written with the amount
};

// "12000", "12,000.50", "12.000,50", "1 234,5", "$12,000", "EUR 12000", "12000 €". The last of '.'
// and ',' is the decimal separator when both appear; a lone ',' followed by one or two digits is
// one. More than two decimals are rounded to cents. Negative amounts are refused.
Result<Amount> parseAmount(std::string_view text);

// YYYY-MM-DD, YYYY-MM-DD HH:MM[:SS], ISO 8601 with T and Z or an offset, MM/DD/YYYY (DD/MM/YYYY
// when the first number is above 12), DD.MM.YYYY, each optionally with a time (12-hour with
// AM/PM too). Times without an offset are on the clocks of `zone`; a date alone is noon there.
Result<Instant> parseWhen(std::string_view text, const TimeZone& zone);

// true/false, yes/no, 1/0, x, completed/done/closed, not started/open/pending.
std::optional<bool> parseFlag(std::string_view text);

struct StageChoice {
  std::string stage;
  std::optional<DealStatus> status;  // a stage like "Closed Won" decides the status too
  std::string note;                  // set when the stage had to be guessed
};

// A CRM stage onto the team's ladder: the rung of the same name, else the rung a CRM's default
// stage corresponds to (docs/import.md), else the first rung with a note.
StageChoice mapStage(std::string_view crm_stage, const TeamSettings& ladder);

// "Call", "Email", "Meeting", "Visit", ... as a touch kind (other when unknown).
TouchKind touchKindOf(std::string_view activity_type);

std::string trim(std::string_view s);

}  // namespace nextstep::data
