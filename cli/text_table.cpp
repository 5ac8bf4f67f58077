#include "text_table.h"

#include <algorithm>
#include <ostream>

namespace nextstep::cli {
namespace {

bool isContinuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

}  // namespace

std::size_t displayWidth(std::string_view s) {
  return static_cast<std::size_t>(
      std::count_if(s.begin(), s.end(), [](char c) { return !isContinuation(c); }));
}

std::string fitWidth(std::string_view s, std::size_t width) {
  if (displayWidth(s) <= width) return std::string(s);
  if (width == 0) return {};
  std::string out;
  std::size_t chars = 0;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (!isContinuation(s[i]) && ++chars == width) break;
    out += s[i];
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out + "…";
}

void TextTable::print(std::ostream& out) const {
  const std::size_t n = columns_.size();
  std::vector<std::vector<std::string>> cells;
  const bool headers = std::any_of(columns_.begin(), columns_.end(),
                                   [](const Column& c) { return !c.header.empty(); });
  if (headers) {
    std::vector<std::string> row;
    for (const Column& c : columns_) row.push_back(c.header);
    cells.push_back(std::move(row));
  }
  for (const auto& row : rows_) {
    std::vector<std::string> fitted;
    for (std::size_t i = 0; i < n; ++i) {
      fitted.push_back(fitWidth(i < row.size() ? row[i] : "", columns_[i].max_width));
    }
    cells.push_back(std::move(fitted));
  }
  std::vector<std::size_t> widths(n, 0);
  for (const auto& row : cells) {
    for (std::size_t i = 0; i < n; ++i) widths[i] = std::max(widths[i], displayWidth(row[i]));
  }
  for (const auto& row : cells) {
    std::string line = indent_;
    std::string pending;  // padding, written only when a later cell has text
    for (std::size_t i = 0; i < n; ++i) {
      if (widths[i] == 0) continue;
      if (!row[i].empty()) {
        line += pending + row[i];
        pending.clear();
      }
      pending += std::string(widths[i] - displayWidth(row[i]) + 2, ' ');
    }
    out << line << '\n';
  }
}

}  // namespace nextstep::cli
