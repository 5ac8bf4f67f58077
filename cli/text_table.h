// Aligned columns for terminal output; widths count characters, not UTF-8 bytes.
#pragma once

#include <cstddef>
#include <iosfwd>
#include <string>
#include <string_view>
#include <vector>

namespace nextstep::cli {

// Characters in a UTF-8 string.
std::size_t displayWidth(std::string_view s);
// At most `width` characters, the last one an ellipsis when cut.
std::string fitWidth(std::string_view s, std::size_t width);

class TextTable {
 public:
  struct Column {
    std::string header;
    std::size_t max_width = 40;  // longer cells are cut with an ellipsis
  };
  explicit TextTable(std::vector<Column> columns, std::string indent = "")
      : columns_(std::move(columns)), indent_(std::move(indent)) {}

  void add(std::vector<std::string> row) { rows_.push_back(std::move(row)); }
  bool empty() const { return rows_.empty(); }
  // Headers are printed when at least one column has a header.
  void print(std::ostream& out) const;

 private:
  std::vector<Column> columns_;
  std::string indent_;
  std::vector<std::vector<std::string>> rows_;
};

}  // namespace nextstep::cli
