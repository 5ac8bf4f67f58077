#include "nextstep/follow_up/reminders.h"

#include <algorithm>

#include "nextstep/pipeline/team_settings.h"
#include "nextstep/storage/local_meta.h"

namespace nextstep {
namespace {

// Device-local memory of what was shown, in local_meta (never synced, as every device shows a
// reminder once for itself): "reminder_delivered:<id>" -> unix seconds.
constexpr std::string_view kDeliveredPrefix = "reminder_delivered:";
constexpr std::int64_t kForgetAfterSeconds = 60 * 86400;

struct Window {
  Instant now;
  Instant until;        // now + horizon
  CivilDate first_day;  // today - lookback, in the device's zone
  CivilDate last_day;   // the day `until` falls on
};

// When a reminder for a day fires: that morning on the device's clocks (or the day's first moment
// when that hour does not exist there).
Instant morningOf(const CivilDate& day, const ReminderQuery& q) {
  if (auto t = q.zone.toInstant({day, q.morning_hour, 0})) return *t;
  return q.zone.dayBounds(day).first;
}

std::string ownerClause(const ReminderQuery& q) { return q.owner ? " AND d.owner = ?9" : ""; }

std::string limitClause(const ReminderQuery& q) { return " LIMIT " + std::to_string(q.limit); }

std::string dealLabel(const std::string& title, const std::string& account) {
  return account.empty() ? title : title + " (" + account + ")";
}

void actionReminders(Database& db, const ReminderQuery& q, const Window& w, ActionOwner owner,
                     std::vector<Reminder>& out) {
  auto s = db.prepare(
      "SELECT a.id, a.deal_id, a.text, a.due, d.title, coalesce(acc.name, ''), "
      "coalesce(d.account_id, ''), a.meeting_id FROM actions a JOIN deals d ON d.id = a.deal_id "
      "LEFT JOIN accounts acc ON acc.id = d.account_id "
      "WHERE a.done = 0 AND a.deleted = 0 AND a.owner = ?3 AND a.due >= ?1 AND a.due <= ?2 "
      "AND d.deleted = 0" +
      ownerClause(q) + " ORDER BY a.due, a.created_at" + limitClause(q));
  s->bindAll(w.first_day.iso(), w.last_day.iso(), std::string(nameOf(owner)));
  if (q.owner) s->bind(9, *q.owner);
  while (s->step()) {
    auto due = CivilDate::parse(s->textView(3));
    if (!due) continue;
    Reminder r;
    r.fire_at = morningOf(*due, q);
    if (r.fire_at > w.until) continue;
    r.action_id = s->text(0);
    r.deal_id = s->text(1);
    r.account_id = s->text(6);
    r.meeting_id = s->optText(7);
    const std::string text = s->text(2);
    const std::string deal = dealLabel(s->text(4), s->text(5));
    if (owner == ActionOwner::kRep) {
      r.kind = ReminderKind::kFollowUp;
      r.title = text;
      r.body = deal + ", due " + due->iso();
    } else {
      r.kind = ReminderKind::kCustomerDate;
      r.title = "Their date: " + text;
      r.body = deal + ": the customer said by " + due->iso() + ". Ask whether it is done.";
    }
    r.id = std::string(reminderKindName(r.kind)) + ":" + *r.action_id + ":" + due->iso();
    out.push_back(std::move(r));
  }
}

void meetingReminders(Database& db, const ReminderQuery& q, const Window& w,
                      std::vector<Reminder>& out) {
  const std::int64_t close = std::chrono::seconds(kCloseTheCall).count();
  auto s = db.prepare(
      "SELECT m.id, m.deal_id, m.start_at, m.end_at, d.title, coalesce(acc.name, ''), "
      "coalesce(d.account_id, '') FROM meetings m JOIN deals d ON d.id = m.deal_id "
      "LEFT JOIN accounts acc ON acc.id = d.account_id "
      "WHERE m.status = 'planned' AND m.deleted = 0 AND m.end_at > ?1 AND m.end_at <= ?2 "
      "AND d.deleted = 0" +
      ownerClause(q) + " ORDER BY m.end_at" + limitClause(q));
  s->bindAll(toUnix(w.now), toUnix(w.until) + close);
  if (q.owner) s->bind(9, *q.owner);
  while (s->step()) {
    Reminder r;
    r.kind = ReminderKind::kMeetingEnding;
    r.meeting_id = s->text(0);
    r.deal_id = s->text(1);
    r.account_id = s->text(6);
    const std::int64_t end = s->integer(3);
    r.fire_at = instantFromUnix(std::max(s->integer(2), end - close));
    if (r.fire_at > w.until) continue;
    r.title = "Ten minutes left: close the call";
    r.body = dealLabel(s->text(4), s->text(5)) +
             ": recap, ask each decision maker, then book the next step before you leave.";
    r.id = std::string(reminderKindName(r.kind)) + ":" + *r.meeting_id + ":" + std::to_string(end);
    out.push_back(std::move(r));
  }
}

void touchReminders(Database& db, const ReminderQuery& q, const Window& w,
                    std::vector<Reminder>& out) {
  const int teamCadence = loadTeamSettings(db).cadence_days;
  // The cadence lapses on the day last_touch_at + cadence falls on.
  auto s = db.prepare(
      "SELECT a.id, a.name, a.last_touch_at, coalesce(a.cadence_days, ?3) AS cadence "
      "FROM accounts a WHERE a.open_deals > 0 AND a.deleted = 0 "
      "AND a.last_touch_at + 86400 * coalesce(a.cadence_days, ?3) BETWEEN ?1 AND ?2" +
      std::string(q.owner ? " AND EXISTS (SELECT 1 FROM deals d WHERE d.account_id = a.id "
                            "AND d.status = 'open' AND d.deleted = 0 AND d.owner = ?9)"
                          : "") +
      " ORDER BY a.last_touch_at" + limitClause(q));
  s->bindAll(toUnix(q.zone.dayBounds(w.first_day).first), toUnix(w.until) + 86400, teamCadence);
  if (q.owner) s->bind(9, *q.owner);
  while (s->step()) {
    const int cadence = static_cast<int>(s->integer(3));
    const Instant lapses = instantFromUnix(s->integer(2) + 86400LL * cadence);
    const CivilDate day = q.zone.toLocal(lapses).date;
    Reminder r;
    r.kind = ReminderKind::kTouchDue;
    r.fire_at = morningOf(day, q);
    if (r.fire_at > w.until) continue;
    r.account_id = s->text(0);
    r.title = "Touch base with " + s->text(1);
    r.body = "No touch for " + std::to_string(cadence) +
             " days. A short note counts: congratulations, an invitation to an event.";
    r.id = std::string(reminderKindName(r.kind)) + ":" + r.account_id + ":" + day.iso();
    out.push_back(std::move(r));
  }
}

}  // namespace

std::string_view reminderKindName(ReminderKind kind) {
  switch (kind) {
    case ReminderKind::kFollowUp:
      return "follow_up";
    case ReminderKind::kCustomerDate:
      return "customer_date";
    case ReminderKind::kMeetingEnding:
      return "meeting_ending";
    case ReminderKind::kTouchDue:
      return "touch_due";
  }
  return "?";
}

Result<std::vector<Reminder>> dueReminders(Store& store, const ReminderQuery& q) {
  return store.read([&](Database& db) {
    Window w;
    w.now = q.now;
    w.until = q.now + q.horizon;
    w.first_day = q.zone.toLocal(q.now).date.plusDays(-q.lookback_days);
    w.last_day = q.zone.toLocal(w.until).date;
    std::vector<Reminder> out;
    actionReminders(db, q, w, ActionOwner::kRep, out);
    actionReminders(db, q, w, ActionOwner::kCustomer, out);
    meetingReminders(db, q, w, out);
    touchReminders(db, q, w, out);
    std::stable_sort(out.begin(), out.end(),
                     [](const Reminder& a, const Reminder& b) { return a.fire_at < b.fire_at; });
    return out;
  });
}

Result<std::vector<Reminder>> dueReminders(Store& store, Instant now,
                                           std::chrono::seconds horizon) {
  ReminderQuery q;
  q.now = now;
  q.horizon = horizon;
  return dueReminders(store, q);
}

Result<std::vector<Reminder>> undeliveredReminders(Store& store, const ReminderQuery& query) {
  ReminderQuery now = query;
  now.horizon = std::chrono::seconds(0);
  auto due = dueReminders(store, now);
  if (!due) return due;
  return store.read([&](Database& db) {
    std::vector<Reminder> out;
    for (Reminder& r : *due) {
      if (!local_meta::integer(db, std::string(kDeliveredPrefix) + r.id))
        out.push_back(std::move(r));
    }
    return out;
  });
}

Result<void> markDelivered(Store& store, const std::vector<Reminder>& shown, Instant at) {
  // Local bookkeeping only: no Mutation call, so nothing goes to the outbox.
  return store.write([&](Mutation& m) {
    Database& db = m.db();
    for (const Reminder& r : shown) {
      local_meta::put(db, std::string(kDeliveredPrefix) + r.id, Value(std::int64_t{toUnix(at)}));
    }
    std::string upper(kDeliveredPrefix);
    upper.back() = static_cast<char>(upper.back() + 1);
    auto prune = db.prepare("DELETE FROM local_meta WHERE key >= ?1 AND key < ?2 AND value < ?3");
    prune->bindAll(std::string(kDeliveredPrefix), upper, toUnix(at) - kForgetAfterSeconds);
    prune->run();
  });
}

}  // namespace nextstep
