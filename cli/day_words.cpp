#include "day_words.h"

#include <cstdio>

namespace nextstep::cli {

std::string DayWords::when(Instant t) const {
  return formatInZone(t, zone_) + relative(zone_.toLocal(t).date);
}

std::string DayWords::plainDay(const CivilDate& d) {
  static const char* kDays[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
  static const char* kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                  "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  char buf[32];
  std::snprintf(buf, sizeof buf, "%s %u %s %d", kDays[d.weekday()], d.day, kMonths[d.month - 1],
                d.year);
  return buf;
}

std::string DayWords::relative(const CivilDate& d) const {
  const std::int64_t days = d.daysSinceEpoch() - today_.daysSinceEpoch();
  if (days == 0) return " (today)";
  if (days == 1) return " (tomorrow)";
  if (days == -1) return " (yesterday)";
  if (days > 0) return " (in " + std::to_string(days) + " days)";
  return " (" + std::to_string(-days) + " days ago)";
}

std::string DayWords::bookedZone(Instant t, const std::string& tz) const {
  auto zone = TimeZone::find(tz);
  if (!zone || zone->name() == zone_.name()) return {};
  return "; " + formatInZone(t, *zone) + " in " + tz;
}

}  // namespace nextstep::cli
