#include "figures.h"

#include <cstdio>
#include <fstream>
#include <nlohmann/json.hpp>

#include "bench_options.h"
#include "nextstep/data/file_bytes.h"

namespace nextstep::bench {

std::string figureName(std::string_view base, int deals) {
  std::string name(base);
  if (deals != kHeadlineDeals) name += "@d" + std::to_string(deals);
  return name;
}

void mergeFigures(const std::filesystem::path& file, const std::vector<Figure>& figures) {
  nlohmann::json list = nlohmann::json::array();
  if (const auto text = readFileBytes(file.string())) {
    list = nlohmann::json::parse(*text, nullptr, false);
    if (!list.is_array()) list = nlohmann::json::array();
  }
  for (const Figure& f : figures) {
    nlohmann::json entry = {{"name", f.name}, {"value", f.value}, {"unit", f.unit}};
    bool replaced = false;
    for (auto& e : list) {
      if (e.is_object() && e.value("name", "") == f.name) {
        e = entry;
        replaced = true;
      }
    }
    if (!replaced) list.push_back(std::move(entry));
  }
  if (file.has_parent_path()) std::filesystem::create_directories(file.parent_path());
  const std::filesystem::path tmp = file.string() + ".tmp";
  std::ofstream(tmp) << list.dump(2) << '\n';
  std::filesystem::rename(tmp, file);
}

void printFigures(const std::vector<Figure>& figures) {
  for (const Figure& f : figures) {
    std::printf("%-32s %12.4f %s\n", f.name.c_str(), f.value, f.unit.c_str());
  }
  std::fflush(stdout);
}

}  // namespace nextstep::bench
