#include "csv_writer.h"

#include <csv.h>

#include <cstdio>
#include <filesystem>

namespace nextstep::data {

CsvWriter::CsvWriter(std::string path)
    : path_(std::move(path)), partial_(path_ + ".partial"), out_(partial_, std::ios::binary) {}

CsvWriter::~CsvWriter() {
  if (!committed_) {
    out_.close();
    std::error_code ec;
    std::filesystem::remove(partial_, ec);
  }
}

void CsvWriter::row(const std::vector<std::string>& fields) {
  std::string line;
  for (std::size_t i = 0; i < fields.size(); ++i) {
    if (i > 0) line += ',';
    const std::string& f = fields[i];
    // A quoted field is at most twice as long plus its two quotes.
    buffer_.resize(f.size() * 2 + 2);
    const std::size_t n = csv_write(buffer_.data(), buffer_.size(), f.data(), f.size());
    line.append(buffer_.data(), n);
  }
  line += "\r\n";
  out_ << line;
}

Result<void> CsvWriter::commit() {
  out_.flush();
  out_.close();
  if (!out_) return Error{ErrorCode::kIo, "cannot write " + partial_};
  std::error_code ec;
  std::filesystem::rename(partial_, path_, ec);
  if (ec) return Error{ErrorCode::kIo, "cannot write " + path_ + ": " + ec.message()};
  committed_ = true;
  return {};
}

}  // namespace nextstep::data
