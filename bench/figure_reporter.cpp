#include "figure_reporter.h"

namespace nextstep::bench {
namespace {

double toMilliseconds(double value, benchmark::TimeUnit unit) {
  switch (unit) {
    case benchmark::kNanosecond:
      return value / 1e6;
    case benchmark::kMicrosecond:
      return value / 1e3;
    case benchmark::kMillisecond:
      return value;
    case benchmark::kSecond:
      return value * 1e3;
  }
  return value;
}

}  // namespace

void FigureReporter::ReportRuns(const std::vector<Run>& runs) {
  ConsoleReporter::ReportRuns(runs);
  for (const Run& run : runs) {
    if (run.error_occurred || run.run_type != Run::RT_Iteration) continue;
    const std::string& name = run.run_name.function_name;
    figures_.push_back({figureName(name + "_ms", deals_),
                        toMilliseconds(run.GetAdjustedRealTime(), run.time_unit), "ms"});
    figures_.push_back({figureName(name + "_cpu_ms", deals_),
                        toMilliseconds(run.GetAdjustedCPUTime(), run.time_unit), "ms"});
  }
}

}  // namespace nextstep::bench
