// The pipeline's reads: one record by id or prefix, and the lists the screens page through.
#include "nextstep/pipeline/pipeline.h"

#include <string>
#include <vector>

#include "nextstep/pipeline/team_settings.h"
#include "nextstep/storage/record_reads.h"

namespace nextstep {
namespace {

template <typename T>
Result<T> readOne(Store& store, RecordType type, std::string_view id, const std::string& sql,
                  T (*reader)(const Statement&, int)) {
  return store.read([&](Database& db) {
    const std::string full = resolveId(db, type, id);
    auto s = db.prepare(sql);
    s->bind(1, full);
    s->step();
    return reader(*s, 0);
  });
}

}  // namespace

Result<std::string> findId(Store& store, RecordType type, std::string_view id_or_prefix) {
  return store.read([&](Database& db) { return resolveId(db, type, id_or_prefix); });
}

Result<Deal> getDeal(Store& store, std::string_view id) {
  return readOne<Deal>(store, RecordType::kDeal, id,
                       "SELECT " + dealColumns("d") + " FROM deals d WHERE d.id = ?1", readDeal);
}

Result<Contact> getContact(Store& store, std::string_view id) {
  return readOne<Contact>(store, RecordType::kContact, id,
                          "SELECT " + contactColumns("c") + " FROM contacts c WHERE c.id = ?1",
                          readContact);
}

Result<Account> getAccount(Store& store, std::string_view id) {
  return readOne<Account>(store, RecordType::kAccount, id,
                          "SELECT " + accountColumns("a") + " FROM accounts a WHERE a.id = ?1",
                          readAccount);
}

std::optional<Meeting> currentNextStep(Database& db, std::string_view deal_id, Instant now) {
  return meetingOfDeal(db, deal_id, "m.status = 'planned' AND m.end_at > ?2", "m.start_at", now);
}

namespace {

// A WHERE clause and its arguments, bound in the order the clauses were added.
struct DealWhere {
  std::string sql = "d.deleted = 0";
  std::vector<Value> args;
  void add(const std::string& clause, std::vector<Value> values = {}) {
    sql += " AND " + clause;
    for (Value& v : values) args.push_back(std::move(v));
  }
  void bind(Statement& s) const {
    for (std::size_t i = 0; i < args.size(); ++i) s.bind(static_cast<int>(i + 1), args[i]);
  }
};

DealWhere dealWhere(const DealFilter& f, Database& db, Instant now) {
  DealWhere w;
  if (f.status) w.add("d.status = ?", {Value(std::string(nameOf(*f.status)))});
  if (f.without_next_step) w.add("d.planned_end_max <= ?", {Value(toUnix(now))});
  if (f.compliance_only) w.add("d.compliance_only = 1");
  if (f.stage) w.add("d.stage = ?", {Value(*f.stage)});
  if (f.owner) w.add("d.owner = ?", {Value(*f.owner)});
  if (f.account_id) w.add("d.account_id = ?", {Value(*f.account_id)});
  if (f.stale) {
    const TeamSettings settings = loadTeamSettings(db);
    w.add(
        "d.account_id IN (SELECT id FROM accounts WHERE deleted = 0 AND open_deals > 0 "
        "AND last_touch_at < ? - 86400 * coalesce(cadence_days, ?))",
        {Value(toUnix(now)), Value(std::int64_t{settings.cadence_days})});
  }
  return w;
}

}  // namespace

Result<std::vector<DealRow>> listDeals(Store& store, const DealFilter& filter) {
  const Instant now = store.now();
  return store.read([&](Database& db) {
    const DealWhere where = dealWhere(filter, db, now);
    std::string sql =
        "SELECT " + dealColumns("d") + " FROM deals d WHERE " + where.sql + " ORDER BY d.id DESC";
    if (filter.limit > 0) {
      sql += " LIMIT " + std::to_string(filter.limit) + " OFFSET " + std::to_string(filter.offset);
    }
    std::vector<DealRow> out;
    {
      auto s = db.prepare(sql);
      where.bind(*s);
      while (s->step()) out.push_back(DealRow{readDeal(*s), std::nullopt});
    }
    for (DealRow& row : out) row.next_step = currentNextStep(db, row.deal.id, now);
    return out;
  });
}

Result<std::int64_t> countDeals(Store& store, const DealFilter& filter) {
  const Instant now = store.now();
  return store.read([&](Database& db) {
    const DealWhere where = dealWhere(filter, db, now);
    auto s = db.prepare("SELECT count(*) FROM deals d WHERE " + where.sql);
    where.bind(*s);
    s->step();
    return s->integer(0);
  });
}

Result<std::vector<Contact>> listContacts(Store& store, std::optional<std::string> account_id,
                                          int limit) {
  return store.read([&](Database& db) {
    std::string sql = "SELECT " + contactColumns("c") + " FROM contacts c WHERE c.deleted = 0";
    if (account_id) sql += " AND c.account_id = ?1";
    sql += " ORDER BY c.name COLLATE NOCASE LIMIT " + std::to_string(limit);
    auto s = db.prepare(sql);
    if (account_id) s->bind(1, resolveId(db, RecordType::kAccount, *account_id));
    std::vector<Contact> out;
    while (s->step()) out.push_back(readContact(*s));
    return out;
  });
}

Result<std::vector<Account>> listAccounts(Store& store, int limit) {
  return store.read([&](Database& db) {
    auto s =
        db.prepare("SELECT " + accountColumns("a") +
                   " FROM accounts a WHERE a.deleted = 0 ORDER BY a.name COLLATE NOCASE LIMIT " +
                   std::to_string(limit));
    std::vector<Account> out;
    while (s->step()) out.push_back(readAccount(*s));
    return out;
  });
}

}  // namespace nextstep
