// How a day and a time read in the text output, on the clocks of the --tz zone and counted from
// today there: "Thu 10 Dec 2026 (in 7 days)".
#pragma once

#include <string>

#include "nextstep/time/civil_time.h"

namespace nextstep::cli {

class DayWords {
 public:
  DayWords(const TimeZone& zone, Instant now) : zone_(zone), today_(zone.toLocal(now).date) {}

  const TimeZone& zone() const { return zone_; }

  // "Thu 3 Dec 2026 14:00 CET (in 7 days)"
  std::string when(Instant t) const;
  // "Thu 10 Dec 2026 (in 7 days)"
  std::string dayOf(Instant t) const { return dayOf(zone_.toLocal(t).date); }
  std::string dayOf(const CivilDate& d) const { return plainDay(d) + relative(d); }
  // "Thu 10 Dec 2026"
  static std::string plainDay(const CivilDate& d);
  // " (today)", " (in 7 days)", " (2 days ago)"
  std::string relative(const CivilDate& d) const;
  // "; Thu 3 Dec 2026 14:00 CET in Europe/Berlin" when `tz` is not the --tz zone, else "".
  std::string bookedZone(Instant t, const std::string& tz) const;

 private:
  TimeZone zone_;
  CivilDate today_;
};

}  // namespace nextstep::cli
