// Instants and the IANA zones meetings are booked in. A meeting is stored as a UTC instant plus
// its zone, and shown in whatever zone the viewer's device is in.
#pragma once

#include <chrono>
#include <compare>
#include <cstdint>
#include <string>
#include <string_view>

#include "nextstep/model/result.h"

namespace nextstep {

using Instant = std::chrono::sys_seconds;

inline Instant instantFromUnix(std::int64_t s) { return Instant(std::chrono::seconds(s)); }
inline std::int64_t toUnix(Instant t) { return t.time_since_epoch().count(); }
Instant nowInstant();
// "2026-11-26T09:30:00Z"
std::string formatUtc(Instant t);
Result<Instant> parseUtc(std::string_view iso);  // accepts ...Z and ...+01:00 forms

struct CivilDate {
  int year = 1970;
  unsigned month = 1;
  unsigned day = 1;

  auto operator<=>(const CivilDate&) const = default;
  static Result<CivilDate> parse(std::string_view iso);  // YYYY-MM-DD, checked for a real day
  static CivilDate fromDays(std::int64_t days_since_epoch);
  std::int64_t daysSinceEpoch() const;
  CivilDate plusDays(std::int64_t days) const { return fromDays(daysSinceEpoch() + days); }
  unsigned weekday() const;  // 0 = Sunday
  std::string iso() const;
};

struct CivilDateTime {
  CivilDate date;
  int hour = 0;
  int minute = 0;

  auto operator<=>(const CivilDateTime&) const = default;
  static Result<CivilDateTime> parse(std::string_view iso);  // YYYY-MM-DDTHH:MM (or a space)
  std::string iso() const;                                   // YYYY-MM-DDTHH:MM
};

// One IANA zone from the system's time-zone database (Debian's tzdata).
class TimeZone {
 public:
  static Result<TimeZone> find(std::string_view name);
  // As find, and also what a rep types for a place: "new york", "Berlin", "sao paulo" (the city
  // part of a zone's name, any case, spaces for underscores).
  static Result<TimeZone> named(std::string_view text);
  // The device's zone: $TZ if it names a zone, else /etc/localtime, else UTC.
  static TimeZone local();
  static TimeZone utc();

  std::string name() const;
  // A wall-clock time in this zone as an instant. A time skipped by a daylight-saving change is
  // an error (it never happens on a clock there); a repeated one means its first occurrence.
  Result<Instant> toInstant(const CivilDateTime& local) const;
  CivilDateTime toLocal(Instant t) const;
  std::chrono::seconds offset(Instant t) const;
  std::string abbreviation(Instant t) const;
  // [start, end) of a local calendar day; 23 or 25 hours long on a daylight-saving day.
  std::pair<Instant, Instant> dayBounds(const CivilDate& day) const;

 private:
  explicit TimeZone(const void* zone) : zone_(zone) {}
  const void* zone_;  // const date::time_zone*, kept out of this header
};

// "Thu 26 Nov 2026 14:00 CET"
std::string formatInZone(Instant t, const TimeZone& zone);

}  // namespace nextstep
