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

}  // namespace nextstep
