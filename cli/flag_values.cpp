#include "flag_values.h"

#include <cctype>
#include <charconv>
#include <limits>

#include "nextstep/model/result_try.h"

namespace nextstep::cli {
namespace {

std::string quoted(std::string_view flag, std::string_view text) {
  return std::string(flag) + ": '" + std::string(text) + "'";
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

bool allDigits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

// Digits only, no sign, no overflow.
bool readNumber(std::string_view s, std::int64_t& out) {
  if (!allDigits(s)) return false;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
  return ec == std::errc() && p == s.data() + s.size();
}

Error withFlag(std::string_view flag, const Error& e) {
  return Error{e.code, std::string(flag) + ": " + e.message};
}

// "today", "tomorrow", "+3d", "+2w"; nullopt when the text is none of these.
std::optional<Result<CivilDate>> relativeDate(std::string_view flag, std::string_view text,
                                              const CivilDate& today) {
  if (text == "today") return Result<CivilDate>(today);
  if (text == "tomorrow") return Result<CivilDate>(today.plusDays(1));
  if (text.size() < 3 || text.front() != '+') return std::nullopt;
  const char unit = text.back();
  std::int64_t n = 0;
  if ((unit != 'd' && unit != 'w') || !readNumber(text.substr(1, text.size() - 2), n) || n > 3660) {
    return Result<CivilDate>(Error::invalid(quoted(flag, text) +
                                            " is not a date (expected YYYY-MM-DD, today, "
                                            "tomorrow, +3d or +2w)"));
  }
  return Result<CivilDate>(today.plusDays(unit == 'w' ? 7 * n : n));
}

}  // namespace

Result<std::int64_t> parseAmount(std::string_view flag, std::string_view text) {
  const std::string_view t = trim(text);
  std::string whole;
  std::string fraction;
  bool inFraction = false;
  bool ok = !t.empty();
  for (char c : t) {
    if (c == '_' && !inFraction && !whole.empty()) continue;
    if (c == '.' && !inFraction) {
      inFraction = true;
    } else if (c >= '0' && c <= '9') {
      (inFraction ? fraction : whole) += c;
    } else {
      ok = false;
      break;
    }
  }
  if (!ok || whole.empty() || (inFraction && fraction.empty())) {
    return Error::invalid(quoted(flag, text) +
                          " is not an amount (expected digits with up to two decimals, like "
                          "12000.50)");
  }
  if (fraction.size() > 2) {
    return Error::invalid(quoted(flag, text) + " has more than two decimals");
  }
  while (fraction.size() < 2) fraction += '0';
  std::int64_t major = 0;
  std::int64_t minor = 0;
  constexpr std::int64_t kMaxMajor = std::numeric_limits<std::int64_t>::max() / 100 - 1;
  if (!readNumber(whole, major) || major > kMaxMajor || !readNumber(fraction, minor)) {
    return Error::invalid(quoted(flag, text) + " is too large");
  }
  return major * 100 + minor;
}

Result<std::string> parseCurrency(std::string_view flag, std::string_view text) {
  std::string out;
  for (char c : trim(text)) {
    out += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  }
  if (out.size() != 3 || !std::isalpha(static_cast<unsigned char>(out[0])) ||
      !std::isalpha(static_cast<unsigned char>(out[1])) ||
      !std::isalpha(static_cast<unsigned char>(out[2]))) {
    return Error::invalid(quoted(flag, text) + " is not a three-letter currency code like EUR");
  }
  return out;
}

namespace {

// "45m", "1h", "1h30m", "90", "90min" as minutes; nullopt when it is none of these.
std::optional<std::int64_t> minutesOf(std::string_view text) {
  const std::string_view t = trim(text);
  std::int64_t hours = 0;
  std::int64_t minutes = 0;
  if (allDigits(t)) {
    if (!readNumber(t, minutes)) return std::nullopt;
    return minutes;
  }
  std::string_view rest = t;
  const auto h = rest.find('h');
  if (h != std::string_view::npos) {
    if (!readNumber(rest.substr(0, h), hours) || hours > 24) return std::nullopt;
    rest.remove_prefix(h + 1);
  }
  if (!rest.empty()) {
    if (rest.ends_with("min")) {
      rest.remove_suffix(3);
    } else if (rest.ends_with('m')) {
      rest.remove_suffix(1);
    } else if (h == std::string_view::npos) {
      return std::nullopt;  // "45x"
    }
    if (!readNumber(rest, minutes)) return std::nullopt;
  } else if (h == std::string_view::npos) {
    return std::nullopt;
  }
  if (minutes > 24 * 60) return std::nullopt;
  return hours * 60 + minutes;
}

}  // namespace

Result<int> parseDuration(std::string_view flag, std::string_view text) {
  const auto minutes = minutesOf(text);
  if (!minutes) {
    return Error::invalid(quoted(flag, text) +
                          " is not a duration (expected minutes like 90, or 45m, 1h, 1h30m)");
  }
  if (*minutes < 5 || *minutes > 24 * 60) {
    return Error::invalid(std::string(flag) + ": a meeting lasts between 5 minutes and 24 hours");
  }
  return static_cast<int>(*minutes);
}

Result<int> parseGap(std::string_view flag, std::string_view text) {
  const auto minutes = minutesOf(text);
  if (!minutes || *minutes > 24 * 60) {
    return Error::invalid(quoted(flag, text) +
                          " is not a gap (expected minutes like 10, or 15m, 1h; at most 24h)");
  }
  return static_cast<int>(*minutes);
}

Result<CivilDate> parseDate(std::string_view flag, std::string_view text, const CivilDate& today) {
  const std::string_view t = trim(text);
  if (auto relative = relativeDate(flag, t, today)) return std::move(*relative);
  auto d = CivilDate::parse(t);
  if (!d) return withFlag(flag, d.error());
  return *d;
}

Result<CivilDateTime> parseLocalTime(std::string_view flag, std::string_view text) {
  auto t = CivilDateTime::parse(trim(text));
  if (!t) return withFlag(flag, t.error());
  return *t;
}

Result<Instant> parseInstant(std::string_view flag, std::string_view text, const TimeZone& zone) {
  const std::string_view t = trim(text);
  if (t.size() == 16) {
    auto local = CivilDateTime::parse(t);
    if (!local) return withFlag(flag, local.error());
    auto instant = zone.toInstant(*local);
    if (!instant) return withFlag(flag, instant.error());
    return *instant;
  }
  auto instant = parseUtc(t);
  if (!instant) return withFlag(flag, instant.error());
  return *instant;
}

Result<TimeZone> parseZone(std::string_view flag, std::string_view text) {
  auto zone = TimeZone::find(trim(text));
  if (!zone) return withFlag(flag, zone.error());
  return *zone;
}

Result<int> parseCount(std::string_view flag, std::string_view text, int min, int max) {
  std::int64_t n = 0;
  if (!readNumber(trim(text), n) || n < min || n > max) {
    return Error::invalid(quoted(flag, text) + " is not a number from " + std::to_string(min) +
                          " to " + std::to_string(max));
  }
  return static_cast<int>(n);
}

Result<int> parseListLimit(const std::optional<std::string>& text, int fallback) {
  if (!text) return fallback;
  NEXTSTEP_TRY(auto n, parseCount("--limit", *text, 0, kEveryRecord));
  return n == 0 ? kEveryRecord : n;
}

std::vector<std::string> splitList(std::string_view text) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start <= text.size()) {
    const std::size_t comma = std::min(text.find(',', start), text.size());
    out.emplace_back(trim(text.substr(start, comma - start)));
    start = comma + 1;
  }
  return out;
}

Result<TemperatureAnswer> parseTemperature(std::string_view flag, std::string_view text) {
  TemperatureAnswer answer;
  std::string_view rest = text;
  auto next = [&rest]() {
    const auto colon = rest.find(':');
    std::string_view part = rest.substr(0, colon);
    rest = colon == std::string_view::npos ? std::string_view() : rest.substr(colon + 1);
    return part;
  };
  const bool hasReady = text.find(':') != std::string_view::npos;
  answer.contact = std::string(trim(next()));
  const std::string_view ready = trim(next());
  if (answer.contact.empty() || !hasReady) {
    return Error::invalid(quoted(flag, text) +
                          " should read CONTACT:READY[:MOST INTERESTING[:TO CLARIFY]] with READY "
                          "one of " +
                          choicesOf<Readiness>());
  }
  NEXTSTEP_TRY(auto r, parseChoice<Readiness>(std::string(flag) + " (ready)", ready));
  answer.ready = r;
  const auto colon = rest.find(':');
  answer.most_interesting = std::string(trim(rest.substr(0, colon)));
  if (colon != std::string_view::npos)
    answer.to_clarify = std::string(trim(rest.substr(colon + 1)));
  return answer;
}

Result<ActionAnswer> parseActionAnswer(std::string_view flag, std::string_view text,
                                       ActionOwner owner, const CivilDate& today) {
  ActionAnswer answer;
  answer.owner = owner;
  std::string_view body = text;
  const auto at = text.rfind('@');
  if (at != std::string_view::npos) {
    const std::string_view suffix = trim(text.substr(at + 1));
    const bool looksLikeDate =
        suffix == "today" || suffix == "tomorrow" || suffix.starts_with('+') ||
        (suffix.size() >= 8 && std::isdigit(static_cast<unsigned char>(suffix[0])) &&
         suffix.find('-') != std::string_view::npos);
    if (looksLikeDate) {
      NEXTSTEP_TRY(auto due, parseDate(flag, suffix, today));
      answer.due = due;
      body = text.substr(0, at);
    }
  }
  answer.text = std::string(trim(body));
  if (answer.text.empty()) {
    return Error::invalid(std::string(flag) + ": an action needs a text: who does what");
  }
  return answer;
}

}  // namespace nextstep::cli
