#include "data_output.h"

#include "record_json.h"

#include <filesystem>

#include "text_words.h"

namespace nextstep::cli {
namespace {

using json = Json;

json backupJson(const data::BackupCheck& c) {
  return {{"path", c.path},
          {"integrity", "ok"},
          {"schema_version", c.schema_version},
          {"pages", c.pages},
          {"records", c.records}};
}

std::string reminderLine(const calendar::Recap& r) {
  if (!r.follow_up_on) return {};
  if (!r.reminder_action_id) return {};
  return "Reminder on " + r.follow_up_on->iso() + ": " +
         (r.reminder_created ? "set now" : "already set") + " (" + *r.reminder_action_id + ")";
}

}  // namespace

void to_json(Json& j, const InvitationOutput& o) {
  const calendar::Invitation& i = o.invitation;
  j = {{"uid", i.uid},
       {"sequence", i.sequence},
       {"method", i.method == calendar::InvitationMethod::kCancel ? "cancel" : "request"},
       {"tzid", i.tzid},
       {"invited", i.invited},
       {"without_email", i.without_email},
       {"file", json_form::text(o.file)}};
  if (!o.file) j["ics"] = i.ics;
}

void to_json(Json& j, const RecapOutput& o) {
  const calendar::Recap& r = o.recap;
  json to = json::array();
  for (const calendar::Recipient& p : r.to) to.push_back({{"name", p.name}, {"email", p.email}});
  j = {{"format", o.format},
       {"file", json_form::text(o.file)},
       {"from", {{"name", r.from.name}, {"email", r.from.email}}},
       {"to", to},
       {"without_email", r.without_email},
       {"subject", r.subject},
       {"body", r.body},
       {"follow_up_on", r.follow_up_on ? json(r.follow_up_on->iso()) : json(nullptr)},
       {"reminder_action_id", json_form::text(r.reminder_action_id)},
       {"reminder_created", r.reminder_created}};
  if (!o.file) j["content"] = o.content;
}

void to_json(Json& j, const ImportResult& result) {
  const data::ImportReport& r = result.report;
  json rows = json::array();
  for (const data::RowReport& row : r.details) {
    json e = {{"row", row.row}, {"result", row.added ? "added" : "skipped"}};
    if (row.added) {
      e["id"] = row.id;
      e["notes"] = row.notes;
    } else {
      e["reason"] = row.reason;
    }
    rows.push_back(std::move(e));
  }
  j = {{"from", std::string(data::crmSourceName(r.from))},
       {"kind", std::string(data::importKindName(r.kind))},
       {"dry_run", r.dry_run},
       {"delimiter", std::string(1, r.delimiter)},
       {"converted_from_windows_1252", r.converted_from_windows_1252},
       {"rows", r.rows},
       {"added", r.added},
       {"skipped", r.skipped},
       {"accounts_created", r.accounts_created},
       {"unused_columns", r.unused_columns},
       {"report", rows}};
}

void to_json(Json& j, const ExportOutput& o) {
  json files = json::array();
  for (const data::ExportedFile& f : o.summary.files) {
    files.push_back({{"path", f.path}, {"record", f.record}, {"rows", f.rows}});
  }
  j = {{"format", o.format}, {"target", o.target}, {"files", files}};
}

void to_json(Json& j, const BackupResult& result) { j = backupJson(result.check); }

void to_json(Json& j, const RestoreResult& result) {
  const data::RestoreReport& r = result.report;
  j = {{"restored", backupJson(r.restored)},
       {"kept_aside", r.kept_aside},
       {"new_device", deviceIdToHex(r.fork.to)},
       {"former_device", deviceIdToHex(r.fork.from)},
       {"carried_changes", r.fork.carried}};
}

void to_json(Json& j, const ReminderRun& run) {
  json list = json::array();
  for (const Reminder& r : run.reminders) {
    list.push_back({{"id", r.id},
                    {"kind", std::string(reminderKindName(r.kind))},
                    {"fire_at", formatUtc(r.fire_at)},
                    {"title", r.title},
                    {"body", r.body},
                    {"deal_id", r.deal_id.empty() ? json(nullptr) : json(r.deal_id)},
                    {"account_id", r.account_id.empty() ? json(nullptr) : json(r.account_id)},
                    {"meeting_id", json_form::text(r.meeting_id)},
                    {"action_id", json_form::text(r.action_id)}});
  }
  j = {{"via", run.via},
       {"notice", run.notice},
       {"count", run.reminders.size()},
       {"reminders", list}};
}

void printText(std::ostream& out, const DayWords& /*words*/, const InvitationOutput& o) {
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

void printText(std::ostream& out, const DayWords& /*words*/, const RecapOutput& o) {
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

void printText(std::ostream& out, const DayWords& /*words*/, const ImportResult& result) {
  const data::ImportReport& r = result.report;
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

void printText(std::ostream& out, const DayWords& /*words*/, const ExportOutput& o) {
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

void printText(std::ostream& out, const DayWords& /*words*/, const BackupResult& result) {
  const data::BackupCheck& c = result.check;
  out << "Backed up to " << c.path << ": integrity ok, schema version " << c.schema_version << ", "
      << plural(c.records, "record", "records") << '\n';
}

void printText(std::ostream& out, const DayWords& /*words*/, const RestoreResult& result) {
  const data::RestoreReport& r = result.report;
  out << "Restored " << r.restored.path << ": integrity ok, schema version "
      << r.restored.schema_version << ", " << plural(r.restored.records, "record", "records")
      << ". The database before it is kept at " << r.kept_aside << '\n'
      << "It continues as a new device (" << deviceIdToHex(r.fork.to) << "); "
      << plural(r.fork.carried, "unsent change", "unsent changes")
      << " from the backup will sync at the next sync.\n";
}

void printText(std::ostream& out, const DayWords& words, const ReminderRun& run) {
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
    out << formatInZone(r.fire_at, words.zone()) << "  " << r.title << "\n    " << r.body << '\n';
  }
}

}  // namespace nextstep::cli
