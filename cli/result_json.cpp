#include "result_json.h"

namespace nextstep::cli {
namespace {

using json = nlohmann::ordered_json;

json optional(const std::optional<std::string>& s) { return s ? json(*s) : json(nullptr); }

}  // namespace

json invitationJson(const InvitationOutput& o) {
  const calendar::Invitation& i = o.invitation;
  json j = {{"uid", i.uid},
            {"sequence", i.sequence},
            {"method", i.method == calendar::InvitationMethod::kCancel ? "cancel" : "request"},
            {"tzid", i.tzid},
            {"invited", i.invited},
            {"without_email", i.without_email},
            {"file", optional(o.file)}};
  if (!o.file) j["ics"] = i.ics;
  return j;
}

json recapJson(const RecapOutput& o) {
  const calendar::Recap& r = o.recap;
  json to = json::array();
  for (const calendar::Recipient& p : r.to) to.push_back({{"name", p.name}, {"email", p.email}});
  json j = {{"format", o.format},
            {"file", optional(o.file)},
            {"from", {{"name", r.from.name}, {"email", r.from.email}}},
            {"to", to},
            {"without_email", r.without_email},
            {"subject", r.subject},
            {"body", r.body},
            {"follow_up_on", r.follow_up_on ? json(r.follow_up_on->iso()) : json(nullptr)},
            {"reminder_action_id", optional(r.reminder_action_id)},
            {"reminder_created", r.reminder_created}};
  if (!o.file) j["content"] = o.content;
  return j;
}

json importJson(const data::ImportReport& r) {
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
  return {{"from", std::string(data::crmSourceName(r.from))},
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

json exportJson(const ExportOutput& o) {
  json files = json::array();
  for (const data::ExportedFile& f : o.summary.files) {
    files.push_back({{"path", f.path}, {"record", f.record}, {"rows", f.rows}});
  }
  return {{"format", o.format}, {"target", o.target}, {"files", files}};
}

json backupJson(const data::BackupCheck& c) {
  return {{"path", c.path},
          {"integrity", "ok"},
          {"schema_version", c.schema_version},
          {"pages", c.pages},
          {"records", c.records}};
}

json restoreJson(const data::RestoreReport& r) {
  return {{"restored", backupJson(r.restored)},
          {"kept_aside", r.kept_aside},
          {"new_device", deviceIdToHex(r.fork.to)},
          {"former_device", deviceIdToHex(r.fork.from)},
          {"carried_changes", r.fork.carried}};
}

json remindersJson(const ReminderRun& run) {
  json list = json::array();
  for (const Reminder& r : run.reminders) {
    list.push_back({{"id", r.id},
                    {"kind", std::string(reminderKindName(r.kind))},
                    {"fire_at", formatUtc(r.fire_at)},
                    {"title", r.title},
                    {"body", r.body},
                    {"deal_id", r.deal_id.empty() ? json(nullptr) : json(r.deal_id)},
                    {"account_id", r.account_id.empty() ? json(nullptr) : json(r.account_id)},
                    {"meeting_id", optional(r.meeting_id)},
                    {"action_id", optional(r.action_id)}});
  }
  return {{"via", run.via},
          {"notice", run.notice},
          {"count", run.reminders.size()},
          {"reminders", list}};
}

}  // namespace nextstep::cli
