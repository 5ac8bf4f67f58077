// The counts Today and the pipeline health share, read from the counters that schema version 4
// keeps by trigger (core/schema/4.sql): a few counter rows per question, plus the small
// time-dependent side counted from an index. Counting the rows themselves scanned tens of thousands
// of index entries per question at 100,000 deals (docs/benchmarks.md).
//
// Counter rows are keyed by the deal owner's text (x'' for none), so one rep is one row and the
// team is the sum of one row per owner. Index hints pin the plans these counts were measured with:
// without ANALYZE statistics SQLite picked a non-covering index and read every open deal.
#pragma once

#include <algorithm>
#include <cstdint>
#include <optional>
#include <string>

#include "nextstep/storage/database.h"

namespace nextstep::counts {

using Owner = std::optional<std::string>;

struct OwnerTotals {
  std::int64_t open_deals = 0;
  std::int64_t held_without_next = 0;
  std::int64_t compliance_only = 0;
  std::int64_t commitment = 0;       // open deals whose latest customer action is a commitment
  std::int64_t rep_actions_due = 0;  // undone rep actions that have a due date
  std::int64_t open_accounts = 0;    // accounts (not deleted) with an open deal of the owner
};

inline OwnerTotals ownerTotals(Database& db, const Owner& owner) {
  auto s = db.prepare(
      std::string("SELECT coalesce(sum(open_deals), 0), coalesce(sum(held_without_next), 0), "
                  "coalesce(sum(compliance_only), 0), coalesce(sum(commitment), 0), "
                  "coalesce(sum(rep_actions_due), 0), coalesce(sum(open_accounts), 0) "
                  "FROM owner_totals") +
      (owner ? " WHERE okey = ?1" : ""));
  if (owner) s->bind(1, *owner);
  s->step();
  return {s->integer(0), s->integer(1), s->integer(2), s->integer(3), s->integer(4), s->integer(5)};
}

inline std::int64_t floorDay(std::int64_t unix) {
  return unix >= 0 ? unix / 86400 : -((-unix + 86399) / 86400);
}

// Open deals whose last planned meeting ends after `now`: whole later days from the counter, the
// rest of today's from the index.
inline std::int64_t withNextStep(Database& db, std::int64_t now, const Owner& owner) {
  const std::int64_t day = floorDay(now);
  std::int64_t n = 0;
  {
    auto s =
        db.prepare(std::string("SELECT coalesce(sum(n), 0) FROM deal_next_days WHERE day > ?1") +
                   (owner ? " AND okey = ?2" : ""));
    s->bind(1, day);
    if (owner) s->bind(2, *owner);
    s->step();
    n += s->integer(0);
  }
  auto s = db.prepare(
      owner
          ? "SELECT count(*) FROM deals INDEXED BY deals_owner_next WHERE owner = ?3 "
            "AND status = 'open' AND deleted = 0 AND planned_end_max > ?1 AND planned_end_max < ?2"
          : "SELECT count(*) FROM deals INDEXED BY deals_next_step WHERE status = 'open' "
            "AND deleted = 0 AND planned_end_max > ?1 AND planned_end_max < ?2");
  s->bindAll(now, (day + 1) * 86400);
  if (owner) s->bind(3, *owner);
  s->step();
  return n + s->integer(0);
}

// Undone rep actions due on `dayIso` (op "=") or from it on (op ">="), by due date.
inline std::int64_t repActionsDue(Database& db, const char* op, const std::string& dayIso,
                                  const Owner& owner) {
  auto s = db.prepare(std::string("SELECT coalesce(sum(n), 0) FROM rep_action_days WHERE due ") +
                      op + " ?1" + (owner ? " AND okey = ?2" : ""));
  s->bind(1, dayIso);
  if (owner) s->bind(2, *owner);
  s->step();
  return s->integer(0);
}

// Undone rep actions due before `todayIso`: the total less those due today or later.
inline std::int64_t followUpsOverdue(Database& db, const OwnerTotals& totals,
                                     const std::string& todayIso, const Owner& owner) {
  return totals.rep_actions_due - repActionsDue(db, ">=", todayIso, owner);
}

struct Bookings {
  std::int64_t total = 0;  // bookings that followed an earlier meeting
  std::int64_t at_table = 0;
};

// Bookings made at `since` or later: whole later days from the counter, the rest of the first day
// from the index.
inline Bookings bookingsSince(Database& db, std::int64_t since, const Owner& owner) {
  const std::int64_t day = floorDay(since);
  Bookings b;
  {
    auto s = db.prepare(
        std::string("SELECT coalesce(sum(n), 0), coalesce(sum(at_table), 0) FROM booking_days "
                    "WHERE day > ?1") +
        (owner ? " AND okey = ?2" : ""));
    s->bind(1, day);
    if (owner) s->bind(2, *owner);
    s->step();
    b = {s->integer(0), s->integer(1)};
  }
  // One rep's through their own range: deal_owner is the deal's owner, copied by trigger.
  auto s =
      db.prepare(std::string("SELECT count(m.booked_at_table), coalesce(sum(m.booked_at_table), 0) "
                             "FROM meetings m INDEXED BY ") +
                 (owner ? "meetings_owner_booked" : "meetings_booked") +
                 " WHERE m.booked_at >= ?1 AND m.booked_at < ?2 AND m.deleted = 0" +
                 (owner ? " AND m.deal_owner = ?3" : ""));
  s->bindAll(since, (day + 1) * 86400);
  if (owner) s->bind(3, *owner);
  s->step();
  b.total += s->integer(0);
  b.at_table += s->integer(1);
  return b;
}

// Customers with open deals whose last touch is older than their cadence (the team's when they
// have none): those with open deals less those touched recently. The recent side is one index
// range, bounded by the longest cadence in use.
inline std::int64_t staleAccounts(Database& db, const OwnerTotals& totals, std::int64_t now,
                                  int team_cadence_days, const Owner& owner) {
  auto scalar = [&db](const char* sql) {
    auto q = db.prepare(sql);
    q->step();
    return q->integer(0);
  };
  const std::int64_t longest = std::max<std::int64_t>(
      team_cadence_days, scalar("SELECT max(cadence_days) FROM accounts INDEXED BY "
                                "accounts_cadence WHERE cadence_days IS NOT NULL"));
  const std::string cadence = std::to_string(team_cadence_days);
  auto s = db.prepare(
      owner ? "SELECT count(*) FROM account_owners INDEXED BY account_owners_touch "
              "WHERE okey = ?3 AND open_n > 0 AND account_live = 1 AND last_touch_at >= ?2 "
              "AND last_touch_at >= ?1 - 86400 * coalesce(cadence_days, " +
                  cadence + ")"
            : "SELECT count(*) FROM accounts INDEXED BY accounts_touch "
              "WHERE open_deals > 0 AND deleted = 0 AND last_touch_at >= ?2 "
              "AND last_touch_at >= ?1 - 86400 * coalesce(cadence_days, " +
                  cadence + ")");
  s->bindAll(now, now - 86400 * longest);
  if (owner) s->bind(3, *owner);
  s->step();
  const std::int64_t base = owner ? totals.open_accounts
                                  : scalar(
                                        "SELECT coalesce((SELECT n FROM pipeline_totals WHERE k = "
                                        "'open_accounts'), 0)");
  return base - s->integer(0);
}

}  // namespace nextstep::counts
