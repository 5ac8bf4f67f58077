#include "nextstep/pipeline/pipeline.h"

#include <cctype>

#include "nextstep/model/ids.h"
#include "nextstep/pipeline/team_settings.h"
#include "nextstep/pipeline/typed_names.h"
#include "nextstep/storage/record_reads.h"
#include "pipeline/account_names.h"

namespace nextstep {
namespace {

std::string trimmed(std::string_view s) {
  const auto b = s.find_first_not_of(" \t\r\n");
  if (b == std::string_view::npos) return {};
  const auto e = s.find_last_not_of(" \t\r\n");
  return std::string(s.substr(b, e - b + 1));
}

void requireText(std::string_view what, const std::string& text) {
  if (trimmed(text).empty())
    fail(ErrorCode::kInvalidArgument, std::string(what) + " must not be empty");
}

void checkCurrency(const std::string& c) {
  if (c.size() != 3 || !std::isupper(static_cast<unsigned char>(c[0])) ||
      !std::isupper(static_cast<unsigned char>(c[1])) ||
      !std::isupper(static_cast<unsigned char>(c[2]))) {
    fail(ErrorCode::kInvalidArgument,
         "currency '" + c + "' is not a three-letter ISO code like EUR");
  }
}

void checkStage(Database& db, const std::string& stage) {
  const TeamSettings settings = loadTeamSettings(db);
  if (!settings.hasStage(stage)) {
    std::string ladder;
    for (const auto& s : settings.stages) ladder += (ladder.empty() ? "" : ", ") + s;
    fail(ErrorCode::kInvalidArgument,
         "stage '" + stage + "' is not on the team's ladder (" + ladder + ")");
  }
}

void checkEmail(const std::string& email) {
  if (auto problem = emailProblem(email)) fail(ErrorCode::kInvalidArgument, *problem);
}

// An account's zone as stored: a zone the tz database knows (by name or city), by its canonical
// name, or empty.
std::string accountZone(std::string_view name) {
  const std::string given = trimmed(name);
  if (given.empty()) return given;
  auto zone = TimeZone::named(given);
  if (!zone) fail(ErrorCode::kInvalidArgument, zone.error().message);
  return zone->name();
}

void checkValue(std::int64_t minor) {
  if (minor < 0) fail(ErrorCode::kInvalidArgument, "a deal's value cannot be negative");
}

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

// A deal marked lost says why (the team learns from its losses): given now, or kept from before.
void requireLostReason(Database& db, const std::string& deal, const DealChanges& c) {
  if (*c.status != DealStatus::kLost) return;
  bool given = false;
  if (c.lost_reason) {
    given = !trimmed(*c.lost_reason).empty();
  } else {
    auto kept = db.prepare("SELECT coalesce(trim(lost_reason), '') <> '' FROM deals WHERE id = ?1");
    kept->bind(1, deal);
    given = kept->step() && kept->integer(0) != 0;
  }
  if (!given) {
    fail(ErrorCode::kInvalidArgument, "a lost deal needs a reason: why did the customer say no?");
  }
}

}  // namespace

std::optional<std::string> emailProblem(std::string_view email) {
  // An address an invitation can reach: one @, something before it, a dotted domain after it.
  const std::string e = trimmed(email);
  if (e.empty()) return std::nullopt;
  const auto at = e.find('@');
  const auto dot = e.rfind('.');
  if (at == 0 || at == std::string::npos || dot == std::string::npos || dot < at + 2 ||
      dot + 1 == e.size() || e.find('@', at + 1) != std::string::npos ||
      e.find_first_of(" \t,;<>") != std::string::npos) {
    return "email '" + e + "' is not an address like name@company.com";
  }
  return std::nullopt;
}

std::string accountIdFor(Mutation& m, std::string_view account, Instant now) {
  const std::string name = trimmed(account);
  if (name.empty()) fail(ErrorCode::kInvalidArgument, "account must not be empty");
  try {
    return resolveId(m.db(), RecordType::kAccount, name);
  } catch (const DomainError& e) {
    if (e.error.code == ErrorCode::kAmbiguous) throw;
  }
  if (const auto match = matchAccount(m.db(), name)) {
    if (match->exact) return match->id;
    fail(ErrorCode::kFailedPrecondition, "did you mean the account '" + match->name +
                                             "'? Name it as it is written, or add '" + name +
                                             "' as an account of its own first");
  }
  const std::string id = newRecordId(toUnix(now) * 1000);
  m.create(RecordType::kAccount, id, {{"name", Value(name)}, {"created_at", Value(toUnix(now))}});
  return id;
}

Result<std::optional<AccountMatch>> accountNamed(Store& store, std::string_view name) {
  return store.read([&](Database& db) { return matchAccount(db, name); });
}

Result<std::string> addAccount(Store& store, const NewAccount& a) {
  return store.write([&](Mutation& m) {
    requireText("account name", a.name);
    // A near name is a deliberate second account here; the same name is the same company.
    if (const auto match = matchAccount(m.db(), a.name); match && match->exact) {
      fail(ErrorCode::kFailedPrecondition,
           "the account '" + match->name + "' exists already (id " + match->id + ")");
    }
    if (a.cadence_days && (*a.cadence_days < 1 || *a.cadence_days > 365)) {
      fail(ErrorCode::kInvalidArgument, "touch cadence must be between 1 and 365 days");
    }
    const std::string zone = accountZone(a.tz);
    const Instant now = store.now();
    const std::string id = newRecordId(toUnix(now) * 1000);
    m.create(RecordType::kAccount, id,
             {{"name", Value(trimmed(a.name))},
              {"industry", Value(a.industry)},
              {"city", Value(a.city)},
              {"owner", Value(a.owner)},
              {"cadence_days", a.cadence_days ? Value(std::int64_t{*a.cadence_days}) : Value()},
              {"created_at", Value(toUnix(now))},
              {"tz", zone.empty() ? Value() : Value(zone)}});
    return id;
  });
}

Result<std::string> addContact(Store& store, const NewContact& c) {
  return store.write([&](Mutation& m) {
    requireText("contact name", c.name);
    checkEmail(c.email);
    const Instant now = store.now();
    const Value account = c.account ? Value(accountIdFor(m, *c.account, now)) : Value();
    const std::string id = newRecordId(toUnix(now) * 1000);
    m.create(RecordType::kContact, id,
             {{"account_id", account},
              {"name", Value(trimmed(c.name))},
              {"email", Value(trimmed(c.email))},
              {"phone", Value(trimmed(c.phone))},
              {"role", Value(std::string(nameOf(c.role)))},
              {"title", Value(c.title)}});
    return id;
  });
}

Result<std::string> addDeal(Store& store, const NewDeal& d) {
  return store.write([&](Mutation& m) {
    requireText("deal title", d.title);
    checkCurrency(d.currency);
    checkValue(d.value_minor);
    const TeamSettings settings = loadTeamSettings(m.db());
    const std::string stage = d.stage ? *d.stage : settings.stages.front();
    checkStage(m.db(), stage);
    const Instant now = store.now();
    const Value account = d.account ? Value(accountIdFor(m, *d.account, now)) : Value();
    const std::string id = newRecordId(toUnix(now) * 1000);
    m.create(RecordType::kDeal, id,
             {{"account_id", account},
              {"title", Value(trimmed(d.title))},
              {"value_minor", Value(d.value_minor)},
              {"currency", Value(d.currency)},
              {"stage", Value(stage)},
              {"status", Value(std::string(nameOf(DealStatus::kOpen)))},
              {"owner", Value(d.owner)},
              {"created_at", Value(toUnix(now))}});
    return id;
  });
}

Result<void> changeDeal(Store& store, std::string_view id, const DealChanges& c) {
  return store.write([&](Mutation& m) {
    const std::string full = resolveId(m.db(), RecordType::kDeal, id);
    Fields f;
    if (c.title) {
      requireText("deal title", *c.title);
      f.push_back({"title", Value(trimmed(*c.title))});
    }
    if (c.account) f.push_back({"account_id", Value(accountIdFor(m, *c.account, store.now()))});
    if (c.value_minor) {
      checkValue(*c.value_minor);
      f.push_back({"value_minor", Value(*c.value_minor)});
    }
    if (c.currency) {
      checkCurrency(*c.currency);
      f.push_back({"currency", Value(*c.currency)});
    }
    if (c.stage) {
      checkStage(m.db(), *c.stage);
      f.push_back({"stage", Value(*c.stage)});
    }
    if (c.status) {
      f.push_back({"status", Value(std::string(nameOf(*c.status)))});
      requireLostReason(m.db(), full, c);
      // A reopened or won deal was not lost: its old reason would mislead the team's reports.
      if (*c.status != DealStatus::kLost && !c.lost_reason) {
        f.push_back({"lost_reason", Value(std::string())});
      }
    }
    if (c.owner) f.push_back({"owner", Value(*c.owner)});
    if (c.lost_reason) f.push_back({"lost_reason", Value(trimmed(*c.lost_reason))});
    if (f.empty()) fail(ErrorCode::kInvalidArgument, "nothing to change");
    m.update(RecordType::kDeal, full, f);
  });
}

Result<void> changeContact(Store& store, std::string_view id, const ContactChanges& c) {
  return store.write([&](Mutation& m) {
    const std::string full = resolveId(m.db(), RecordType::kContact, id);
    Fields f;
    if (c.name) {
      requireText("contact name", *c.name);
      f.push_back({"name", Value(trimmed(*c.name))});
    }
    if (c.account) f.push_back({"account_id", Value(accountIdFor(m, *c.account, store.now()))});
    if (c.email) {
      checkEmail(*c.email);
      f.push_back({"email", Value(trimmed(*c.email))});
    }
    if (c.phone) f.push_back({"phone", Value(trimmed(*c.phone))});
    if (c.role) f.push_back({"role", Value(std::string(nameOf(*c.role)))});
    if (c.title) f.push_back({"title", Value(*c.title)});
    if (f.empty()) fail(ErrorCode::kInvalidArgument, "nothing to change");
    m.update(RecordType::kContact, full, f);
  });
}

Result<void> changeAccount(Store& store, std::string_view id, const AccountChanges& c) {
  return store.write([&](Mutation& m) {
    const std::string full = resolveId(m.db(), RecordType::kAccount, id);
    Fields f;
    if (c.name) {
      requireText("account name", *c.name);
      // Renamed onto another account's name, the two would be one company twice.
      if (const auto match = matchAccount(m.db(), *c.name);
          match && match->exact && match->id != full) {
        fail(ErrorCode::kFailedPrecondition,
             "the account '" + match->name + "' exists already (id " + match->id + ")");
      }
      f.push_back({"name", Value(trimmed(*c.name))});
    }
    if (c.industry) f.push_back({"industry", Value(*c.industry)});
    if (c.city) f.push_back({"city", Value(*c.city)});
    if (c.owner) f.push_back({"owner", Value(*c.owner)});
    if (c.cadence_days) {
      if (*c.cadence_days && (**c.cadence_days < 1 || **c.cadence_days > 365)) {
        fail(ErrorCode::kInvalidArgument, "touch cadence must be between 1 and 365 days");
      }
      f.push_back(
          {"cadence_days", *c.cadence_days ? Value(std::int64_t{**c.cadence_days}) : Value()});
    }
    if (c.tz) {
      const std::string zone = accountZone(*c.tz);
      f.push_back({"tz", zone.empty() ? Value() : Value(zone)});
    }
    if (f.empty()) fail(ErrorCode::kInvalidArgument, "nothing to change");
    m.update(RecordType::kAccount, full, f);
  });
}

Result<void> deleteRecord(Store& store, RecordType type, std::string_view id) {
  return store.write([&](Mutation& m) { m.remove(type, resolveId(m.db(), type, id)); });
}

Result<void> restoreRecord(Store& store, RecordType type, std::string_view id) {
  return store.write([&](Mutation& m) { m.restore(type, resolveId(m.db(), type, id, true)); });
}

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
