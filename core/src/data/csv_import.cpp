// One import: the CSV read, its columns recognised, then its rows written (row_import.h) in one
// transaction, or rolled back whole for a dry run.
#include "nextstep/data/csv_import.h"

#include "crm_columns.h"
#include "csv_table.h"
#include "import_values.h"
#include "nextstep/data/file_bytes.h"
#include "nextstep/model/result_try.h"
#include "row_import.h"

namespace nextstep::data {
namespace {

// Thrown at the end of a dry run to roll its transaction back; never leaves this file.
struct DryRunDone {};

}  // namespace

std::string_view crmSourceName(CrmSource s) {
  switch (s) {
    case CrmSource::kSalesforce:
      return "salesforce";
    case CrmSource::kHubspot:
      return "hubspot";
    case CrmSource::kPipedrive:
      return "pipedrive";
    case CrmSource::kNextstep:
      return "nextstep";
  }
  return "?";
}

std::optional<CrmSource> parseCrmSource(std::string_view name) {
  for (CrmSource s :
       {CrmSource::kSalesforce, CrmSource::kHubspot, CrmSource::kPipedrive, CrmSource::kNextstep}) {
    if (crmSourceName(s) == name) return s;
  }
  return std::nullopt;
}

std::string_view importKindName(ImportKind k) {
  switch (k) {
    case ImportKind::kDeals:
      return "deals";
    case ImportKind::kAccounts:
      return "accounts";
    case ImportKind::kContacts:
      return "contacts";
    case ImportKind::kActivities:
      return "activities";
  }
  return "?";
}

std::optional<ImportKind> parseImportKind(std::string_view name) {
  for (ImportKind k : {ImportKind::kDeals, ImportKind::kAccounts, ImportKind::kContacts,
                       ImportKind::kActivities}) {
    if (importKindName(k) == name) return k;
  }
  return std::nullopt;
}

Result<ImportReport> importCsvText(Store& store, std::string_view csv, const ImportOptions& o) {
  NEXTSTEP_TRY(auto table, readCsv(csv, o.delimiter));
  ImportReport report;
  report.from = o.from;
  report.delimiter = table.delimiter;
  report.dry_run = o.dry_run;
  report.converted_from_windows_1252 = table.converted_from_windows_1252;
  report.rows = static_cast<int>(table.rows.size());
  if (o.kind) {
    report.kind = *o.kind;
  } else if (auto kind = detectKind(o.from, table.header)) {
    report.kind = *kind;
  } else {
    return Error::invalid(
        "cannot tell from the header whether the file holds deals, accounts, "
        "contacts or activities of " +
        std::string(crmSourceName(o.from)) + "; give --kind");
  }
  const ColumnMap map = mapColumns(o.from, report.kind, table.header);
  report.unused_columns = map.unused_columns;

  const Instant now = store.now();
  bool dry_run_complete = false;
  auto written = store.write([&](Mutation& m) {
    RowImport importer(m, now, o, report);
    for (std::size_t i = 0; i < table.rows.size(); ++i) {
      const std::vector<std::string>& fields = table.rows[i];
      const int number = static_cast<int>(i) + 2;
      if (fields.size() == 1 && trim(fields[0]).empty()) {  // a blank line
        --report.rows;
        continue;
      }
      if (fields.size() != table.header.size()) {
        ++report.skipped;
        report.details.push_back({number,
                                  false,
                                  "has " + std::to_string(fields.size()) +
                                      " fields, the header has " +
                                      std::to_string(table.header.size()),
                                  {},
                                  {}});
        continue;
      }
      importer.importRow(number, Row(fields, map));
    }
    if (o.dry_run) {
      dry_run_complete = true;
      throw DryRunDone{};  // rolls the transaction back: nothing of it is written
    }
  });
  if (!written && !dry_run_complete) return written.error();
  return report;
}

Result<ImportReport> importCsvFile(Store& store, const std::string& path, const ImportOptions& o) {
  NEXTSTEP_TRY(auto text, readFileBytes(path));
  return importCsvText(store, text, o);
}

}  // namespace nextstep::data
