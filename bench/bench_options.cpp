#include "bench_options.h"

#include <cstdio>
#include <cstdlib>
#include <exception>
#include <string_view>

#include "workload_files.h"

namespace nextstep::bench {
namespace {

[[noreturn]] void usage(const char* program, std::string_view problem) {
  std::fprintf(stderr,
               "%s: %.*s\nusage: %s [--deals N] [--dir DIR] [--results FILE] [--rebuild] [--apply "
               "SQL]... ...\n",
               program, static_cast<int>(problem.size()), problem.data(), program);
  std::exit(2);
}

}  // namespace

void takeFlags(int& argc, char** argv, Usage usage,
               const std::function<bool(std::string_view flag, const FlagValue& value)>& take) {
  int kept = 1;
  for (int i = 1; i < argc; ++i) {
    const std::string_view arg = argv[i];
    const FlagValue value = [&]() -> const char* {
      if (i + 1 >= argc) {
        usage(argv[0], std::string(arg) + " needs a value");
        std::exit(2);  // a usage that returned
      }
      return argv[++i];
    };
    if (!take(arg, value)) argv[kept++] = argv[i];
  }
  argc = kept;
  argv[argc] = nullptr;
}

BenchOptions takeBenchOptions(int& argc, char** argv) {
  BenchOptions o;
  o.dir = defaultBenchDir();
  takeFlags(argc, argv, usage, [&](std::string_view arg, const FlagValue& value) {
    if (arg == "--deals") {
      char* end = nullptr;
      const char* text = value();
      const long n = std::strtol(text, &end, 10);
      if (*end != '\0' || n < 5 || n > 10'000'000) usage(argv[0], "--deals takes 5 to 10000000");
      o.deals = static_cast<int>(n);
    } else if (arg == "--dir") {
      o.dir = value();
    } else if (arg == "--results") {
      o.results = value();
    } else if (arg == "--apply") {
      o.apply.emplace_back(value());
    } else if (arg == "--rebuild") {
      o.rebuild = true;
    } else {
      return false;
    }
    return true;
  });
  return o;
}

int runBenchProgram(const char* program, int (*body)(int argc, char** argv), int argc,
                    char** argv) {
  try {
    return body(argc, argv);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "%s: %s\n", program, e.what());
    return 1;
  }
}

}  // namespace nextstep::bench
