#include "sync_output.h"

#include "nextstep/text/field_text.h"
#include "record_json.h"
#include "text_words.h"

namespace nextstep::cli {

using namespace json_form;

namespace {

json valueJson(const Value& v) {
  if (const auto* i = std::get_if<std::int64_t>(&v)) return *i;
  if (const auto* d = std::get_if<double>(&v)) return *d;
  if (const auto* t = std::get_if<std::string>(&v)) {
    // A register (a meeting's time and place) travels as a JSON object: show it as one.
    if (t->starts_with("{")) {
      json parsed = json::parse(*t, nullptr, false);
      if (!parsed.is_discarded()) return parsed;
    }
    return *t;
  }
  return nullptr;
}

}  // namespace

void to_json(Json& j, const SignIn& r) {
  j = {{"server", r.server}, {"email", r.email}, {"team", r.team}};
}

void to_json(Json& j, const SyncRun& r) {
  j = {
      {"server", r.server},
      {"team", r.team},
      {"pushed", r.round.pushed},
      {"rejected", r.round.rejected},
      {"pulled", r.round.pulled},
      {"snapshot_rows", r.round.snapshot.rows},
      {"snapshot_note", r.round.snapshot.why_not.empty() ? Json() : Json(r.round.snapshot.why_not)},
      {"past_log_start", r.round.snapshot.past_log_start},
      {"applied", r.round.applied.applied},
      {"conflicts", r.round.applied.conflicts},
      {"head", r.round.head},
      {"pending", r.pending},
      {"open_conflicts", r.open_conflicts},
      {"set_aside", r.set_aside},
      {"new_device", orNull(r.new_device)}};
}

void to_json(Json& j, const SyncStatusLine& result) {
  const sync::SyncStatus& st = result.status;
  j = {{"state", std::string(sync::nameOf(st.state))},
       {"rows_done", st.rows_done},
       {"rows_total", st.rows_total},
       {"pending", st.pending},
       {"set_aside", st.set_aside},
       {"error", st.error},
       {"last_synced", st.last_synced ? json(formatUtc(*st.last_synced)) : json(nullptr)}};
}

void to_json(Json& j, const ConflictList& result) {
  const std::vector<sync::ConflictEntry>& list = result.conflicts;
  json items = json::array();
  for (const auto& c : list) {
    items.push_back({{"id", c.id},
                     {"record", std::string(specOf(c.type).name)},
                     {"record_id", c.record_id},
                     {"record_title", c.record_title},
                     {"field", c.key},
                     {"kind", name(c.kind)},
                     {"kept", valueJson(c.kept_value)},
                     {"kept_by", c.kept_author},
                     {"kept_at", formatUtc(c.kept_at)},
                     {"lost", valueJson(c.lost_value)},
                     {"lost_by", c.lost_author},
                     {"lost_at", formatUtc(c.lost_at)},
                     {"detected_at", formatUtc(c.detected_at)},
                     {"resolution", orNull(c.resolution)}});
  }
  j = {{"count", list.size()}, {"conflicts", items}};
}

void to_json(Json& j, const SetAsideList& result) {
  const std::vector<sync::SetAsideChange>& list = result.changes;
  json out = json::array();
  for (const auto& c : list) {
    out.push_back({{"id", c.id},
                   {"record_type", std::string(specOf(c.type).name)},
                   {"record_id", c.record_id},
                   {"record_title", c.record_title},
                   {"kind", std::string(nameOf(c.kind))},
                   {"key", c.key},
                   {"value", valueJson(c.value)},
                   {"reason", c.reason},
                   {"set_aside_at", formatUtc(c.set_aside_at)}});
  }
  j = out;
}

void printText(std::ostream& out, const DayWords& /*words*/, const SignIn& r) {
  out << "Signed in as " << r.email << " (team " << r.team << ") on " << r.server << ".\n";
}

void printText(std::ostream& out, const DayWords& /*words*/, const SyncRun& r) {
  out << "Synced with " << r.server << " (team " << r.team << "): sent "
      << plural(r.round.pushed, "change", "changes") << ", received " << r.round.pulled
      << ", applied " << r.round.applied.applied << ".\n";
  if (r.round.snapshot.past_log_start) {
    out << "  Away longer than the server keeps the team's log: started again from the team's "
           "snapshot ("
        << r.round.snapshot.rows << " records), this device's own changes sent first.\n";
  } else if (r.round.snapshot.rows > 0) {
    out << "  Started from the team's snapshot: " << r.round.snapshot.rows << " records.\n";
  } else if (!r.round.snapshot.why_not.empty()) {
    out << "  Read the team's whole log instead of a snapshot: " << r.round.snapshot.why_not
        << ".\n";
  }
  if (r.new_device) {
    out << "  This database now syncs as a new device: " << *r.new_device << ".\n";
  }
  if (r.round.applied.conflicts > 0 || r.open_conflicts > 0) {
    out << "  " << plural(r.open_conflicts, "value", "values")
        << " lost to a concurrent edit: see 'nextstep conflicts'.\n";
  }
  if (r.set_aside > 0) {
    out << "  " << plural(r.set_aside, "change is", "changes are")
        << " set aside: the server refused them. See 'nextstep set-aside' to resend or "
           "drop them.\n";
  }
  if (r.pending > 0) {
    out << "  " << plural(r.pending, "change", "changes") << " still to send.\n";
  } else if (r.set_aside == 0) {
    out << "  Up to date.\n";
  }
}

void printText(std::ostream& out, const DayWords& words, const SyncStatusLine& result) {
  const sync::SyncStatus& st = result.status;
  const TimeZone& zone = words.zone();
  out << formatInZone(nowInstant(), zone) << "  " << sync::nameOf(st.state);
  if (st.state == sync::SyncState::kSyncing && st.rows_total > 0) {
    out << " " << st.rows_done << "/" << st.rows_total;
  }
  out << ", " << plural(st.pending, "change", "changes") << " to send";
  if (st.set_aside > 0) out << ", " << plural(st.set_aside, "change", "changes") << " set aside";
  if (!st.error.empty() && st.state != sync::SyncState::kUpToDate) out << ": " << st.error;
  out << std::endl;
}

void printText(std::ostream& out, const DayWords& words, const ConflictList& result) {
  const std::vector<sync::ConflictEntry>& list = result.conflicts;
  const TimeZone& zone = words.zone();
  if (list.empty()) {
    out << "No conflicts: every concurrent edit merged without losing a value.\n";
    return;
  }
  for (const auto& c : list) {
    const std::string what = c.record_title.empty() ? c.record_id : c.record_title;
    out << c.id << "  " << describeConflictKind(c.kind) << "\n  " << specOf(c.type).name << " '"
        << what << "', " << c.key;
    if (c.kind == ConflictKind::kEditedWhileDeleted) {
      out << ": edited by " << c.lost_author << " while " << c.kept_author << " deleted it\n";
    } else if (c.kind == ConflictKind::kRemovedWhileAdded) {
      out << ": " << c.lost_author << "'s removal lost to " << c.kept_author << "'s add\n";
    } else {
      out << "\n";
    }
    out << "  kept  " << describeFieldValue(c.type, c.key, c.kept_value, zone) << "  ("
        << c.kept_author << ", " << formatInZone(c.kept_at, zone) << ")\n  lost  "
        << describeFieldValue(c.type, c.key, c.lost_value, zone) << "  (" << c.lost_author << ", "
        << formatInZone(c.lost_at, zone) << ")";
    if (c.resolution) out << "\n  " << *c.resolution;
    out << "\n";
  }
}

void printText(std::ostream& out, const DayWords& words, const SetAsideList& result) {
  const std::vector<sync::SetAsideChange>& list = result.changes;
  const TimeZone& zone = words.zone();
  if (list.empty()) {
    out << "Nothing set aside: the server took every change of this device.\n";
    return;
  }
  for (const auto& c : list) {
    const std::string what = c.record_title.empty() ? c.record_id : c.record_title;
    out << c.id << "  " << specOf(c.type).name << " '" << what << "'";
    if (!c.key.empty()) out << ", " << c.key;
    if (c.kind != OpKind::kCreate) out << " = " << describe(c.value);
    out << "\n    set aside " << formatInZone(c.set_aside_at, zone) << ": " << c.reason << "\n";
  }
  out << "Resend one with 'nextstep set-aside resend N', or drop it with 'nextstep set-aside "
         "drop N'.\n";
}

}  // namespace nextstep::cli
