// The clocks the sync benchmarks read: the steady one for what they time, the wall one for stamps
// and names that must differ between runs.
#pragma once

#include <chrono>
#include <cstdint>

namespace nextstep::bench {

using Clock = std::chrono::steady_clock;

inline double seconds(Clock::time_point since) {
  return std::chrono::duration<double>(Clock::now() - since).count();
}

inline std::int64_t wallMillis() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

}  // namespace nextstep::bench
