#include "nextstep/time/working_days.h"

#include <algorithm>
#include <array>
#include <cctype>

namespace nextstep {
namespace {

constexpr std::array<std::string_view, 7> kShort = {"Sun", "Mon", "Tue", "Wed",
                                                    "Thu", "Fri", "Sat"};
constexpr std::array<std::string_view, 7> kLong = {"sunday",   "monday", "tuesday", "wednesday",
                                                   "thursday", "friday", "saturday"};

std::string lowered(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (!std::isspace(static_cast<unsigned char>(c))) {
      out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
  }
  return out;
}

// 0 = Sunday, or -1.
int dayNamed(std::string_view word) {
  for (int d = 0; d < 7; ++d) {
    if (word == kLong[d] || (word.size() == 3 && kLong[d].substr(0, 3) == word)) return d;
  }
  return -1;
}

}  // namespace

Result<WorkingDays> WorkingDays::fromBits(std::int64_t bits) {
  if (bits < 1 || bits > 127) {
    return Error::invalid("working days must include at least one day of the week");
  }
  return WorkingDays(static_cast<int>(bits));
}

Result<WorkingDays> WorkingDays::parse(std::string_view text) {
  const std::string all = lowered(text);
  int bits = 0;
  std::size_t start = 0;
  while (start <= all.size()) {
    const std::size_t comma = std::min(all.find(',', start), all.size());
    const std::string_view part = std::string_view(all).substr(start, comma - start);
    start = comma + 1;
    if (part.empty()) continue;
    const std::size_t dash = part.find('-');
    const int from = dayNamed(part.substr(0, dash));
    const int to = dash == std::string_view::npos ? from : dayNamed(part.substr(dash + 1));
    if (from < 0 || to < 0) {
      return Error::invalid("'" + std::string(part) +
                            "' is not a day or a range of days like mon-fri");
    }
    // A range may wrap past Saturday: fri-mon is Friday to Monday.
    for (int d = from;; d = (d + 1) % 7) {
      bits |= 1 << d;
      if (d == to) break;
    }
  }
  if (bits == 0) return Error::invalid("name at least one day, like mon-fri");
  return WorkingDays(bits);
}

CivilDate WorkingDays::onOrAfter(CivilDate d) const {
  for (int i = 0; i < 7 && !includes(d.weekday()); ++i) d = d.plusDays(1);
  return d;
}

std::string WorkingDays::text() const {
  if (bits_ == 127) return "Every day";
  // Runs of days, starting after a day off so that a week like Sun-Thu reads as one run.
  int first = 0;
  while (includes(static_cast<unsigned>((first + 6) % 7)) || !includes(first)) ++first;
  std::string out;
  for (int i = 0; i < 7;) {
    const int d = (first + i) % 7;
    if (!includes(d)) {
      ++i;
      continue;
    }
    int len = 1;
    while (i + len < 7 && includes((first + i + len) % 7)) ++len;
    if (!out.empty()) out += ", ";
    out += kShort[d];
    if (len >= 3) {
      out += "-" + std::string(kShort[(d + len - 1) % 7]);
    } else if (len == 2) {
      out += ", " + std::string(kShort[(d + 1) % 7]);
    }
    i += len;
  }
  return out;
}

}  // namespace nextstep
