// How the three rates of the pipeline health moved, week by week (DOMAIN.md rules 1, 2 and 4):
// computed from the records' own history (when each meeting was booked and for when, when each
// customer action was agreed), so a new device shows the team's trend at once.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "nextstep/storage/store.h"
#include "nextstep/time/civil_time.h"

namespace nextstep {

struct TrendQuery {
  Instant now{};
  TimeZone zone = TimeZone::local();
  int weeks = 8;
  std::optional<std::string> owner;
};

// One week, ending at midnight after `week_end` in the query's zone. Deals count as open at a
// week's end when they were created by then and are open today (closing dates are not kept).
struct TrendPoint {
  CivilDate week_end;
  std::int64_t open_deals = 0;
  double next_step_rate = 0;        // open deals with a meeting booked by then, not over by then
  std::int64_t bookings = 0;        // bookings that week that followed an earlier meeting
  double booked_at_table_rate = 0;  // 0 when there were no bookings: see `bookings`
  double commitment_rate = 0;       // open deals whose latest customer action then was a commitment
};

// Oldest week first; the last one ends today.
Result<std::vector<TrendPoint>> healthTrend(Store& store, const TrendQuery& query);

}  // namespace nextstep
