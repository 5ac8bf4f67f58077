#include "nextstep/follow_up/today.h"

#include "health/pipeline_counts.h"
#include "nextstep/storage/record_reads.h"

namespace nextstep {
namespace {

// Meetings with their deal's title and account name, read through `index` so the plan never
// depends on statistics; the meeting drives the join (CROSS JOIN), also for one rep.
std::string agendaSelect(const char* index) {
  return "SELECT " + meetingColumns("m") + ", d.title, coalesce(acc.name, '') FROM meetings m " +
         "INDEXED BY " + index +
         " CROSS JOIN deals d ON d.id = m.deal_id LEFT JOIN accounts acc ON acc.id = d.account_id ";
}

// Rep actions with their deal's title and account name. One rep's come from their own index
// range: deal_owner is the deal's owner, copied by trigger.
std::string dueSelect(const counts::Owner& owner) {
  return "SELECT " + actionColumns("a") + ", d.title, coalesce(acc.name, '') FROM actions a " +
         (owner ? "INDEXED BY actions_owner_due" : "INDEXED BY actions_due") +
         " CROSS JOIN deals d ON d.id = a.deal_id LEFT JOIN accounts acc ON acc.id = d.account_id "
         "WHERE a.done = 0 AND a.deleted = 0 AND a.owner = 'rep'" +
         (owner ? " AND a.deal_owner = ?9" : "");
}

constexpr int kMeetingCols = 17;
constexpr int kActionCols = 10;

std::string ownerClause(const std::optional<std::string>& owner) {
  return owner ? " AND d.owner = ?9" : "";
}

}  // namespace

std::vector<AgendaMeeting> readAgenda(Statement& s) {
  std::vector<AgendaMeeting> out;
  while (s.step()) {
    out.push_back({readMeeting(s), s.text(kMeetingCols), s.text(kMeetingCols + 1)});
  }
  return out;
}

std::vector<DueAction> readDueActions(Statement& s) {
  std::vector<DueAction> out;
  while (s.step()) {
    out.push_back({readAction(s), s.text(kActionCols), s.text(kActionCols + 1)});
  }
  return out;
}

Result<Today> today(Store& store, const TodayQuery& q) {
  const Instant now = store.now();
  const std::int64_t nowUnix = toUnix(now);
  return store.read([&](Database& db) {
    Today t;
    t.date = q.zone.toLocal(now).date;
    t.zone = q.zone.name();
    const auto [dayStart, dayEnd] = q.zone.dayBounds(t.date);
    const std::string todayIso = t.date.iso();
    const std::string owner = ownerClause(q.owner);
    const std::string limit = " LIMIT " + std::to_string(q.limit);
    auto bindOwner = [&](Statement& s) {
      if (q.owner) s.bind(9, *q.owner);
    };
    const counts::OwnerTotals totals = counts::ownerTotals(db, q.owner);

    {
      // One rep's through their own range: deal_owner is the deal's owner, copied by trigger.
      auto s =
          db.prepare(agendaSelect(q.owner ? "meetings_owner_start" : "meetings_start") +
                     "WHERE m.start_at >= ?1 AND m.start_at < ?2 AND m.deleted = 0 "
                     "AND m.status != 'cancelled'" +
                     (q.owner ? " AND m.deal_owner = ?9" : "") + " ORDER BY m.start_at" + limit);
      s->bindAll(toUnix(dayStart), toUnix(dayEnd));
      bindOwner(*s);
      t.meetings = readAgenda(*s);
    }
    {
      auto s = db.prepare(dueSelect(q.owner) + " AND a.due = ?1 ORDER BY a.created_at" + limit);
      s->bind(1, todayIso);
      bindOwner(*s);
      t.follow_ups_due = readDueActions(*s);
    }
    {
      auto s = db.prepare(dueSelect(q.owner) + " AND a.due < ?1 ORDER BY a.due DESC" + limit);
      s->bind(1, todayIso);
      bindOwner(*s);
      t.follow_ups_overdue = readDueActions(*s);
      t.follow_ups_overdue_total = counts::followUpsOverdue(db, totals, todayIso, q.owner);
    }
    {
      // Ended but still planned: few (an outcome is logged after each meeting), so counted.
      auto s = db.prepare(agendaSelect("meetings_overdue") +
                          "WHERE m.end_at <= ?1 AND m.status = 'planned' AND m.deleted = 0" +
                          owner + " ORDER BY m.end_at DESC" + limit);
      s->bind(1, nowUnix);
      bindOwner(*s);
      t.outcomes_missing = readAgenda(*s);
      auto c =
          db.prepare(std::string("SELECT count(*) FROM meetings m INDEXED BY meetings_overdue") +
                     (q.owner ? " CROSS JOIN deals d ON d.id = m.deal_id" : "") +
                     " WHERE m.end_at <= ?1 AND m.status = 'planned' AND m.deleted = 0" + owner);
      c->bind(1, nowUnix);
      bindOwner(*c);
      c->step();
      t.outcomes_missing_total = c->integer(0);
    }
    {
      auto s = db.prepare("SELECT " + dealColumns("d") + " FROM deals d INDEXED BY " +
                          (q.owner ? "deals_owner_next" : "deals_next_step") +
                          " WHERE d.status = 'open' AND d.deleted = 0 AND d.planned_end_max <= ?1" +
                          owner + " ORDER BY d.planned_end_max DESC" + limit);
      s->bind(1, nowUnix);
      bindOwner(*s);
      while (s->step()) t.need_next_step.push_back(DealRow{readDeal(*s), std::nullopt});
      t.open_deals = totals.open_deals;
      t.need_next_step_total = totals.open_deals - counts::withNextStep(db, nowUnix, q.owner);
    }
    return t;
  });
}

}  // namespace nextstep
