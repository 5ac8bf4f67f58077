// Mean and percentiles of a set of measured latencies.
#pragma once

#include <vector>

namespace nextstep::bench {

struct LatencySummary {
  std::size_t count = 0;
  double mean = 0;
  double p50 = 0;
  double p90 = 0;
  double p99 = 0;
  double max = 0;
};

// Nearest-rank percentiles; `samples` in any unit, the summary in the same.
LatencySummary summarize(std::vector<double> samples);

}  // namespace nextstep::bench
