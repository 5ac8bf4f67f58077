#include "import_values.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdio>

namespace nextstep::data {
namespace {

std::string lower(std::string_view s) {
  std::string out;
  for (char c : s) out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// Letters and digits only, lower case: "Proposal/Price Quote" -> "proposalpricequote".
std::string squashed(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (std::isalnum(static_cast<unsigned char>(c))) {
      out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
  }
  return out;
}

struct CurrencySign {
  std::string_view sign;
  std::string_view code;
};
constexpr CurrencySign kSigns[] = {{"\xE2\x82\xAC", "EUR"},
                                   {"$", "USD"},
                                   {"\xC2\xA3", "GBP"},
                                   {"\xC2\xA5", "JPY"},
                                   {"CHF", "CHF"}};

bool allDigits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (!std::isdigit(static_cast<unsigned char>(c))) return false;
  }
  return true;
}

// The rungs of the default ladder that each CRM's default stages stand for.
struct StageAlias {
  std::string_view crm;  // squashed
  std::string_view rung;
};
constexpr StageAlias kStageAliases[] = {
    // Salesforce
    {"prospecting", "lead"},
    {"qualification", "qualified"},
    {"needsanalysis", "discovery"},
    {"valueproposition", "discovery"},
    {"iddecisionmakers", "discovery"},
    {"perceptionanalysis", "discovery"},
    {"proposalpricequote", "proposal"},
    {"negotiationreview", "negotiation"},
    // HubSpot (labels and internal names)
    {"appointmentscheduled", "lead"},
    {"qualifiedtobuy", "qualified"},
    {"presentationscheduled", "discovery"},
    {"decisionmakerboughtin", "proposal"},
    {"contractsent", "negotiation"},
    // Pipedrive
    {"leadin", "lead"},
    {"contactmade", "qualified"},
    {"demoscheduled", "discovery"},
    {"needsdefined", "discovery"},
    {"proposalmade", "proposal"},
    {"negotiationsstarted", "negotiation"},
};

// A digit group as a number; one too long for any date part reads as a number no date has
// (a file's "20261105123456" must not overflow, found by csv_import_fuzzer).
int number(std::string_view s) {
  constexpr int kTooLong = 99'999;
  int v = 0;
  for (char c : s) {
    v = v * 10 + (c - '0');
    if (v > kTooLong) return kTooLong;
  }
  return v;
}

// Splits "2026-03-27 14:05:00" into its digit groups and the letters after them.
struct Parts {
  std::array<std::string, 7> n;
  int count = 0;
  std::string letters;  // am/pm, t, z
  char first_sep = 0;
  std::optional<int> offset_minutes;
};

Parts partsOf(std::string_view text) {
  Parts p;
  std::string current;
  auto flush = [&] {
    if (!current.empty() && p.count < 7) p.n[static_cast<std::size_t>(p.count++)] = current;
    current.clear();
  };
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (std::isdigit(static_cast<unsigned char>(c))) {
      current += c;
      continue;
    }
    flush();
    if (p.count == 1 && p.first_sep == 0) p.first_sep = c;
    // "+01:00" / "-05:00" after the time: an offset.
    if ((c == '+' || c == '-') && p.count >= 5 && i + 5 < text.size() + 1) {
      const std::string_view rest = text.substr(i + 1);
      if (rest.size() >= 5 && allDigits(rest.substr(0, 2)) && rest[2] == ':' &&
          allDigits(rest.substr(3, 2))) {
        const int minutes = number(rest.substr(0, 2)) * 60 + number(rest.substr(3, 2));
        p.offset_minutes = c == '-' ? -minutes : minutes;
        break;
      }
    }
    if (std::isalpha(static_cast<unsigned char>(c))) {
      p.letters += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
  }
  flush();
  return p;
}

}  // namespace

std::string trim(std::string_view s) {
  const auto b = s.find_first_not_of(" \t\r\n");
  if (b == std::string_view::npos) return {};
  const auto e = s.find_last_not_of(" \t\r\n");
  return std::string(s.substr(b, e - b + 1));
}

Result<Amount> parseAmount(std::string_view text) {
  Amount a;
  std::string s = trim(text);
  for (const CurrencySign& c : kSigns) {
    if (const auto at = s.find(c.sign); at != std::string::npos) {
      a.currency = std::string(c.code);
      s.erase(at, c.sign.size());
    }
  }
  // A three-letter code before or after the number: "USD 1,000", "1000 EUR".
  std::string digits;
  std::string letters;
  for (char c : s) {
    if (std::isalpha(static_cast<unsigned char>(c))) {
      letters += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    } else if (std::isdigit(static_cast<unsigned char>(c)) || c == '.' || c == ',' || c == '-') {
      digits += c;
    } else if (c == ' ' || c == '\'' || c == '\t' || static_cast<unsigned char>(c) >= 0x80) {
      // group separators: spaces, apostrophes (Swiss), no-break and thin spaces (UTF-8 bytes)
    } else {
      return Error::invalid("amount '" + std::string(text) + "' is not a number");
    }
  }
  if (!letters.empty()) {
    if (letters.size() != 3)
      return Error::invalid("amount '" + std::string(text) + "' is not a number");
    a.currency = letters;
  }
  if (digits.empty()) return a;
  if (digits.find('-') != std::string::npos) {
    return Error::invalid("amount '" + std::string(text) + "' is negative");
  }
  const auto dot = digits.rfind('.');
  const auto comma = digits.rfind(',');
  std::optional<std::size_t> decimal;
  if (dot != std::string::npos && comma != std::string::npos) {
    decimal = std::max(dot, comma);
  } else if (comma != std::string::npos) {
    const std::size_t after = digits.size() - comma - 1;
    if (digits.find(',') == comma && after >= 1 && after <= 2) decimal = comma;
  } else if (dot != std::string::npos) {
    if (digits.find('.') == dot) decimal = dot;
  }
  std::string whole, fraction;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    const char c = digits[i];
    if (decimal && i == *decimal) continue;
    if (c == '.' || c == ',') continue;
    (decimal && i > *decimal ? fraction : whole) += c;
  }
  if (whole.empty()) whole = "0";
  if (whole.size() > 15) return Error::invalid("amount '" + std::string(text) + "' is too large");
  std::int64_t minor = 0;
  for (char c : whole) minor = minor * 10 + (c - '0');
  minor *= 100;
  fraction += "000";
  minor += (fraction[0] - '0') * 10 + (fraction[1] - '0');
  if (fraction[2] >= '5') ++minor;  // half up, for the rare third decimal
  a.minor = minor;
  return a;
}

Result<Instant> parseWhen(std::string_view text, const TimeZone& zone) {
  const std::string t = trim(text);
  const Parts p = partsOf(t);
  auto bad = [&] {
    return Error::invalid("'" + t + "' is not a date (use YYYY-MM-DD or MM/DD/YYYY)");
  };
  if (p.count < 3) return bad();
  int year = 0, month = 0, day = 0;
  if (p.n[0].size() == 4) {  // YYYY-MM-DD
    year = number(p.n[0]);
    month = number(p.n[1]);
    day = number(p.n[2]);
  } else if (p.n[2].size() == 4 && p.first_sep == '.') {  // DD.MM.YYYY
    day = number(p.n[0]);
    month = number(p.n[1]);
    year = number(p.n[2]);
  } else if (p.n[2].size() == 4) {  // MM/DD/YYYY, or DD/MM/YYYY when it cannot be a month
    month = number(p.n[0]);
    day = number(p.n[1]);
    if (month > 12) std::swap(month, day);
    year = number(p.n[2]);
  } else {
    return bad();
  }
  char iso[40];  // room for any int, so the compiler can see nothing is cut
  std::snprintf(iso, sizeof iso, "%04d-%02d-%02d", year, month, day);
  auto date = CivilDate::parse(iso);
  if (!date) return bad();
  int hour = 12, minute = 0;
  if (p.count >= 5) {
    hour = number(p.n[3]);
    minute = number(p.n[4]);
    const bool pm = p.letters.find("pm") != std::string::npos;
    const bool am = p.letters.find("am") != std::string::npos;
    if (pm && hour < 12) hour += 12;
    if (am && hour == 12) hour = 0;
    if (hour > 23 || minute > 59) return bad();
  }
  const bool utc = p.letters.ends_with("z") || p.letters.ends_with("utc");
  if (utc || p.offset_minutes) {
    const int offset = p.offset_minutes.value_or(0);
    const std::int64_t seconds = date->daysSinceEpoch() * 86400 + hour * 3600 + minute * 60 -
                                 static_cast<std::int64_t>(offset) * 60;
    return instantFromUnix(seconds + (p.count >= 6 ? number(p.n[5]) : 0));
  }
  auto at = zone.toInstant({*date, hour, minute});
  if (!at) {
    // A time the clocks skip for daylight saving: an hour later is the same moment there.
    auto later = zone.toInstant({*date, hour + 1 > 23 ? 23 : hour + 1, minute});
    if (!later) return bad();
    return *later;
  }
  return *at;
}

std::optional<bool> parseFlag(std::string_view text) {
  const std::string s = squashed(text);
  for (std::string_view yes :
       {"true", "yes", "1", "x", "y", "completed", "complete", "done", "closed", "held"}) {
    if (s == yes) return true;
  }
  for (std::string_view no :
       {"false", "no", "0", "n", "notdone", "todo", "notstarted", "open", "pending", "inprogress",
        "deferred", "waitingonsomeoneelse", "planned", ""}) {
    if (s == no) return false;
  }
  return std::nullopt;
}

StageChoice mapStage(std::string_view crm_stage, const TeamSettings& ladder) {
  StageChoice c;
  const std::string key = squashed(crm_stage);
  if (key == "closedwon" || key == "won" || key == "dealwon") {
    c.status = DealStatus::kWon;
    c.stage = ladder.stages.back();
    return c;
  }
  if (key == "closedlost" || key == "lost" || key == "deallost") {
    c.status = DealStatus::kLost;
    c.stage = ladder.stages.front();
    return c;
  }
  for (const std::string& rung : ladder.stages) {
    if (squashed(rung) == key) {
      c.stage = rung;
      return c;
    }
  }
  for (const StageAlias& a : kStageAliases) {
    if (a.crm == key && ladder.hasStage(a.rung)) {
      c.stage = std::string(a.rung);
      return c;
    }
  }
  c.stage = ladder.stages.front();
  if (!key.empty()) {
    c.note =
        "stage '" + trim(crm_stage) + "' is not on the team's ladder; put on '" + c.stage + "'";
  }
  return c;
}

TouchKind touchKindOf(std::string_view activity_type) {
  const std::string s = squashed(activity_type);
  if (s.find("call") != std::string::npos || s.find("phone") != std::string::npos) {
    return TouchKind::kCall;
  }
  if (s.find("email") != std::string::npos || s.find("mail") != std::string::npos) {
    return TouchKind::kEmail;
  }
  if (s.find("meeting") != std::string::npos || s.find("event") != std::string::npos ||
      s == "lunch") {
    return TouchKind::kMeeting;
  }
  if (s.find("visit") != std::string::npos) return TouchKind::kVisit;
  if (s.find("message") != std::string::npos || s == "sms" || s == "linkedin" || s == "whatsapp") {
    return TouchKind::kMessage;
  }
  if (auto k = parseEnum<TouchKind>(lower(trim(activity_type)))) return *k;
  return TouchKind::kOther;
}

}  // namespace nextstep::data
