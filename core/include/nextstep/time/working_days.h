// The days a team meets customers (a team setting): suggested slots fall on them.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "nextstep/model/result.h"
#include "nextstep/time/civil_time.h"

namespace nextstep {

class WorkingDays {
 public:
  // Bits by weekday as CivilDate::weekday() counts: Sunday = 1, Monday = 2, ... Saturday = 64.
  static constexpr int kMondayToFriday = 0b0111110;

  constexpr WorkingDays() = default;
  // 1 to 127; anything else (no day at all) is an error.
  static Result<WorkingDays> fromBits(std::int64_t bits);
  // "mon-fri", "sun-thu", "mon,tue,thu", "mon-thu,sat"; English day names or their first three
  // letters, any case.
  static Result<WorkingDays> parse(std::string_view text);

  int bits() const { return bits_; }
  bool includes(unsigned weekday) const { return (bits_ >> (weekday % 7)) & 1; }
  // `d` when it is a working day, else the next one.
  CivilDate onOrAfter(CivilDate d) const;
  // "Mon-Fri", "Sun-Thu", "Mon, Wed, Fri", "Every day".
  std::string text() const;

  bool operator==(const WorkingDays&) const = default;

 private:
  explicit constexpr WorkingDays(int bits) : bits_(bits) {}
  int bits_ = kMondayToFriday;
};

}  // namespace nextstep
