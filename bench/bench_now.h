// The fixed instant and zone every benchmark runs at, so figures do not drift with the calendar.
#pragma once

#include <cstdint>

#include "nextstep/model/stamp.h"

namespace nextstep::bench {

// 2026-11-26T09:00:00Z, a Thursday inside the workload's year of meetings.
inline constexpr std::int64_t kNowUnix = 1795683600;
inline constexpr std::int64_t kNowMillis = kNowUnix * 1000;
// The device's zone for Today and the pipeline health.
inline constexpr const char* kDeviceZone = "Europe/Berlin";

inline HybridClock::WallClock fixedWallClock() {
  return [] { return kNowMillis; };
}

}  // namespace nextstep::bench
