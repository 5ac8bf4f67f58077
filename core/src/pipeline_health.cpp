#include "nextstep/pipeline_health.h"

#include "nextstep/record_reads.h"
#include "nextstep/team_settings.h"

namespace nextstep {
namespace {

double ratio(std::int64_t part, std::int64_t whole) {
  return whole == 0 ? 0.0 : static_cast<double>(part) / static_cast<double>(whole);
}

template <typename Bind>
std::int64_t count(Database& db, const std::string& sql, Bind bind) {
  auto s = db.prepare(sql);
  bind(*s);
  s->step();
  return s->integer(0);
}

}  // namespace

Result<PipelineHealth> pipelineHealth(Store& store, const HealthQuery& q) {
  const Instant now = store.now();
  const std::int64_t nowUnix = toUnix(now);
  return store.read([&](Database& db) {
    PipelineHealth h;
    const TeamSettings settings = loadTeamSettings(db);
    const std::string owner = q.owner ? " AND d.owner = ?9" : "";
    const std::string limit = " LIMIT " + std::to_string(q.limit);
    const std::string openDeals = "d.status = 'open' AND d.deleted = 0" + owner;
    auto bindOwner = [&](Statement& s) {
      if (q.owner) s.bind(9, *q.owner);
    };
    auto withNow = [&](Statement& s) {
      s.bind(1, nowUnix);
      bindOwner(s);
    };

    // Rule 1 and the headline.
    h.open_deals = count(db, "SELECT count(*) FROM deals d WHERE " + openDeals, bindOwner);
    h.without_next_step_total = count(
        db, "SELECT count(*) FROM deals d WHERE " + openDeals + " AND d.planned_end_max <= ?1",
        withNow);
    h.with_next_step = h.open_deals - h.without_next_step_total;
    {
      auto s = db.prepare("SELECT " + dealColumns("d") + " FROM deals d WHERE " + openDeals +
                          " AND d.planned_end_max <= ?1 ORDER BY d.planned_end_max DESC" + limit);
      s->bind(1, nowUnix);
      bindOwner(*s);
      while (s->step()) h.without_next_step.push_back(DealRow{readDeal(*s), std::nullopt});
    }

    // Next steps in the past with no outcome logged.
    const std::string meetingsOfOwner = q.owner ? " JOIN deals d ON d.id = m.deal_id" : "";
    h.overdue_total =
        count(db,
              "SELECT count(*) FROM meetings m" + meetingsOfOwner +
                  " WHERE m.end_at <= ?1 AND m.status = 'planned' AND m.deleted = 0" + owner,
              withNow);
    {
      auto s = db.prepare(
          "SELECT " + meetingColumns("m") +
          ", d.title, coalesce(acc.name, '') FROM meetings m JOIN deals d ON d.id = m.deal_id "
          "LEFT JOIN accounts acc ON acc.id = d.account_id "
          "WHERE m.end_at <= ?1 AND m.status = 'planned' AND m.deleted = 0" +
          owner + " ORDER BY m.end_at DESC" + limit);
      s->bind(1, nowUnix);
      bindOwner(*s);
      h.overdue = readAgenda(*s);
    }

    // Rule 7: follow-ups due today and overdue, in the zone of the device.
    const std::string todayIso = q.zone.toLocal(now).date.iso();
    const std::string actionsOfOwner = q.owner ? " JOIN deals d ON d.id = a.deal_id" : "";
    const std::string openRepActions = " a.done = 0 AND a.deleted = 0 AND a.owner = 'rep'" + owner;
    auto withDay = [&](Statement& s) {
      s.bind(1, todayIso);
      bindOwner(s);
    };
    h.follow_ups_due_today = count(db,
                                   "SELECT count(*) FROM actions a" + actionsOfOwner +
                                       " WHERE a.due = ?1 AND" + openRepActions,
                                   withDay);
    h.follow_ups_overdue = count(db,
                                 "SELECT count(*) FROM actions a" + actionsOfOwner +
                                     " WHERE a.due < ?1 AND" + openRepActions,
                                 withDay);

    // Rule 8: customers with open deals past their touch cadence.
    {
      const std::string stale =
          " FROM accounts a WHERE a.open_deals > 0 AND a.deleted = 0 AND a.last_touch_at < ?1 - "
          "86400 * "
          "coalesce(a.cadence_days, " +
          std::to_string(settings.cadence_days) + ")" +
          (q.owner ? " AND a.id IN (SELECT account_id FROM deals d WHERE " + openDeals + ")" : "");
      h.stale_total = count(db, "SELECT count(*)" + stale, withNow);
      auto s =
          db.prepare("SELECT " + accountColumns("a") + stale + " ORDER BY a.last_touch_at" + limit);
      s->bind(1, nowUnix);
      bindOwner(*s);
      while (s->step()) {
        StaleAccount st;
        st.account = readAccount(*s);
        st.cadence_days = st.account.cadence_days.value_or(settings.cadence_days);
        st.days_since_touch =
            st.account.last_touch_at ? (nowUnix - toUnix(*st.account.last_touch_at)) / 86400 : -1;
        h.stale.push_back(std::move(st));
      }
    }

    // Rule 9: the last meeting was held and nothing was booked after it.
    h.held_without_next_total = count(
        db, "SELECT count(*) FROM deals d WHERE " + openDeals + " AND d.held_without_next = 1",
        bindOwner);
    {
      auto s = db.prepare("SELECT " + dealColumns("d") + " FROM deals d WHERE " + openDeals +
                          " AND d.held_without_next = 1 ORDER BY d.held_last_start DESC" + limit);
      bindOwner(*s);
      while (s->step()) h.held_without_next.push_back(readDeal(*s));
    }

    // Rule 4: recent customer actions are compliance only.
    h.compliance_only_total =
        count(db, "SELECT count(*) FROM deals d WHERE " + openDeals + " AND d.compliance_only = 1",
              bindOwner);
    {
      auto s = db.prepare("SELECT " + dealColumns("d") + " FROM deals d WHERE " + openDeals +
                          " AND d.compliance_only = 1 ORDER BY d.rid DESC" + limit);
      bindOwner(*s);
      while (s->step()) h.compliance_only.push_back(readDeal(*s));
    }
    h.commitment_deals = count(db,
                               "SELECT count(*) FROM deals d WHERE " + openDeals +
                                   " AND d.latest_customer_kind = 'commitment'",
                               bindOwner);

    // Rule 10: interested participants of past events with no meeting booked after the event.
    h.participants_without_next_step = count(db, R"sql(
      SELECT count(*) FROM participants p JOIN events e ON e.id = p.event_id
      WHERE p.deleted = 0 AND p.interested = 1 AND e.deleted = 0 AND e.start_at <= ?1
        AND NOT EXISTS (SELECT 1 FROM meeting_attendees ma JOIN meetings m ON m.id = ma.meeting_id
                        WHERE ma.contact_id = p.contact_id AND ma.present AND m.deleted = 0
                          AND m.status != 'cancelled' AND m.start_at >= e.start_at))sql",
                                             [&](Statement& s) { s.bind(1, nowUnix); });

    // Rule 2: of the bookings in the window that followed an earlier meeting, how many at the
    // table.
    {
      const std::string bookedOfOwner = q.owner ? " JOIN deals d ON d.id = m.deal_id" : "";
      auto s = db.prepare(
          "SELECT count(m.booked_at_table), coalesce(sum(m.booked_at_table), 0) FROM meetings m" +
          bookedOfOwner + " WHERE m.booked_at >= ?1 AND m.deleted = 0" + owner);
      s->bind(1, nowUnix - std::int64_t{86400} * q.rate_window_days);
      bindOwner(*s);
      s->step();
      h.booked_total = s->integer(0);
      h.booked_at_table = s->integer(1);
    }

    h.next_step_rate = ratio(h.with_next_step, h.open_deals);
    h.booked_at_table_rate = ratio(h.booked_at_table, h.booked_total);
    h.commitment_rate = ratio(h.commitment_deals, h.open_deals);
    return h;
  });
}

}  // namespace nextstep
