// The command-line options every benchmark program shares, and how each one reports a failure.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace nextstep::bench {

inline constexpr int kHeadlineDeals = 100'000;

struct BenchOptions {
  int deals = kHeadlineDeals;
  std::filesystem::path dir;      // build/bench unless --dir
  std::filesystem::path results;  // --results FILE: merge the figures into it
  bool rebuild = false;           // --rebuild: load the cached database again
  // --apply SQL (repeatable): run on the scratch copy's connection before measuring, to try a
  // change to the core (an index, a PRAGMA) before making it. Figures are then not merged.
  std::vector<std::string> apply;
};

// Takes --deals N, --dir DIR, --results FILE, --rebuild and --apply SQL out of argv (leaving the
// rest, e.g. Google Benchmark's flags). Exits with a message on a bad value.
BenchOptions takeBenchOptions(int& argc, char** argv);

// A benchmark program's main: runs `body`, and turns what it throws into "program: what" on
// stderr and exit code 1, so scripts/bench.sh stops on it with the reason.
int runBenchProgram(const char* program, int (*body)(int argc, char** argv), int argc, char** argv);

}  // namespace nextstep::bench
