#include "data_commands.h"

#include <optional>
#include <string>

#include "calendar_commands.h"
#include "command_tree.h"
#include "data_output.h"
#include "flag_values.h"
#include "nextstep/data/backup.h"
#include "nextstep/data/csv_import.h"
#include "nextstep/data/export.h"
#include "nextstep/model/result.h"
#include "nextstep/model/result_try.h"
#include "session.h"

namespace nextstep::cli {
namespace {

struct ImportCsvFlags {
  std::string file;
  std::string from;                      // salesforce | hubspot | pipedrive | nextstep
  std::optional<std::string> kind;       // deals | accounts | contacts | activities
  std::optional<std::string> delimiter;  // , ; | tab
  std::optional<std::string> currency;   // for amounts without one
  std::optional<std::string> owner;      // for records without one
  bool dry_run = false;
};

Result<void> importCsvCommand(Session& session, const ImportCsvFlags& flags);
Result<void> exportCsvCommand(Session& session, const std::string& dir);
Result<void> exportJsonCommand(Session& session, const std::string& file);
Result<void> backupCommand(Session& session, const std::string& file);
Result<void> restoreCommand(Session& session, const std::string& file);

Result<char> parseDelimiter(const std::string& text) {
  if (text == "tab" || text == "\\t" || text == "\t") return '\t';
  if (text.size() == 1 && std::string_view(",;|").find(text[0]) != std::string_view::npos) {
    return text[0];
  }
  return Error::invalid("--delimiter: '" + text + "' is not one of , ; | tab");
}

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
    NEXTSTEP_TRY(auto d, parseDelimiter(*flags.delimiter));
    options.delimiter = d;
  }
  if (flags.currency) {
    NEXTSTEP_TRY(auto c, parseCurrency("--currency", *flags.currency));
    options.default_currency = c;
  }
  options.owner = flags.owner.value_or("");
  options.dry_run = flags.dry_run;
  options.zone = session.zone();

  NEXTSTEP_TRY(auto store, session.store(DatabaseUse::kCreate));
  NEXTSTEP_TRY(auto report, data::importCsvFile(*store, flags.file, options));
  // A dry run leaves no trace, not even a new empty database.
  if (flags.dry_run) session.discardCreatedDatabase();
  emit(session, ImportResult{report});
  return {};
}

Result<void> exportCsvCommand(Session& session, const std::string& dir) {
  NEXTSTEP_TRY(auto store, session.store(DatabaseUse::kRead));
  NEXTSTEP_TRY(auto summary, data::exportCsv(*store, dir));
  emit(session, ExportOutput{"csv", dir, std::move(summary)});
  return {};
}

Result<void> exportJsonCommand(Session& session, const std::string& file) {
  NEXTSTEP_TRY(auto store, session.store(DatabaseUse::kRead));
  NEXTSTEP_TRY(auto summary, data::exportJson(*store, file));
  emit(session, ExportOutput{"json", file, std::move(summary)});
  return {};
}

Result<void> backupCommand(Session& session, const std::string& file) {
  NEXTSTEP_TRY(auto store, session.store(DatabaseUse::kRead));
  NEXTSTEP_TRY(auto check, data::backupDatabase(*store, file));
  emit(session, BackupResult{check});
  return {};
}

Result<void> restoreCommand(Session& session, const std::string& file) {
  // Check the backup before touching (or creating) anything.
  NEXTSTEP_TRY(auto usable, data::verifyBackup(file));
  NEXTSTEP_TRY(auto store, session.store(DatabaseUse::kCreate));
  NEXTSTEP_TRY(auto report, data::restoreDatabase(*store, file, session.now()));
  emit(session, RestoreResult{report});
  return {};
}

// The flags of this group's commands, filled by the parser.
struct DataFlags {
  std::string path;  // the folder or file of export csv|json, backup and restore
  ImportCsvFlags import_csv;
};

}  // namespace

void registerDataCommands(CommandTree& tree) {
  DataFlags& f = tree.keep<DataFlags>();
  CLI::App* out = tree.group("export", "The pipeline out: invitations, CSV, JSON");
  registerInvitationExport(tree, out);
  CLI::App* csv = tree.leaf(out, "csv", "Every record type to DIR/<type>.csv",
                            [&f](Session& s) { return exportCsvCommand(s, f.path); });
  flag(csv, "dir", f.path, "Folder (created if missing)", "DIR")->required();
  CLI::App* json = tree.leaf(out, "json", "Every record to one JSON file",
                             [&f](Session& s) { return exportJsonCommand(s, f.path); });
  flag(json, "file", f.path, "File to write", "FILE")->required();

  CLI::App* in = tree.group("import", "The pipeline in: another CRM's CSV export");
  ImportCsvFlags& i = f.import_csv;
  CLI::App* importCsv = tree.leaf(in, "csv", "Import deals, accounts, contacts or activities",
                                  [&i](Session& s) { return importCsvCommand(s, i); });
  flag(importCsv, "file", i.file, "The CSV file", "FILE")->required();
  flag(importCsv, "--from", i.from, "Whose export it is", "salesforce|hubspot|pipedrive|nextstep")
      ->required();
  flag(importCsv, "--kind", i.kind, "What the rows are (default: told by the header)",
       "deals|accounts|contacts|activities");
  flag(importCsv, "--delimiter", i.delimiter, "Field separator (default: detected)", ",|;|tab");
  flag(importCsv, "--currency", i.currency, "Currency of amounts without one (default EUR)",
       "CODE");
  flag(importCsv, "--owner", i.owner, "Owner of records the file gives none", "OWNER");
  importCsv->add_flag("--dry-run", i.dry_run, "Check and report every row; write nothing");

  CLI::App* backup = tree.leaf("backup", "A verified copy of the database, taken online",
                               [&f](Session& s) { return backupCommand(s, f.path); });
  flag(backup, "file", f.path, "Backup file to write", "FILE")->required();
  CLI::App* restore =
      tree.leaf("restore", "Replace the database with a verified backup (the current one kept)",
                [&f](Session& s) { return restoreCommand(s, f.path); });
  flag(restore, "file", f.path, "Backup file", "FILE")->required();
}

}  // namespace nextstep::cli
