// Everything out: one CSV file per record type (RFC 4180, written by libcsv) or one JSON document.
// Deleted records stay out; every field of the catalog is there, references also by name.
#pragma once

#include <string>
#include <vector>

#include "nextstep/model/result.h"
#include "nextstep/storage/store.h"

namespace nextstep::data {

struct ExportedFile {
  std::string path;
  std::string record;  // "deal"
  std::int64_t rows = 0;
};

struct ExportSummary {
  std::vector<ExportedFile> files;  // for JSON: one file, the record counts per type
};

// DIR/accounts.csv, DIR/contacts.csv, DIR/deals.csv, ... (the folder is created if missing). Each
// file is written to a temporary name and renamed, so a reader never sees half a file.
Result<ExportSummary> exportCsv(Store& store, const std::string& dir);
// {"format": "nextstep-export", "version": 1, "exported_at", "schema_version",
//  "records": {"accounts": [...], ...}}
Result<ExportSummary> exportJson(Store& store, const std::string& path);

}  // namespace nextstep::data
