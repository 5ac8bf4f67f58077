#include "result_text.h"

#include <filesystem>

#include "text_words.h"

namespace nextstep::cli {
namespace {

std::string reminderLine(const calendar::Recap& r) {
  if (!r.follow_up_on) return {};
  if (!r.reminder_action_id) return {};
  return "Reminder on " + r.follow_up_on->iso() + ": " +
         (r.reminder_created ? "set now" : "already set") + " (" + *r.reminder_action_id + ")";
}

}  // namespace

void printInvitation(std::ostream& out, const InvitationOutput& o) {
  const calendar::Invitation& i = o.invitation;
  if (!o.file) {
    out << i.ics;
    return;
  }
  out << "Wrote " << *o.file << ": "
      << (i.method == calendar::InvitationMethod::kCancel ? "cancellation" : "invitation")
      << " (SEQUENCE " << i.sequence << ", "
      << plural(static_cast<std::int64_t>(i.invited.size()), "attendee", "attendees")
      << ", times in " << i.tzid << ")";
  if (!i.without_email.empty()) {
    out << "; not invited, no email address: " << joined(i.without_email);
  }
  out << '\n';
}

void printRecap(std::ostream& out, const RecapOutput& o) {
  const std::string reminder = reminderLine(o.recap);
  if (!o.file) {
    out << o.content;
    if (o.format == "text" && !reminder.empty()) out << "\n-- " << reminder << '\n';
    return;
  }
  std::vector<std::string> to;
  for (const calendar::Recipient& r : o.recap.to) to.push_back(r.email);
  out << "Wrote " << *o.file << " (" << o.format << "): to " << (to.empty() ? "-" : joined(to))
      << ", \"" << o.recap.subject << "\"";
  if (!o.recap.without_email.empty()) {
    out << "; no email address: " << joined(o.recap.without_email);
  }
  out << '\n';
  if (!reminder.empty()) out << reminder << '\n';
}

void printImport(std::ostream& out, const data::ImportReport& r) {
  const std::string kind(data::importKindName(r.kind));
  out << (r.dry_run ? "Dry run: would import " : "Imported ") << r.added << " of " << r.rows << " "
      << kind << " from " << data::crmSourceName(r.from);
  if (r.accounts_created > 0)
    out << " (" << plural(r.accounts_created, "new account", "new accounts") << ")";
  out << "; skipped " << r.skipped << (r.dry_run ? ". Nothing was written.\n" : ".\n");
  if (r.converted_from_windows_1252) out << "The file was not UTF-8: read as Windows-1252.\n";
  if (!r.unused_columns.empty())
    out << "Columns not imported: " << joined(r.unused_columns) << '\n';
  for (const data::RowReport& row : r.details) {
    out << "  row " << row.row << ": ";
    if (row.added) {
      out << "added " << row.id << "; " << joined(row.notes) << '\n';
    } else {
      out << "skipped: " << row.reason << '\n';
    }
  }
}

void printExport(std::ostream& out, const ExportOutput& o) {
  std::int64_t total = 0;
  for (const data::ExportedFile& f : o.summary.files) total += f.rows;
  if (o.format == "json") {
    out << "Exported " << plural(total, "record", "records") << " to " << o.target << '\n';
    return;
  }
  out << "Exported " << plural(total, "record", "records") << " to " << o.target << ":\n";
  for (const data::ExportedFile& f : o.summary.files) {
    out << "  " << std::filesystem::path(f.path).filename().string() << "  " << f.rows << '\n';
  }
}

void printBackup(std::ostream& out, const data::BackupCheck& c) {
  out << "Backed up to " << c.path << ": integrity ok, schema version " << c.schema_version << ", "
      << plural(c.records, "record", "records") << '\n';
}

void printRestore(std::ostream& out, const data::RestoreReport& r) {
  out << "Restored " << r.restored.path << ": integrity ok, schema version "
      << r.restored.schema_version << ", " << plural(r.restored.records, "record", "records")
      << ". The database before it is kept at " << r.kept_aside << '\n'
      << "It continues as a new device (" << deviceIdToHex(r.fork.to) << "); "
      << plural(r.fork.carried, "unsent change", "unsent changes")
      << " from the backup will sync at the next sync.\n";
}

void printReminders(std::ostream& out, const ReminderRun& run, const TimeZone& zone) {
  if (!run.notice.empty()) out << run.notice << '\n';
  if (run.reminders.empty()) {
    out << (run.via == "listed" ? "No reminders in that time.\n" : "No reminders due.\n");
    return;
  }
  if (run.via == "desktop") {
    out << "Sent "
        << plural(static_cast<std::int64_t>(run.reminders.size()), "notification", "notifications")
        << " to the desktop:\n";
  }
  for (const Reminder& r : run.reminders) {
    out << formatInZone(r.fire_at, zone) << "  " << r.title << "\n    " << r.body << '\n';
  }
}

}  // namespace nextstep::cli
