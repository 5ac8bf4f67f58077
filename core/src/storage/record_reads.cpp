#include "nextstep/storage/record_reads.h"

#include "nextstep/model/result.h"

namespace nextstep {
namespace {

std::string qualify(std::string_view alias, std::initializer_list<std::string_view> cols) {
  std::string out;
  for (std::string_view c : cols) {
    if (!out.empty()) out += ", ";
    out += alias;
    out += '.';
    out += c;
  }
  return out;
}

std::optional<CivilDate> optDate(const Statement& s, int col) {
  if (s.isNull(col)) return std::nullopt;
  auto d = CivilDate::parse(s.textView(col));
  if (!d) return std::nullopt;
  return *d;
}

}  // namespace

std::string dealColumns(std::string_view a) {
  return qualify(
             a, {"id", "account_id", "title", "value_minor", "currency", "stage", "status", "owner",
                 "created_at", "lost_reason", "compliance_only", "latest_customer_kind"}) +
         ", (SELECT name FROM accounts WHERE id = " + std::string(a) + ".account_id)";
}

Deal readDeal(const Statement& s, int c) {
  Deal d;
  d.id = s.text(c);
  d.account_id = s.optText(c + 1);
  d.title = s.text(c + 2);
  d.value = Money{s.integer(c + 3), s.text(c + 4)};
  d.stage = s.text(c + 5);
  d.status = enumOr(s.textView(c + 6), DealStatus::kOpen);
  d.owner = s.text(c + 7);
  d.created_at = instantFromUnix(s.integer(c + 8));
  d.lost_reason = s.text(c + 9);
  d.compliance_only = s.integer(c + 10) != 0;
  if (!s.isNull(c + 11)) d.latest_customer_kind = parseEnum<ActionKind>(s.textView(c + 11));
  d.account_name = s.text(c + 12);
  return d;
}

std::string meetingColumns(std::string_view a) {
  return qualify(a, {"id", "deal_id", "start_at", "tz", "duration_min", "place", "agenda", "goal",
                     "status", "booked_at", "booked_at_table", "plan_primary", "plan_backup",
                     "plan_asks", "objective_met", "recap", "event_id"});
}

std::optional<Meeting> meetingOfDeal(Database& db, std::string_view deal_id, std::string_view where,
                                     std::string_view order, Instant t) {
  auto s = db.prepare("SELECT " + meetingColumns("m") +
                      " FROM meetings m WHERE m.deal_id = ?1 AND m.deleted = 0 AND " +
                      std::string(where) + " ORDER BY " + std::string(order) + " LIMIT 1");
  s->bindAll(deal_id, toUnix(t));
  if (!s->step()) return std::nullopt;
  return readMeeting(*s);
}

Meeting readMeeting(const Statement& s, int c) {
  Meeting m;
  m.id = s.text(c);
  m.deal_id = s.text(c + 1);
  m.start = instantFromUnix(s.integer(c + 2));
  m.tz = s.text(c + 3);
  m.duration_min = static_cast<int>(s.integer(c + 4));
  m.place = s.text(c + 5);
  m.agenda = s.text(c + 6);
  m.goal = s.text(c + 7);
  m.status = enumOr(s.textView(c + 8), MeetingStatus::kPlanned);
  m.booked_at = instantFromUnix(s.integer(c + 9));
  if (!s.isNull(c + 10)) m.booked_at_table = s.integer(c + 10) != 0;
  m.plan_primary = s.text(c + 11);
  m.plan_backup = s.text(c + 12);
  m.plan_asks = s.text(c + 13);
  if (!s.isNull(c + 14)) m.objective_met = parseEnum<ObjectiveMet>(s.textView(c + 14));
  m.recap = s.text(c + 15);
  m.event_id = s.optText(c + 16);
  return m;
}

std::string actionColumns(std::string_view a) {
  return qualify(a, {"id", "deal_id", "meeting_id", "owner", "text", "due", "done", "kind",
                     "kind_overridden", "created_at"});
}

ActionItem readAction(const Statement& s, int c) {
  ActionItem x;
  x.id = s.text(c);
  x.deal_id = s.text(c + 1);
  x.meeting_id = s.optText(c + 2);
  x.owner = enumOr(s.textView(c + 3), ActionOwner::kRep);
  x.text = s.text(c + 4);
  x.due = optDate(s, c + 5);
  x.done = s.integer(c + 6) != 0;
  x.kind = enumOr(s.textView(c + 7), ActionKind::kNeutral);
  x.kind_overridden = s.integer(c + 8) != 0;
  x.created_at = instantFromUnix(s.integer(c + 9));
  return x;
}

std::string contactColumns(std::string_view a) {
  return qualify(a, {"id", "account_id", "name", "email", "phone", "role", "title"});
}

std::string outcomeColumns(std::string_view a) {
  return qualify(a, {"id", "deal_id", "result", "no_reason", "reason_text", "probe_answers",
                     "follow_up_on", "what_next", "approvers", "approve_by", "recorded_at"});
}

Outcome readOutcome(const Statement& s, int c) {
  Outcome o;
  o.meeting_id = s.text(c);
  o.deal_id = s.text(c + 1);
  o.result = enumOr(s.textView(c + 2), OutcomeResult::kMaybe);
  if (!s.isNull(c + 3)) o.no_reason = parseEnum<NoReason>(s.textView(c + 3));
  o.reason_text = s.text(c + 4);
  o.probe_answers = s.text(c + 5);
  if (auto d = CivilDate::parse(s.textView(c + 6))) o.follow_up_on = *d;
  o.what_next = s.text(c + 7);
  o.approvers = s.text(c + 8);
  if (auto d = CivilDate::parse(s.textView(c + 9))) o.approve_by = *d;
  o.recorded_at = instantFromUnix(s.integer(c + 10));
  return o;
}

Contact readContact(const Statement& s, int c) {
  Contact x;
  x.id = s.text(c);
  x.account_id = s.optText(c + 1);
  x.name = s.text(c + 2);
  x.email = s.text(c + 3);
  x.phone = s.text(c + 4);
  x.role = enumOr(s.textView(c + 5), ContactRole::kOther);
  x.title = s.text(c + 6);
  return x;
}

std::string accountColumns(std::string_view a) {
  return qualify(a, {"id", "name", "industry", "city", "owner", "cadence_days", "created_at",
                     "last_touch_at", "open_deals", "tz"});
}

Account readAccount(const Statement& s, int c) {
  Account x;
  x.id = s.text(c);
  x.name = s.text(c + 1);
  x.industry = s.text(c + 2);
  x.city = s.text(c + 3);
  x.owner = s.text(c + 4);
  if (!s.isNull(c + 5)) x.cadence_days = static_cast<int>(s.integer(c + 5));
  x.created_at = instantFromUnix(s.integer(c + 6));
  if (s.integer(c + 7) > 0) x.last_touch_at = instantFromUnix(s.integer(c + 7));
  x.open_deals = static_cast<int>(s.integer(c + 8));
  x.tz = s.text(c + 9);
  return x;
}

std::vector<std::string> attendeesOf(Database& db, std::string_view meeting_id) {
  auto s = db.prepare(
      "SELECT contact_id FROM meeting_attendees WHERE meeting_id = ?1 AND present ORDER BY "
      "contact_id");
  s->bind(1, meeting_id);
  std::vector<std::string> out;
  while (s->step()) out.push_back(s->text(0));
  return out;
}

std::optional<Outcome> outcomeOf(Database& db, std::string_view meeting_id) {
  auto s = db.prepare("SELECT " + outcomeColumns("o") +
                      " FROM outcomes o WHERE o.id = ?1 AND o.deleted = 0");
  s->bind(1, meeting_id);
  if (!s->step()) return std::nullopt;
  return readOutcome(*s);
}

std::string resolveId(Database& db, RecordType type, std::string_view id_or_prefix,
                      bool include_deleted) {
  const RecordSpec& spec = specOf(type);
  const std::string table(spec.table);
  const std::string visible = include_deleted ? "" : " AND deleted = 0";
  {
    auto s = db.prepare("SELECT id FROM " + table + " WHERE id = ?1" + visible);
    s->bind(1, id_or_prefix);
    if (s->step()) return s->text(0);
  }
  if (id_or_prefix.size() >= 4 && id_or_prefix.size() < 36 &&
      id_or_prefix.find_first_of("%_") == std::string_view::npos) {
    // Ids are lower-case hex with dashes; a range scan on the unique index finds the prefix.
    std::string upper(id_or_prefix);
    upper.back() = static_cast<char>(upper.back() + 1);
    auto s = db.prepare("SELECT id FROM " + table + " WHERE id >= ?1 AND id < ?2" + visible +
                        " LIMIT 2");
    s->bindAll(id_or_prefix, upper);
    if (s->step()) {
      std::string found = s->text(0);
      if (s->step()) {
        fail(ErrorCode::kAmbiguous, std::string(spec.name) + " id '" + std::string(id_or_prefix) +
                                        "' matches more than one " + std::string(spec.name) +
                                        "; give more characters");
      }
      return found;
    }
  }
  fail(ErrorCode::kNotFound,
       "no " + std::string(spec.name) + " with id '" + std::string(id_or_prefix) + "'");
}

}  // namespace nextstep
