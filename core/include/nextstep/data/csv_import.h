// Importing a pipeline from the CSV files that Salesforce, HubSpot and Pipedrive export (their own
// column names; docs/import.md has the mapping), or from NextStep's own CSV export. The CSV itself
// is read by libcsv: quotes, doubled quotes, line breaks inside quotes, a UTF-8 byte-order mark,
// ',' ';' tab or '|' as the delimiter (detected from the header line unless given).
//
// The whole file is one transaction; each row is checked before it is written and written inside
// its own savepoint, so a bad row is skipped (and reported) without aborting the import or leaving
// half of itself behind, and the file is imported all at once or not at all when the database
// itself fails (a full disk): never half an import. A dry run does all of it and rolls back.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "nextstep/model/result.h"
#include "nextstep/storage/store.h"
#include "nextstep/time/civil_time.h"

namespace nextstep::data {

enum class CrmSource { kSalesforce, kHubspot, kPipedrive, kNextstep };
enum class ImportKind { kDeals, kAccounts, kContacts, kActivities };

std::string_view crmSourceName(CrmSource source);  // salesforce, hubspot, pipedrive, nextstep
std::optional<CrmSource> parseCrmSource(std::string_view name);
std::string_view importKindName(ImportKind kind);  // deals, accounts, contacts, activities
std::optional<ImportKind> parseImportKind(std::string_view name);

struct ImportOptions {
  CrmSource from = CrmSource::kSalesforce;
  std::optional<ImportKind> kind;  // default: recognised from the header
  std::optional<char> delimiter;   // default: detected from the header line
  bool dry_run = false;
  std::string default_currency = "EUR";  // for amounts without a currency
  std::string owner;                     // the owner of new records without one in the file
  TimeZone zone = TimeZone::local();     // the zone of dates and times without an offset
};

struct RowReport {
  int row = 0;  // the spreadsheet row: the header is row 1
  bool added = false;
  std::string reason;              // why it was skipped
  std::string id;                  // the new record's id
  std::vector<std::string> notes;  // what was adjusted (an unknown stage, a dropped column)
};

struct ImportReport {
  CrmSource from = CrmSource::kSalesforce;
  ImportKind kind = ImportKind::kDeals;
  char delimiter = ',';
  bool dry_run = false;
  bool converted_from_windows_1252 = false;  // the file was not UTF-8
  int rows = 0;
  int added = 0;
  int skipped = 0;
  int accounts_created = 0;
  std::vector<std::string> unused_columns;  // columns of the file nothing reads
  // Every skipped row and every added row with notes, in file order.
  std::vector<RowReport> details;
};

Result<ImportReport> importCsvText(Store& store, std::string_view csv,
                                   const ImportOptions& options);
Result<ImportReport> importCsvFile(Store& store, const std::string& path,
                                   const ImportOptions& options);

}  // namespace nextstep::data
