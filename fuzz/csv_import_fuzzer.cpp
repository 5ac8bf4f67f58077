// A CSV file as a rep imports it: the first byte picks the options (which CRM, which kind of
// records, which delimiter), the rest is the file. Every import is a dry run, which does all the
// work and rolls it back, so one device database serves every input. Nothing may crash, and the
// report must add up.
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string_view>

#include "fuzz_check.h"
#include "nextstep/data/csv_import.h"
#include "nextstep/storage/store.h"
#include "scratch_dir.h"

namespace nextstep::fuzz {
namespace {

struct Device {
  ScratchDir dir;
  std::unique_ptr<Store> store;
  Device() {
    auto opened = Store::open({(dir.path() / "device.db").string(), true, [] { return kNowMs; }});
    check(opened.ok(), "the device database does not open");
    store = std::move(*opened);
  }
};

// Bits 0-1: the CRM; bits 2-4: the kind (4 and up: recognised from the header); bits 5-7: the
// delimiter (0: detected).
data::ImportOptions optionsOf(std::uint8_t b) {
  static constexpr char kDelimiters[] = {',', ';', '\t', '|', ',', ';', '\t'};
  data::ImportOptions o;
  o.from = static_cast<data::CrmSource>(b & 0x3);
  if (const int kind = (b >> 2) & 0x7; kind < 4) o.kind = static_cast<data::ImportKind>(kind);
  if (const int d = b >> 5; d > 0) o.delimiter = kDelimiters[d - 1];
  o.dry_run = true;
  o.owner = "rep@team.example";
  o.zone = *TimeZone::find("Europe/Berlin");
  return o;
}

}  // namespace
}  // namespace nextstep::fuzz

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace nextstep;
  using namespace nextstep::fuzz;
  if (size == 0) return 0;
  static Device device;
  const std::string_view csv(reinterpret_cast<const char*>(data) + 1, size - 1);
  auto report = data::importCsvText(*device.store, csv, optionsOf(data[0]));
  if (!report) {
    check(report.error().code == ErrorCode::kInvalidArgument, "a bad file is not a bad argument");
    return 0;
  }
  check(report->added + report->skipped == report->rows, "the rows do not add up");
  check(report->dry_run, "a dry run is reported as written");
  // Spreadsheet rows: after the header, in file order (blank lines count there, not in rows).
  int previous = 1;
  for (const data::RowReport& row : report->details) {
    check(row.row > previous, "reported rows are not in file order");
    previous = row.row;
  }
  return 0;
}
