#include "sync_text.h"

#include "nextstep/text/field_text.h"
#include "text_words.h"

namespace nextstep::cli {

void printSignedIn(std::ostream& out, const SignIn& r) {
  out << "Signed in as " << r.email << " (team " << r.team << ") on " << r.server << ".\n";
}

void printSyncRound(std::ostream& out, const SyncRun& r) {
  out << "Synced with " << r.server << " (team " << r.team << "): sent "
      << plural(r.round.pushed, "change", "changes") << ", received " << r.round.pulled
      << ", applied " << r.round.applied.applied << ".\n";
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

void printSyncStatus(std::ostream& out, const sync::SyncStatus& st, const TimeZone& zone) {
  out << formatInZone(nowInstant(), zone) << "  " << sync::nameOf(st.state);
  if (st.state == sync::SyncState::kSyncing && st.rows_total > 0) {
    out << " " << st.rows_done << "/" << st.rows_total;
  }
  out << ", " << plural(st.pending, "change", "changes") << " to send";
  if (st.set_aside > 0) out << ", " << plural(st.set_aside, "change", "changes") << " set aside";
  if (!st.error.empty() && st.state != sync::SyncState::kUpToDate) out << ": " << st.error;
  out << std::endl;
}

void printConflicts(std::ostream& out, const std::vector<sync::ConflictEntry>& list,
                    const TimeZone& zone) {
  if (list.empty()) {
    out << "No conflicts: every concurrent edit merged without losing a value.\n";
    return;
  }
  for (const auto& c : list) {
    const std::string what = c.record_title.empty() ? c.record_id : c.record_title;
    out << c.id << "\n  " << specOf(c.type).name << " '" << what << "', " << c.key;
    if (c.kind == "edited_while_deleted") {
      out << ": edited by " << c.lost_author << " while " << c.kept_author << " deleted it\n";
    } else if (c.kind == "removed_while_added") {
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

void printSetAside(std::ostream& out, const std::vector<sync::SetAsideChange>& list,
                   const TimeZone& zone) {
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

void printIntegrity(std::ostream& out, const Integrity& r) {
  out << "ok: " << r.path << " (schema version " << r.schema_version << ", "
      << plural(r.pending_changes, "change", "changes") << " not yet synced)\n";
}

}  // namespace nextstep::cli
