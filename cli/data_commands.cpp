#include "data_commands.h"

#include "flag_values.h"
#include "nextstep/data/backup.h"
#include "nextstep/data/csv_import.h"
#include "nextstep/data/export.h"

namespace nextstep::cli {
namespace {

Result<char> parseDelimiter(const std::string& text) {
  if (text == "tab" || text == "\\t" || text == "\t") return '\t';
  if (text.size() == 1 && std::string_view(",;|").find(text[0]) != std::string_view::npos) {
    return text[0];
  }
  return Error::invalid("--delimiter: '" + text + "' is not one of , ; | tab");
}

}  // namespace

Result<void> importCsvCommand(Session& session, const ImportCsvFlags& flags) {
  data::ImportOptions options;
  auto from = data::parseCrmSource(flags.from);
  if (!from) {
    return Error::invalid("--from: '" + flags.from +
                          "' is not one of salesforce|hubspot|pipedrive|nextstep");
  }
  options.from = *from;
  if (flags.kind) {
    auto kind = data::parseImportKind(*flags.kind);
    if (!kind) {
      return Error::invalid("--kind: '" + *flags.kind +
                            "' is not one of deals|accounts|contacts|activities");
    }
    options.kind = *kind;
  }
  if (flags.delimiter) {
    auto d = parseDelimiter(*flags.delimiter);
    if (!d) return d.error();
    options.delimiter = *d;
  }
  if (flags.currency) {
    auto c = parseCurrency("--currency", *flags.currency);
    if (!c) return c.error();
    options.default_currency = *c;
  }
  options.owner = flags.owner.value_or("");
  options.dry_run = flags.dry_run;
  options.zone = session.zone();

  auto store = session.store(DatabaseUse::kCreate);
  if (!store) return store.error();
  auto report = data::importCsvFile(**store, flags.file, options);
  if (!report) return report.error();
  // A dry run leaves no trace, not even a new empty database.
  if (flags.dry_run) session.discardCreatedDatabase();
  session.printer().imported(*report);
  return {};
}

Result<void> exportCsvCommand(Session& session, const std::string& dir) {
  auto store = session.store(DatabaseUse::kRead);
  if (!store) return store.error();
  auto summary = data::exportCsv(**store, dir);
  if (!summary) return summary.error();
  session.printer().exported(ExportOutput{"csv", dir, std::move(*summary)});
  return {};
}

Result<void> exportJsonCommand(Session& session, const std::string& file) {
  auto store = session.store(DatabaseUse::kRead);
  if (!store) return store.error();
  auto summary = data::exportJson(**store, file);
  if (!summary) return summary.error();
  session.printer().exported(ExportOutput{"json", file, std::move(*summary)});
  return {};
}

Result<void> backupCommand(Session& session, const std::string& file) {
  auto store = session.store(DatabaseUse::kRead);
  if (!store) return store.error();
  auto check = data::backupDatabase(**store, file);
  if (!check) return check.error();
  session.printer().backedUp(*check);
  return {};
}

Result<void> restoreCommand(Session& session, const std::string& file) {
  // Check the backup before touching (or creating) anything.
  auto usable = data::verifyBackup(file);
  if (!usable) return usable.error();
  auto store = session.store(DatabaseUse::kCreate);
  if (!store) return store.error();
  auto report = data::restoreDatabase(**store, file, session.now());
  if (!report) return report.error();
  session.printer().restored(*report);
  return {};
}

}  // namespace nextstep::cli
