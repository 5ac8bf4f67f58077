// The counters of schema version 4 (owner_totals, deal_next_days, rep_action_days, booking_days,
// account_owners, pipeline_totals) must always equal counting the records directly. Randomized
// writes through records:: (the path of local writes and of remote applies alike), then every
// counter is compared with a COUNT(*) over the records, and Today and the health with the queries
// they ran before the counters.
#include <random>

#include "nextstep/follow_up/today.h"
#include "nextstep/health/pipeline_health.h"
#include "nextstep/storage/record_rows.h"
#include "test_store.h"

namespace nextstep::testing {
namespace {

constexpr std::int64_t kNow = 1'795'683'600;  // 2026-11-26T09:00:00Z

// Rows of `a` not in `b` plus rows of `b` not in `a`.
std::int64_t mismatches(Database& db, const std::string& a, const std::string& b) {
  return db.scalar("SELECT (SELECT count(*) FROM (" + a + " EXCEPT " + b +
                   ")) + (SELECT count(*) FROM (" + b + " EXCEPT " + a + "))");
}

// Each counter table (rows that count nothing left out) against the records.
const std::pair<const char*, const char*> kCounterChecks[] = {
    {"SELECT okey, open_deals, held_without_next, compliance_only, commitment FROM owner_totals "
     "WHERE open_deals != 0 OR held_without_next != 0 OR compliance_only != 0 OR commitment != 0",
     "SELECT coalesce(owner, x''), count(*), sum(held_without_next = 1), sum(compliance_only = 1), "
     "sum(latest_customer_kind IS 'commitment') FROM deals WHERE status = 'open' AND deleted = 0 "
     "GROUP BY 1"},
    {"SELECT okey, rep_actions_due FROM owner_totals WHERE rep_actions_due != 0",
     "SELECT coalesce(d.owner, x''), count(*) FROM actions a JOIN deals d ON d.id = a.deal_id "
     "WHERE a.done = 0 AND a.deleted = 0 AND a.owner = 'rep' AND a.due IS NOT NULL GROUP BY 1"},
    {"SELECT okey, open_accounts FROM owner_totals WHERE open_accounts != 0",
     "SELECT coalesce(d.owner, x''), count(DISTINCT a.id) FROM deals d JOIN accounts a "
     "ON a.id = d.account_id WHERE d.status = 'open' AND d.deleted = 0 AND a.deleted = 0 "
     "GROUP BY 1"},
    {"SELECT day, okey, n FROM deal_next_days WHERE n != 0",
     "SELECT planned_end_max / 86400, coalesce(owner, x''), count(*) FROM deals "
     "WHERE status = 'open' AND deleted = 0 AND planned_end_max > 0 GROUP BY 1, 2"},
    {"SELECT due, okey, n FROM rep_action_days WHERE n != 0",
     "SELECT a.due, coalesce(d.owner, x''), count(*) FROM actions a JOIN deals d "
     "ON d.id = a.deal_id WHERE a.done = 0 AND a.deleted = 0 AND a.owner = 'rep' "
     "AND a.due IS NOT NULL GROUP BY 1, 2"},
    {"SELECT day, okey, n, at_table FROM booking_days WHERE n != 0 OR at_table != 0",
     "SELECT m.booked_at / 86400, coalesce(d.owner, x''), count(*), sum(m.booked_at_table) "
     "FROM meetings m JOIN deals d ON d.id = m.deal_id WHERE m.deleted = 0 "
     "AND m.booked_at_table IS NOT NULL GROUP BY 1, 2"},
    {"SELECT okey, account_id, open_n, last_touch_at, cadence_days, account_live "
     "FROM account_owners WHERE open_n != 0",
     "SELECT coalesce(d.owner, x''), a.id, count(*), a.last_touch_at, a.cadence_days, "
     "a.deleted = 0 FROM deals d JOIN accounts a ON a.id = d.account_id "
     "WHERE d.status = 'open' AND d.deleted = 0 GROUP BY 1, 2"},
    {"SELECT n FROM pipeline_totals WHERE k = 'open_accounts'",
     "SELECT count(*) FROM accounts WHERE open_deals > 0 AND deleted = 0"},
    {"SELECT rid, deal_owner FROM actions",
     "SELECT a.rid, d.owner FROM actions a LEFT JOIN deals d ON d.id = a.deal_id"},
    {"SELECT id, planned_start_max, planned_end_max, held_last_start FROM deals",
     "SELECT d.id, coalesce((SELECT max(start_at) FROM meetings WHERE deal_id = d.id AND status = "
     "'planned' AND deleted = 0), 0), coalesce((SELECT max(end_at) FROM meetings WHERE deal_id = "
     "d.id AND status = 'planned' AND deleted = 0), 0), coalesce((SELECT max(start_at) FROM "
     "meetings WHERE deal_id = d.id AND status = 'held' AND deleted = 0), 0) FROM deals d"},
    {"SELECT rid, deal_owner FROM meetings",
     "SELECT m.rid, d.owner FROM meetings m LEFT JOIN deals d ON d.id = m.deal_id"},
};

// What Today and the health counted before version 4, straight from the records.
struct Reference {
  std::int64_t open = 0, without_next = 0, overdue_follow_ups = 0, due_today = 0, stale = 0,
               held = 0, compliance = 0, commitment = 0, booked = 0, booked_at_table = 0;
};

Reference reference(Database& db, const std::optional<std::string>& owner,
                    const std::string& todayIso, std::int64_t now) {
  const std::string o = owner ? " AND d.owner = ?9" : "";
  const std::string open = "d.status = 'open' AND d.deleted = 0" + o;
  auto count = [&](const std::string& sql, std::optional<Value> p1 = std::nullopt) {
    Statement s(db.handle(), sql);
    if (p1) s.bind(1, *p1);
    if (owner) s.bind(9, *owner);
    s.step();
    return s.integer(0);
  };
  Reference r;
  r.open = count("SELECT count(*) FROM deals d WHERE " + open);
  r.without_next =
      count("SELECT count(*) FROM deals d WHERE " + open + " AND d.planned_end_max <= ?1", now);
  const std::string actions =
      "SELECT count(*) FROM actions a JOIN deals d ON d.id = a.deal_id WHERE a.done = 0 AND "
      "a.deleted = 0 AND a.owner = 'rep'" +
      o;
  r.overdue_follow_ups = count(actions + " AND a.due < ?1", todayIso);
  r.due_today = count(actions + " AND a.due = ?1", todayIso);
  r.stale = count(
      "SELECT count(*) FROM accounts a WHERE a.open_deals > 0 AND a.deleted = 0 AND "
      "a.last_touch_at < ?1 - 86400 * coalesce(a.cadence_days, 30)" +
          (owner ? " AND a.id IN (SELECT account_id FROM deals d WHERE " + open + ")" : ""),
      now);
  r.held = count("SELECT count(*) FROM deals d WHERE " + open + " AND d.held_without_next = 1");
  r.compliance = count("SELECT count(*) FROM deals d WHERE " + open + " AND d.compliance_only = 1");
  r.commitment = count("SELECT count(*) FROM deals d WHERE " + open +
                       " AND d.latest_customer_kind = 'commitment'");
  const std::string booked =
      "FROM meetings m JOIN deals d ON d.id = m.deal_id WHERE "
      "m.booked_at >= ?1 AND m.deleted = 0" +
      o;
  r.booked = count("SELECT count(m.booked_at_table) " + booked, now - 90 * 86400);
  r.booked_at_table =
      count("SELECT coalesce(sum(m.booked_at_table), 0) " + booked, now - 90 * 86400);
  return r;
}

class CountersTest : public StoreTest {
 protected:
  std::mt19937 rng_{20261126};

  int pick(int n) { return std::uniform_int_distribution<int>(0, n - 1)(rng_); }
  bool chance(int percent) { return pick(100) < percent; }
  std::int64_t someTime() { return kNow + (pick(60) - 40) * 86400 + pick(86400); }
  std::string someDay() {
    static const char* days[] = {"2026-11-20", "2026-11-25", "2026-11-26", "2026-11-27",
                                 "2026-12-03"};
    return days[pick(5)];
  }
  Value someOwner() {
    static const char* owners[] = {"rep-01", "rep-02", "rep-03"};
    return chance(15) ? Value() : Value(owners[pick(3)]);
  }
  template <typename T>
  const T& any(const std::vector<T>& v) {
    return v[static_cast<std::size_t>(pick(static_cast<int>(v.size())))];
  }

  void insert(Mutation& m, RecordType type, const std::string& id, const Fields& f) {
    records::insertRow(m.db(), specOf(type), id, f, Stamp{packHlc(kNow * 1000 + ++stamps_, 0), 7});
  }
  void update(Mutation& m, RecordType type, const std::string& id, const Fields& f) {
    records::updateRow(m.db(), specOf(type), id, f);
  }

  // One random write; ids of what exists so far.
  void randomWrite(Mutation& m) {
    const int what = pick(100);
    if (accounts_.empty() || what < 5) {
      const std::string id = "acc-" + std::to_string(accounts_.size());
      insert(m, RecordType::kAccount, id,
             {{"name", Value("Account " + id)},
              {"cadence_days", chance(30) ? Value(std::int64_t{1 + pick(60)}) : Value()},
              {"created_at", Value(kNow - 86400 * (10 + pick(80)))}});
      accounts_.push_back(id);
    } else if (deals_.empty() || what < 15) {
      const std::string id = "deal-" + std::to_string(deals_.size());
      insert(m, RecordType::kDeal, id,
             {{"account_id", chance(90) ? Value(any(accounts_)) : Value()},
              {"title", Value("Deal " + id)},
              {"value_minor", Value(std::int64_t{100})},
              {"currency", Value("EUR")},
              {"stage", Value("discovery")},
              {"status", Value(chance(80) ? "open" : "won")},
              {"owner", someOwner()},
              {"created_at", Value(kNow - 86400 * 100)}});
      deals_.push_back(id);
    } else if (what < 22) {
      static const char* statuses[] = {"open", "won", "lost"};
      Fields f;
      if (chance(40)) f.push_back({"status", Value(statuses[pick(3)])});
      if (chance(40)) f.push_back({"owner", someOwner()});
      if (chance(20)) f.push_back({"account_id", Value(any(accounts_))});
      update(m, RecordType::kDeal, any(deals_), f);
    } else if (meetings_.empty() || what < 40) {
      const std::string id = "meeting-" + std::to_string(meetings_.size());
      const std::int64_t start = someTime();
      insert(m, RecordType::kMeeting, id,
             {{"deal_id", Value(any(deals_))},
              {"start_at", Value(start)},
              {"tz", Value("Europe/Berlin")},
              {"duration_min", Value(std::int64_t{30 + 30 * pick(3)})},
              {"status", Value(start + 3600 < kNow ? "held" : "planned")},
              {"booked_at", Value(std::min(start - 86400 * pick(10), kNow))},
              {"booked_at_table", chance(30) ? Value() : Value(std::int64_t{pick(2)})}});
      meetings_.push_back(id);
    } else if (what < 50) {
      static const char* statuses[] = {"planned", "held", "cancelled"};
      Fields f;
      if (chance(40)) f.push_back({"status", Value(statuses[pick(3)])});
      if (chance(30)) f.push_back({"start_at", Value(someTime())});
      if (chance(30)) f.push_back({"booked_at", Value(someTime())});
      if (chance(30)) f.push_back({"booked_at_table", Value(std::int64_t{pick(2)})});
      if (chance(10)) f.push_back({"deal_id", Value(any(deals_))});
      update(m, RecordType::kMeeting, any(meetings_), f);
    } else if (actions_.empty() || what < 70) {
      static const char* kinds[] = {"commitment", "compliance", "other"};
      const std::string id = "action-" + std::to_string(actions_.size());
      insert(m, RecordType::kAction, id,
             {{"deal_id", Value(any(deals_))},
              {"owner", Value(chance(60) ? "rep" : "customer")},
              {"text", Value("Send the offer")},
              {"due", chance(80) ? Value(someDay()) : Value()},
              {"done", Value(std::int64_t{chance(20) ? 1 : 0})},
              {"kind", Value(kinds[pick(3)])},
              {"kind_overridden", Value(std::int64_t{0})},
              {"created_at", Value(kNow - pick(86400 * 30))}});
      actions_.push_back(id);
    } else if (what < 82) {
      Fields f;
      if (chance(40)) f.push_back({"done", Value(std::int64_t{pick(2)})});
      if (chance(30)) f.push_back({"due", chance(80) ? Value(someDay()) : Value()});
      if (chance(20)) f.push_back({"owner", Value(chance(50) ? "rep" : "customer")});
      if (chance(15)) f.push_back({"deal_id", Value(any(deals_))});
      update(m, RecordType::kAction, any(actions_), f);
    } else if (what < 88) {
      const std::string id = "touch-" + std::to_string(touches_++);
      insert(m, RecordType::kTouch, id,
             {{"account_id", Value(any(accounts_))},
              {"kind", Value("call")},
              {"at", Value(kNow - pick(86400 * 60))}});
    } else if (what < 92) {
      update(m, RecordType::kAccount, any(accounts_),
             {{"cadence_days", chance(50) ? Value(std::int64_t{1 + pick(60)}) : Value()}});
    } else {
      // Deletes and restores, of every counted type.
      const int type = pick(4);
      const RecordType types[] = {RecordType::kAccount, RecordType::kDeal, RecordType::kMeeting,
                                  RecordType::kAction};
      const std::vector<std::string>* ids[] = {&accounts_, &deals_, &meetings_, &actions_};
      if (ids[type]->empty()) return;
      records::setDeleted(m.db(), specOf(types[type]), any(*ids[type]), chance(70));
    }
  }

  void expectCountersMatch(const std::string& when) {
    unwrap(store_->read([&](Database& db) {
      for (const auto& [counter, direct] : kCounterChecks) {
        EXPECT_EQ(mismatches(db, counter, direct), 0) << when << ": " << counter;
      }
    }));
  }

  void expectQueriesMatch(const std::string& when) {
    const TimeZone zone = unwrap(TimeZone::find("Europe/Berlin"));
    const std::string todayIso = zone.toLocal(clock_.now()).date.iso();
    for (const std::optional<std::string>& owner :
         {std::optional<std::string>(), std::optional<std::string>("rep-01"),
          std::optional<std::string>("rep-02")}) {
      const std::string who = when + " for " + owner.value_or("the team");
      const Reference r = unwrap(store_->read(
          [&](Database& db) { return reference(db, owner, todayIso, toUnix(clock_.now())); }));
      if (!owner) {
        // The random writes must have left something to count.
        EXPECT_GT(r.open, 0) << who;
        EXPECT_GT(r.without_next, 0) << who;
        EXPECT_GT(r.overdue_follow_ups, 0) << who;
        EXPECT_GT(r.booked, 0) << who;
      }
      const Today t = unwrap(today(*store_, {.zone = zone, .owner = owner}));
      EXPECT_EQ(t.open_deals, r.open) << who;
      EXPECT_EQ(t.need_next_step_total, r.without_next) << who;
      EXPECT_EQ(t.follow_ups_overdue_total, r.overdue_follow_ups) << who;
      const PipelineHealth h = unwrap(pipelineHealth(*store_, {.zone = zone, .owner = owner}));
      EXPECT_EQ(h.open_deals, r.open) << who;
      EXPECT_EQ(h.without_next_step_total, r.without_next) << who;
      EXPECT_EQ(h.with_next_step, r.open - r.without_next) << who;
      EXPECT_EQ(h.follow_ups_overdue, r.overdue_follow_ups) << who;
      EXPECT_EQ(h.follow_ups_due_today, r.due_today) << who;
      EXPECT_EQ(h.stale_total, r.stale) << who;
      EXPECT_EQ(h.held_without_next_total, r.held) << who;
      EXPECT_EQ(h.compliance_only_total, r.compliance) << who;
      EXPECT_EQ(h.commitment_deals, r.commitment) << who;
      EXPECT_EQ(h.booked_total, r.booked) << who;
      EXPECT_EQ(h.booked_at_table, r.booked_at_table) << who;
    }
  }

  std::vector<std::string> accounts_, deals_, meetings_, actions_;
  int touches_ = 0;
  std::int64_t stamps_ = 0;
};

TEST_F(CountersTest, EqualDirectCountsAcrossRandomWrites) {
  clock_.set(instantFromUnix(kNow));
  for (int round = 0; round < 40; ++round) {
    // Transactions of one to thirty writes, like local edits and pages of remote changes.
    const int writes = 1 + pick(30);
    unwrap(store_->write([&](Mutation& m) {
      for (int i = 0; i < writes; ++i) randomWrite(m);
    }));
    expectCountersMatch("after round " + std::to_string(round));
  }
  // The time-dependent parts at several moments, the day boundaries included.
  for (const std::int64_t at : {kNow, kNow - 9 * 3600 - 1, kNow + 15 * 3600, kNow + 3 * 86400}) {
    clock_.set(instantFromUnix(at));
    expectQueriesMatch("at " + std::to_string(at));
  }
}

TEST_F(CountersTest, ARebuildFindsWhatTheTriggersKept) {
  clock_.set(instantFromUnix(kNow));
  unwrap(store_->write([&](Mutation& m) {
    for (int i = 0; i < 300; ++i) randomWrite(m);
  }));
  expectCountersMatch("kept by triggers");
  expectQueriesMatch("kept by triggers");
}

}  // namespace
}  // namespace nextstep::testing
