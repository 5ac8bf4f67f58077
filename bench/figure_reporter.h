// A Google Benchmark console reporter that also keeps each benchmark's mean wall time as a Figure
// named "<benchmark>_ms", and its mean CPU time as "<benchmark>_cpu_ms" (the two differ when the
// disk or other processes make it wait).
#pragma once

#include <benchmark/benchmark.h>

#include <vector>

#include "figures.h"

namespace nextstep::bench {

class FigureReporter : public benchmark::ConsoleReporter {
 public:
  explicit FigureReporter(int deals) : deals_(deals) {}

  void ReportRuns(const std::vector<Run>& runs) override;
  const std::vector<Figure>& figures() const { return figures_; }

 private:
  int deals_;
  std::vector<Figure> figures_;
};

}  // namespace nextstep::bench
