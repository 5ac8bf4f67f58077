// Writing CSV (RFC 4180: every field quoted by libcsv, CRLF line ends) to a file that appears
// under its name only when it is complete.
#pragma once

#include <fstream>
#include <string>
#include <vector>

#include "nextstep/model/result.h"

namespace nextstep::data {

class CsvWriter {
 public:
  // Writes to path.partial until commit() renames it to path.
  explicit CsvWriter(std::string path);
  ~CsvWriter();
  CsvWriter(const CsvWriter&) = delete;
  CsvWriter& operator=(const CsvWriter&) = delete;

  void row(const std::vector<std::string>& fields);
  Result<void> commit();

 private:
  std::string path_;
  std::string partial_;
  std::ofstream out_;
  std::string buffer_;
  bool committed_ = false;
};

}  // namespace nextstep::data
