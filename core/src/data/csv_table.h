// A CSV file as rows of fields, read by libcsv.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "nextstep/model/result.h"

namespace nextstep::data {

struct CsvTable {
  std::vector<std::string> header;
  std::vector<std::vector<std::string>> rows;  // rows[i] is spreadsheet row i + 2
  char delimiter = ',';
  bool converted_from_windows_1252 = false;
};

// The delimiter of the header line: the most frequent of , ; tab | outside quotes (',' if none).
char detectDelimiter(std::string_view text);

// Reads the whole text. A UTF-8 byte-order mark is dropped; text that is not UTF-8 is taken as
// Windows-1252 (what Excel and older Salesforce exports write) and converted with iconv. Fields
// keep their spaces; an empty file or one without a header is kInvalidArgument.
Result<CsvTable> readCsv(std::string_view text, std::optional<char> delimiter);

}  // namespace nextstep::data
