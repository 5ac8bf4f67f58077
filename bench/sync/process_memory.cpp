#include "process_memory.h"

#include <algorithm>
#include <fstream>
#include <stdexcept>
#include <string>

namespace nextstep::bench {

double residentMiB(pid_t pid) {
  std::ifstream status("/proc/" + std::to_string(pid) + "/status");
  std::string line;
  while (std::getline(status, line)) {
    if (line.starts_with("VmRSS:")) return std::stod(line.substr(6)) / 1024.0;  // kB
  }
  throw std::runtime_error("no VmRSS for process " + std::to_string(pid) + " (has it ended?)");
}

void MemorySamples::add(double at_minutes, double resident_mib) {
  minutes.push_back(at_minutes);
  mib.push_back(resident_mib);
}

double MemorySamples::max() const {
  return mib.empty() ? 0 : *std::max_element(mib.begin(), mib.end());
}

double MemorySamples::slopePerMinute() const {
  const auto n = static_cast<double>(mib.size());
  if (mib.size() < 2) return 0;
  double sx = 0, sy = 0, sxx = 0, sxy = 0;
  for (std::size_t i = 0; i < mib.size(); ++i) {
    sx += minutes[i];
    sy += mib[i];
    sxx += minutes[i] * minutes[i];
    sxy += minutes[i] * mib[i];
  }
  const double spread = n * sxx - sx * sx;
  return spread == 0 ? 0 : (n * sxy - sx * sy) / spread;
}

}  // namespace nextstep::bench
