// export csv DIR: one file per record type, plus the meetings' attendees.
#include <filesystem>

#include "csv_writer.h"
#include "export_rows.h"
#include "nextstep/data/export.h"

namespace nextstep::data {
namespace {

namespace fs = std::filesystem;

std::vector<std::string> headerOf(const std::vector<ExportColumn>& columns) {
  std::vector<std::string> out;
  for (const ExportColumn& c : columns) out.push_back(c.name);
  return out;
}

}  // namespace

Result<ExportSummary> exportCsv(Store& store, const std::string& dir) {
  std::error_code ec;
  fs::create_directories(dir, ec);
  if (!fs::is_directory(dir, ec)) return Error{ErrorCode::kIo, "cannot create the folder " + dir};
  // One read transaction: the files agree with each other.
  auto summary = store.read([&](Database& db) -> Result<ExportSummary> {
    ExportSummary out;
    auto write = [&](const std::string& name, const std::string& record,
                     const std::vector<ExportColumn>& columns, auto&& each) -> Result<void> {
      const std::string path = (fs::path(dir) / (name + ".csv")).string();
      CsvWriter csv(path);
      csv.row(headerOf(columns));
      std::int64_t rows = 0;
      std::vector<std::string> cells;
      each([&](const std::vector<Value>& values) {
        cells.clear();
        for (std::size_t i = 0; i < values.size(); ++i) {
          cells.push_back(cellText(values[i], columns[i].type));
        }
        csv.row(cells);
        ++rows;
      });
      if (auto done = csv.commit(); !done) return done.error();
      out.files.push_back({path, record, rows});
      return {};
    };
    for (const RecordSpec& spec : allRecordSpecs()) {
      auto done = write(std::string(spec.table), std::string(spec.name), exportColumns(spec),
                        [&](const auto& row) { forEachRecord(db, spec, row); });
      if (!done) return done.error();
    }
    auto done = write("meeting_attendees", "attendee", attendeeColumns(),
                      [&](const auto& row) { forEachAttendee(db, row); });
    if (!done) return done.error();
    return out;
  });
  if (!summary) return summary.error();
  return std::move(*summary);
}

}  // namespace nextstep::data
