#include "nextstep/today.h"

#include "nextstep/record_reads.h"

namespace nextstep {
namespace {

const std::string& agendaSelect() {
  static const std::string sql = "SELECT " + meetingColumns("m") +
                                 ", d.title, coalesce(acc.name, '') FROM meetings m "
                                 "JOIN deals d ON d.id = m.deal_id "
                                 "LEFT JOIN accounts acc ON acc.id = d.account_id ";
  return sql;
}

const std::string& dueSelect() {
  static const std::string sql = "SELECT " + actionColumns("a") +
                                 ", d.title, coalesce(acc.name, '') FROM actions a "
                                 "JOIN deals d ON d.id = a.deal_id "
                                 "LEFT JOIN accounts acc ON acc.id = d.account_id ";
  return sql;
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

    {
      auto s = db.prepare(agendaSelect() +
                          "WHERE m.start_at >= ?1 AND m.start_at < ?2 AND m.deleted = 0 "
                          "AND m.status != 'cancelled'" +
                          owner + " ORDER BY m.start_at" + limit);
      s->bindAll(toUnix(dayStart), toUnix(dayEnd));
      bindOwner(*s);
      t.meetings = readAgenda(*s);
    }
    {
      auto s = db.prepare(dueSelect() +
                          "WHERE a.due = ?1 AND a.done = 0 AND a.deleted = 0 AND a.owner = 'rep'" +
                          owner + " ORDER BY a.created_at" + limit);
      s->bind(1, todayIso);
      bindOwner(*s);
      t.follow_ups_due = readDueActions(*s);
    }
    {
      auto s = db.prepare(dueSelect() +
                          "WHERE a.due < ?1 AND a.done = 0 AND a.deleted = 0 AND a.owner = 'rep'" +
                          owner + " ORDER BY a.due DESC" + limit);
      s->bind(1, todayIso);
      bindOwner(*s);
      t.follow_ups_overdue = readDueActions(*s);
      auto c = db.prepare(std::string("SELECT count(*) FROM actions a") +
                          (q.owner ? " JOIN deals d ON d.id = a.deal_id" : "") +
                          " WHERE a.due < ?1 AND a.done = 0 AND a.deleted = 0 AND a.owner = 'rep'" +
                          owner);
      c->bind(1, todayIso);
      bindOwner(*c);
      c->step();
      t.follow_ups_overdue_total = c->integer(0);
    }
    {
      auto s = db.prepare(agendaSelect() +
                          "WHERE m.end_at <= ?1 AND m.status = 'planned' AND m.deleted = 0" +
                          owner + " ORDER BY m.end_at DESC" + limit);
      s->bind(1, toUnix(now));
      bindOwner(*s);
      t.outcomes_missing = readAgenda(*s);
      auto c =
          db.prepare(std::string("SELECT count(*) FROM meetings m") +
                     (q.owner ? " JOIN deals d ON d.id = m.deal_id" : "") +
                     " WHERE m.end_at <= ?1 AND m.status = 'planned' AND m.deleted = 0" + owner);
      c->bind(1, toUnix(now));
      bindOwner(*c);
      c->step();
      t.outcomes_missing_total = c->integer(0);
    }
    {
      auto s = db.prepare("SELECT " + dealColumns("d") +
                          " FROM deals d WHERE d.status = 'open' AND d.deleted = 0 "
                          "AND d.planned_end_max <= ?1" +
                          owner + " ORDER BY d.planned_end_max DESC" + limit);
      s->bind(1, toUnix(now));
      bindOwner(*s);
      while (s->step()) t.need_next_step.push_back(DealRow{readDeal(*s), std::nullopt});
      auto c = db.prepare(
          "SELECT count(*), sum(d.planned_end_max <= ?1) FROM deals d "
          "WHERE d.status = 'open' AND d.deleted = 0" +
          owner);
      c->bind(1, toUnix(now));
      bindOwner(*c);
      c->step();
      t.open_deals = c->integer(0);
      t.need_next_step_total = c->integer(1);
    }
    return t;
  });
}

}  // namespace nextstep
