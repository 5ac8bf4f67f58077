#include "nextstep/time/civil_time.h"

#include <date/date.h>
#include <date/tz.h>

#include <cctype>
#include <charconv>
#include <cstdio>
#include <cstdlib>

namespace nextstep {
namespace {

const date::time_zone* zoneOf(const void* z) { return static_cast<const date::time_zone*>(z); }

bool parseInt(std::string_view s, int& out) {
  if (s.empty()) return false;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
  return ec == std::errc() && p == s.data() + s.size();
}

bool digitsAt(std::string_view s, std::size_t pos, std::size_t n, int& out) {
  if (pos + n > s.size()) return false;
  for (std::size_t i = pos; i < pos + n; ++i) {
    if (s[i] < '0' || s[i] > '9') return false;
  }
  return parseInt(s.substr(pos, n), out);
}

date::local_seconds toLocalSeconds(const CivilDateTime& t) {
  return date::local_days(date::year(t.date.year) / t.date.month / t.date.day) +
         std::chrono::hours(t.hour) + std::chrono::minutes(t.minute);
}

}  // namespace

Instant nowInstant() {
  return std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
}

std::string formatUtc(Instant t) { return date::format("%Y-%m-%dT%H:%M:%SZ", t); }

Result<Instant> parseUtc(std::string_view iso) {
  // YYYY-MM-DDTHH:MM[:SS](Z|+HH:MM|-HH:MM)
  int y, mo, d, h, mi, sec = 0;
  if (!digitsAt(iso, 0, 4, y) || iso.size() < 16 || iso[4] != '-' || !digitsAt(iso, 5, 2, mo) ||
      iso[7] != '-' || !digitsAt(iso, 8, 2, d) || (iso[10] != 'T' && iso[10] != ' ') ||
      !digitsAt(iso, 11, 2, h) || iso[13] != ':' || !digitsAt(iso, 14, 2, mi)) {
    return Error::invalid("not a UTC time: '" + std::string(iso) +
                          "' (expected YYYY-MM-DDTHH:MMZ)");
  }
  std::size_t pos = 16;
  if (pos < iso.size() && iso[pos] == ':') {
    if (!digitsAt(iso, pos + 1, 2, sec))
      return Error::invalid("bad seconds in '" + std::string(iso) + "'");
    pos += 3;
  }
  std::int64_t offset = 0;
  const std::string_view zone = iso.substr(pos);
  if (zone == "Z") {
    offset = 0;
  } else if (zone.size() == 6 && (zone[0] == '+' || zone[0] == '-') && zone[3] == ':') {
    int oh, om;
    if (!digitsAt(zone, 1, 2, oh) || !digitsAt(zone, 4, 2, om)) {
      return Error::invalid("bad UTC offset in '" + std::string(iso) + "'");
    }
    offset = (zone[0] == '-' ? -1 : 1) * (oh * 3600 + om * 60);
  } else {
    return Error::invalid("time '" + std::string(iso) + "' needs a Z or an offset like +01:00");
  }
  auto date = CivilDate::parse(iso.substr(0, 10));
  if (!date) return date.error();
  if (h > 23 || mi > 59 || sec > 59)
    return Error::invalid("no such time of day in '" + std::string(iso) + "'");
  const std::int64_t secs = date->daysSinceEpoch() * 86400 + h * 3600 + mi * 60 + sec - offset;
  return instantFromUnix(secs);
}

Result<CivilDate> CivilDate::parse(std::string_view iso) {
  int y, m, d;
  if (iso.size() != 10 || iso[4] != '-' || iso[7] != '-' || !digitsAt(iso, 0, 4, y) ||
      !digitsAt(iso, 5, 2, m) || !digitsAt(iso, 8, 2, d)) {
    return Error::invalid("not a date: '" + std::string(iso) + "' (expected YYYY-MM-DD)");
  }
  const date::year_month_day ymd{date::year(y), date::month(static_cast<unsigned>(m)),
                                 date::day(static_cast<unsigned>(d))};
  if (!ymd.ok()) return Error::invalid("no such day: " + std::string(iso));
  return CivilDate{y, static_cast<unsigned>(m), static_cast<unsigned>(d)};
}

CivilDate CivilDate::fromDays(std::int64_t days) {
  const date::year_month_day ymd{date::sys_days(date::days(days))};
  return CivilDate{static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()),
                   static_cast<unsigned>(ymd.day())};
}

std::int64_t CivilDate::daysSinceEpoch() const {
  return date::sys_days(date::year(year) / month / day).time_since_epoch().count();
}

unsigned CivilDate::weekday() const {
  return date::weekday(date::sys_days(date::year(year) / month / day)).c_encoding();
}

std::string CivilDate::iso() const {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", year, month, day);
  return buf;
}

Result<CivilDateTime> CivilDateTime::parse(std::string_view iso) {
  if (iso.size() != 16 || (iso[10] != 'T' && iso[10] != ' ') || iso[13] != ':') {
    return Error::invalid("not a local time: '" + std::string(iso) +
                          "' (expected YYYY-MM-DDTHH:MM)");
  }
  auto date = CivilDate::parse(iso.substr(0, 10));
  if (!date) return date.error();
  int h, m;
  if (!digitsAt(iso, 11, 2, h) || !digitsAt(iso, 14, 2, m) || h > 23 || m > 59) {
    return Error::invalid("no such time of day: '" + std::string(iso.substr(11)) + "'");
  }
  return CivilDateTime{*date, h, m};
}

std::string CivilDateTime::iso() const {
  char buf[8];
  std::snprintf(buf, sizeof buf, "T%02d:%02d", hour, minute);
  return date.iso() + buf;
}

Result<TimeZone> TimeZone::find(std::string_view name) {
  if (name.empty())
    return Error::invalid("no time zone given (expected an IANA name like Europe/Berlin)");
  try {
    return TimeZone(date::locate_zone(name));
  } catch (const std::exception&) {
    return Error::invalid("unknown time zone '" + std::string(name) +
                          "' (expected an IANA name like Europe/Berlin)");
  }
}

Result<TimeZone> TimeZone::named(std::string_view text) {
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front()))) {
    text.remove_prefix(1);
  }
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back()))) {
    text.remove_suffix(1);
  }
  auto exact = find(text);
  if (exact || text.empty()) return exact;
  const auto folded = [](std::string_view s) {
    std::string out;
    for (char c : s) {
      out += c == ' ' ? '_' : static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    return out;
  };
  const std::string wanted = folded(text);
  for (const date::time_zone& z : date::get_tzdb().zones) {
    const std::string_view name = z.name();
    const std::string_view city = name.substr(name.rfind('/') + 1);
    if (folded(name) == wanted ||
        (name.find('/') != std::string_view::npos && folded(city) == wanted)) {
      return TimeZone(&z);
    }
  }
  return Error::invalid("unknown time zone '" + std::string(text) +
                        "' (expected a city like New York or a zone like America/New_York)");
}

TimeZone TimeZone::local() {
  if (const char* tz = std::getenv("TZ"); tz != nullptr && *tz != '\0') {
    std::string_view name(tz);
    if (name.front() == ':') name.remove_prefix(1);
    if (auto z = find(name)) return *z;
  }
  try {
    return TimeZone(date::current_zone());
  } catch (const std::exception&) {
    return utc();
  }
}

TimeZone TimeZone::utc() { return TimeZone(date::locate_zone("UTC")); }

std::string TimeZone::name() const { return std::string(zoneOf(zone_)->name()); }

Result<Instant> TimeZone::toInstant(const CivilDateTime& local) const {
  const date::local_seconds ls = toLocalSeconds(local);
  const date::local_info info = zoneOf(zone_)->get_info(ls);
  switch (info.result) {
    case date::local_info::unique:
      return Instant(ls.time_since_epoch() - info.first.offset);
    case date::local_info::ambiguous:
      return Instant(ls.time_since_epoch() - info.first.offset);
    case date::local_info::nonexistent:
    default:
      return Error::invalid(local.iso() + " does not exist in " + name() +
                            " (the clocks skip it for daylight saving)");
  }
}

CivilDateTime TimeZone::toLocal(Instant t) const {
  const auto local = zoneOf(zone_)->to_local(t);
  const auto day = date::floor<date::days>(local);
  const date::hh_mm_ss<std::chrono::seconds> hms(local - day);
  const date::year_month_day ymd(day);
  return CivilDateTime{CivilDate{static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()),
                                 static_cast<unsigned>(ymd.day())},
                       static_cast<int>(hms.hours().count()),
                       static_cast<int>(hms.minutes().count())};
}

std::chrono::seconds TimeZone::offset(Instant t) const { return zoneOf(zone_)->get_info(t).offset; }

std::string TimeZone::abbreviation(Instant t) const { return zoneOf(zone_)->get_info(t).abbrev; }

std::pair<Instant, Instant> TimeZone::dayBounds(const CivilDate& day) const {
  // Midnight can itself be skipped (a few zones switch at 00:00); the day then starts at the
  // first instant after the gap.
  auto startOf = [this](const CivilDate& d) {
    const date::local_seconds ls = date::local_days(date::year(d.year) / d.month / d.day);
    const date::local_info info = zoneOf(zone_)->get_info(ls);
    if (info.result == date::local_info::nonexistent) return Instant(info.second.begin);
    return Instant(ls.time_since_epoch() - info.first.offset);
  };
  return {startOf(day), startOf(day.plusDays(1))};
}

std::string formatInZone(Instant t, const TimeZone& zone) {
  const CivilDateTime local = zone.toLocal(t);
  static const char* kDays[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
  static const char* kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                  "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  char buf[64];
  std::snprintf(buf, sizeof buf, "%s %u %s %d %02d:%02d %s", kDays[local.date.weekday()],
                local.date.day, kMonths[local.date.month - 1], local.date.year, local.hour,
                local.minute, zone.abbreviation(t).c_str());
  return buf;
}

}  // namespace nextstep
