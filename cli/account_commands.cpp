#include "account_commands.h"

#include <cctype>

#include "flag_values.h"
#include "nextstep/pipeline/pipeline.h"

namespace nextstep::cli {
namespace {

bool sameName(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(a[i])) !=
        std::tolower(static_cast<unsigned char>(b[i]))) {
      return false;
    }
  }
  return true;
}

Result<std::optional<int>> parseCadence(const std::string& text, bool team_allowed) {
  if (team_allowed && text == "team") return std::optional<int>();
  auto days = parseCount("--cadence-days", text, 1, 365);
  if (!days) {
    return Error::invalid("--cadence-days: '" + text + "' is not a number of days from 1 to 365" +
                          (team_allowed ? " (or 'team' for the team's cadence)" : ""));
  }
  return std::optional<int>(*days);
}

}  // namespace

Result<std::string> findAccount(Store& store, std::string_view id_or_name) {
  auto byId = findId(store, RecordType::kAccount, id_or_name);
  if (byId || byId.error().code != ErrorCode::kNotFound) return byId;
  auto accounts = listAccounts(store, kEveryRecord);
  if (!accounts) return accounts.error();
  std::optional<std::string> found;
  for (const Account& a : *accounts) {
    if (!sameName(a.name, id_or_name)) continue;
    if (found) {
      return Error{ErrorCode::kAmbiguous, "more than one account is called '" +
                                              std::string(id_or_name) + "'; give its id"};
    }
    found = a.id;
  }
  if (!found) {
    return Error::notFound("no account with id or name '" + std::string(id_or_name) + "'");
  }
  return *found;
}

Result<void> addAccountCommand(Session& session, const AccountAddFlags& flags) {
  NewAccount account;
  account.name = flags.name;
  account.industry = flags.industry.value_or("");
  account.city = flags.city.value_or("");
  account.owner = flags.owner.value_or("");
  if (flags.cadence_days) {
    auto cadence = parseCadence(*flags.cadence_days, false);
    if (!cadence) return cadence.error();
    account.cadence_days = *cadence;
  }
  account.tz = flags.tz.value_or("");
  auto store = session.store(DatabaseUse::kCreate);
  if (!store) return store.error();
  auto id = addAccount(**store, account);
  if (!id) return id.error();
  session.printer().newId(*id);
  return {};
}

Result<void> listAccountsCommand(Session& session, const std::optional<std::string>& limit) {
  auto max = parseListLimit(limit, 200);
  if (!max) return max.error();
  auto store = session.store(DatabaseUse::kRead);
  if (!store) return store.error();
  auto accounts = listAccounts(**store, *max);
  if (!accounts) return accounts.error();
  session.printer().accountList(*accounts);
  return {};
}

Result<void> showAccountCommand(Session& session, const std::string& id_or_name) {
  auto store = session.store(DatabaseUse::kRead);
  if (!store) return store.error();
  auto id = findAccount(**store, id_or_name);
  if (!id) return id.error();
  auto account = getAccount(**store, *id);
  if (!account) return account.error();
  auto contacts = listContacts(**store, *id, kEveryRecord);
  if (!contacts) return contacts.error();
  DealFilter filter;
  filter.status = std::nullopt;
  filter.account_id = *id;
  filter.limit = 0;
  auto deals = listDeals(**store, filter);
  if (!deals) return deals.error();
  session.printer().account(AccountPage{*account, std::move(*contacts), std::move(*deals)});
  return {};
}

Result<void> setAccountCommand(Session& session, const AccountSetFlags& flags) {
  AccountChanges changes;
  changes.name = flags.name;
  changes.industry = flags.industry;
  changes.city = flags.city;
  changes.owner = flags.owner;
  if (flags.cadence_days) {
    auto cadence = parseCadence(*flags.cadence_days, true);
    if (!cadence) return cadence.error();
    changes.cadence_days = *cadence;
  }
  if (flags.tz) changes.tz = *flags.tz == "none" ? "" : *flags.tz;
  if (!flags.name && !flags.industry && !flags.city && !flags.owner && !flags.cadence_days &&
      !flags.tz) {
    return Error::invalid(
        "nothing to change: give --name, --industry, --city, --owner, --cadence-days or --tz");
  }
  auto store = session.store(DatabaseUse::kChange);
  if (!store) return store.error();
  auto id = findAccount(**store, flags.id);
  if (!id) return id.error();
  if (auto changed = changeAccount(**store, *id, changes); !changed) return changed.error();
  auto account = getAccount(**store, *id);
  if (!account) return account.error();
  session.printer().changed(
      Change{"account", *id, "updated", "Updated account '" + account->name + "'."});
  return {};
}

}  // namespace nextstep::cli
