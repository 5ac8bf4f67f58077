#include "nextstep/health/pipeline_health.h"

#include "health/pipeline_counts.h"
#include "nextstep/pipeline/team_settings.h"
#include "nextstep/storage/record_reads.h"

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
    // Deals listed through the team's index or the rep's owner-leading one.
    auto dealsBy = [&](const char* team, const char* rep) {
      return std::string(" FROM deals d INDEXED BY ") + (q.owner ? rep : team) + " WHERE ";
    };
    const counts::OwnerTotals totals = counts::ownerTotals(db, q.owner);

    // Rule 1 and the headline.
    h.open_deals = totals.open_deals;
    h.with_next_step = counts::withNextStep(db, nowUnix, q.owner);
    h.without_next_step_total = h.open_deals - h.with_next_step;
    {
      auto s = db.prepare("SELECT " + dealColumns("d") +
                          dealsBy("deals_next_step", "deals_owner_next") + openDeals +
                          " AND d.planned_end_max <= ?1 ORDER BY d.planned_end_max DESC" + limit);
      s->bind(1, nowUnix);
      bindOwner(*s);
      while (s->step()) h.without_next_step.push_back(DealRow{readDeal(*s), std::nullopt});
    }

    // Next steps in the past with no outcome logged: few (an outcome follows each meeting), so
    // counted.
    const std::string meetingsOfOwner = q.owner ? " CROSS JOIN deals d ON d.id = m.deal_id" : "";
    h.overdue_total =
        count(db,
              "SELECT count(*) FROM meetings m INDEXED BY meetings_overdue" + meetingsOfOwner +
                  " WHERE m.end_at <= ?1 AND m.status = 'planned' AND m.deleted = 0" + owner,
              withNow);
    {
      auto s = db.prepare(
          "SELECT " + meetingColumns("m") +
          ", d.title, coalesce(acc.name, '') FROM meetings m INDEXED BY meetings_overdue "
          "CROSS JOIN deals d ON d.id = m.deal_id "
          "LEFT JOIN accounts acc ON acc.id = d.account_id "
          "WHERE m.end_at <= ?1 AND m.status = 'planned' AND m.deleted = 0" +
          owner + " ORDER BY m.end_at DESC" + limit);
      s->bind(1, nowUnix);
      bindOwner(*s);
      h.overdue = readAgenda(*s);
    }

    // Rule 7: follow-ups due today and overdue, in the zone of the device.
    const std::string todayIso = q.zone.toLocal(now).date.iso();
    h.follow_ups_due_today = counts::repActionsDue(db, "=", todayIso, q.owner);
    h.follow_ups_overdue = counts::followUpsOverdue(db, totals, todayIso, q.owner);

    // Rule 8: customers with open deals past their touch cadence.
    {
      h.stale_total = counts::staleAccounts(db, totals, nowUnix, settings.cadence_days, q.owner);
      const std::string cadence = std::to_string(settings.cadence_days);
      // One rep's come from their rows of account_owners, which copy each account's touch.
      const std::string sql =
          q.owner ? "SELECT " + accountColumns("a") +
                        " FROM account_owners o INDEXED BY account_owners_touch "
                        "CROSS JOIN accounts a ON a.id = o.account_id "
                        "WHERE o.okey = ?9 AND o.open_n > 0 AND o.account_live = 1 "
                        "AND o.last_touch_at < ?1 - 86400 * coalesce(o.cadence_days, " +
                        cadence + ") ORDER BY o.last_touch_at" + limit
                  : "SELECT " + accountColumns("a") +
                        " FROM accounts a INDEXED BY accounts_touch "
                        "WHERE a.open_deals > 0 AND a.deleted = 0 "
                        "AND a.last_touch_at < ?1 - 86400 * coalesce(a.cadence_days, " +
                        cadence + ") ORDER BY a.last_touch_at" + limit;
      auto s = db.prepare(sql);
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
    h.held_without_next_total = totals.held_without_next;
    {
      auto s = db.prepare("SELECT " + dealColumns("d") +
                          dealsBy("deals_held_recent", "deals_owner_held") + openDeals +
                          " AND d.held_without_next = 1 ORDER BY d.held_last_start DESC" + limit);
      bindOwner(*s);
      while (s->step()) h.held_without_next.push_back(readDeal(*s));
    }

    // Rule 4: recent customer actions are compliance only.
    h.compliance_only_total = totals.compliance_only;
    {
      auto s = db.prepare("SELECT " + dealColumns("d") +
                          dealsBy("deals_compliance", "deals_owner_compliance") + openDeals +
                          " AND d.compliance_only = 1 ORDER BY d.rid DESC" + limit);
      bindOwner(*s);
      while (s->step()) h.compliance_only.push_back(readDeal(*s));
    }
    h.commitment_deals = totals.commitment;

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
    const counts::Bookings booked =
        counts::bookingsSince(db, nowUnix - std::int64_t{86400} * q.rate_window_days, q.owner);
    h.booked_total = booked.total;
    h.booked_at_table = booked.at_table;

    h.next_step_rate = ratio(h.with_next_step, h.open_deals);
    h.booked_at_table_rate = ratio(h.booked_at_table, h.booked_total);
    h.commitment_rate = ratio(h.commitment_deals, h.open_deals);
    return h;
  });
}

}  // namespace nextstep
