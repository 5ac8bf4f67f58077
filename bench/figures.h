// Benchmark figures and build/bench/results.json: a JSON list of {"name", "value", "unit"} that
// every benchmark program merges its figures into, by name.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace nextstep::bench {

struct Figure {
  std::string name;
  double value = 0;
  std::string unit;
};

// "today_ms" at the headline size (100,000 deals); "today_ms@d1000" at any other, so a quick run
// never overwrites the headline figures.
std::string figureName(std::string_view base, int deals);

// Replaces the entries of the same names in the file (created when missing) and keeps the rest.
void mergeFigures(const std::filesystem::path& file, const std::vector<Figure>& figures);

// One "name value unit" line per figure on stdout.
void printFigures(const std::vector<Figure>& figures);

}  // namespace nextstep::bench
