#include "nextstep/health/health_trend.h"

namespace nextstep {
namespace {

double share(std::int64_t part, std::int64_t whole) {
  return whole == 0 ? 0.0 : static_cast<double>(part) / static_cast<double>(whole);
}

// ?1 the week's end (unix), ?2 its start, ?3 the owner or NULL for the team.
constexpr const char* kWeekSql = R"sql(
WITH open_then AS (
  SELECT d.id FROM deals d
  WHERE d.deleted = 0 AND d.status = 'open' AND d.created_at <= ?1
    AND (?3 IS NULL OR d.owner = ?3))
SELECT
  (SELECT count(*) FROM open_then),
  (SELECT count(*) FROM open_then o WHERE EXISTS (
     SELECT 1 FROM meetings m WHERE m.deal_id = o.id AND m.deleted = 0
       AND m.status != 'cancelled' AND coalesce(m.booked_at, 0) <= ?1 AND m.end_at > ?1)),
  (SELECT count(*) FROM open_then o WHERE (
     SELECT a.kind FROM actions a WHERE a.deal_id = o.id AND a.owner = 'customer'
       AND a.deleted = 0 AND a.created_at <= ?1 ORDER BY a.created_at DESC LIMIT 1)
     = 'commitment'),
  (SELECT count(*) FROM meetings m WHERE m.deleted = 0 AND m.booked_at > ?2 AND m.booked_at <= ?1
     AND m.booked_at_table IS NOT NULL AND (?3 IS NULL OR m.deal_owner = ?3)),
  (SELECT count(*) FROM meetings m WHERE m.deleted = 0 AND m.booked_at > ?2 AND m.booked_at <= ?1
     AND m.booked_at_table = 1 AND (?3 IS NULL OR m.deal_owner = ?3))
)sql";

}  // namespace

Result<std::vector<TrendPoint>> healthTrend(Store& store, const TrendQuery& q) {
  if (q.weeks < 1 || q.weeks > 104) {
    return Error::invalid("a trend covers 1 to 104 weeks, not " + std::to_string(q.weeks));
  }
  return store.read([&](Database& db) {
    std::vector<TrendPoint> out;
    const CivilDate today = q.zone.toLocal(q.now).date;
    auto s = db.prepare(kWeekSql);
    for (int w = q.weeks - 1; w >= 0; --w) {
      TrendPoint p;
      p.week_end = today.plusDays(-7LL * w);
      // The last point is now, not the end of today: meetings later today are still ahead.
      const Instant end = w == 0 ? q.now : q.zone.dayBounds(p.week_end).second;
      const Instant start = q.zone.dayBounds(p.week_end.plusDays(-6)).first;
      s->reset();
      s->bindAll(toUnix(end), toUnix(start), q.owner);
      s->step();
      p.open_deals = s->integer(0);
      p.next_step_rate = share(s->integer(1), p.open_deals);
      p.commitment_rate = share(s->integer(2), p.open_deals);
      p.bookings = s->integer(3);
      p.booked_at_table_rate = share(s->integer(4), p.bookings);
      out.push_back(p);
    }
    return out;
  });
}

}  // namespace nextstep
