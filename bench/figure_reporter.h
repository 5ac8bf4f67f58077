// A Google Benchmark console reporter that also keeps each benchmark's mean real time as a Figure
// named "<benchmark>_ms".
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
