// The command-line options every benchmark program shares, and how each one reports a failure.
#pragma once

#include <filesystem>
#include <functional>
#include <string>
#include <string_view>
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

// Walks argv once. `take(flag, value)` handles a flag it knows and returns true (`value()` reads
// the next argument, or calls `usage` naming the flag when there is none); every argument it does
// not take stays in argv, in order. Each benchmark's option parser is one `take`.
using FlagValue = std::function<const char*()>;
using Usage = void (*)(const char* program, std::string_view problem);
void takeFlags(int& argc, char** argv, Usage usage,
               const std::function<bool(std::string_view flag, const FlagValue& value)>& take);

// Takes --deals N, --dir DIR, --results FILE, --rebuild and --apply SQL out of argv (leaving the
// rest, e.g. Google Benchmark's flags). Exits with a message on a bad value.
BenchOptions takeBenchOptions(int& argc, char** argv);

// A benchmark program's main: runs `body`, and turns what it throws into "program: what" on
// stderr and exit code 1, so scripts/bench.sh stops on it with the reason.
int runBenchProgram(const char* program, int (*body)(int argc, char** argv), int argc, char** argv);

}  // namespace nextstep::bench
