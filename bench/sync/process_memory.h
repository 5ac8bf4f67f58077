// What another process holds in memory, read from /proc, for figures about a server process.
#pragma once

#include <sys/types.h>

#include <vector>

namespace nextstep::bench {

// Its resident set (VmRSS of /proc/PID/status) in MiB; throws when it cannot be read.
double residentMiB(pid_t pid);

// Resident-set samples taken over time, and what they say.
struct MemorySamples {
  std::vector<double> minutes;  // since the first sample
  std::vector<double> mib;

  void add(double at_minutes, double resident_mib);
  double max() const;
  // Least-squares slope, MiB a minute: how fast it grows (0 with fewer than two samples).
  double slopePerMinute() const;
};

}  // namespace nextstep::bench
