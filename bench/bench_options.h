// The command-line options every benchmark program shares.
#pragma once

#include <filesystem>

namespace nextstep::bench {

inline constexpr int kHeadlineDeals = 100'000;

struct BenchOptions {
  int deals = kHeadlineDeals;
  std::filesystem::path dir;      // build/bench unless --dir
  std::filesystem::path results;  // --results FILE: merge the figures into it
  bool rebuild = false;           // --rebuild: load the cached database again
};

// Takes --deals N, --dir DIR, --results FILE and --rebuild out of argv (leaving the rest, e.g.
// Google Benchmark's flags). Exits with a message on a bad value.
BenchOptions takeBenchOptions(int& argc, char** argv);

}  // namespace nextstep::bench
