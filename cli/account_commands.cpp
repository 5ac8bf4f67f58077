#include "account_commands.h"

#include <cctype>
#include <optional>
#include <string>

#include "change_output.h"
#include "command_tree.h"
#include "flag_values.h"
#include "nextstep/model/result_try.h"
#include "nextstep/pipeline/pipeline.h"
#include "pipeline_output.h"
#include "record_lifecycle.h"

namespace nextstep::cli {
namespace {

struct AccountAddFlags {
  std::string name;
  std::optional<std::string> industry;
  std::optional<std::string> city;
  std::optional<std::string> owner;
  std::optional<std::string> cadence_days;
  std::optional<std::string> tz;
};

struct AccountSetFlags {
  std::string id;
  std::optional<std::string> name;
  std::optional<std::string> industry;
  std::optional<std::string> city;
  std::optional<std::string> owner;
  std::optional<std::string> cadence_days;  // N, or "team" for the team's cadence
  std::optional<std::string> tz;            // a zone, or "none"
};

Result<void> addAccountCommand(Session& session, const AccountAddFlags& flags);
Result<void> listAccountsCommand(Session& session, const std::optional<std::string>& limit);
Result<void> showAccountCommand(Session& session, const std::string& id_or_name);
Result<void> setAccountCommand(Session& session, const AccountSetFlags& flags);

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
  NEXTSTEP_TRY(auto accounts, listAccounts(store, kEveryRecord));
  std::optional<std::string> found;
  for (const Account& a : accounts) {
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

namespace {

Result<void> addAccountCommand(Session& session, const AccountAddFlags& flags) {
  NewAccount account;
  account.name = flags.name;
  account.industry = flags.industry.value_or("");
  account.city = flags.city.value_or("");
  account.owner = flags.owner.value_or("");
  if (flags.cadence_days) {
    NEXTSTEP_TRY(auto cadence, parseCadence(*flags.cadence_days, false));
    account.cadence_days = cadence;
  }
  account.tz = flags.tz.value_or("");
  NEXTSTEP_TRY(auto store, session.store(DatabaseUse::kCreate));
  NEXTSTEP_TRY(auto id, addAccount(*store, account));
  emit(session, NewId{id});
  return {};
}

Result<void> listAccountsCommand(Session& session, const std::optional<std::string>& limit) {
  NEXTSTEP_TRY(auto max, parseListLimit(limit, 200));
  NEXTSTEP_TRY(auto store, session.store(DatabaseUse::kRead));
  NEXTSTEP_TRY(auto accounts, listAccounts(*store, max));
  emit(session, AccountList{accounts});
  return {};
}

Result<void> showAccountCommand(Session& session, const std::string& id_or_name) {
  NEXTSTEP_TRY(auto store, session.store(DatabaseUse::kRead));
  NEXTSTEP_TRY(auto id, findAccount(*store, id_or_name));
  NEXTSTEP_TRY(auto account, getAccount(*store, id));
  NEXTSTEP_TRY(auto contacts, listContacts(*store, id, kEveryRecord));
  DealFilter filter;
  filter.status = std::nullopt;
  filter.account_id = id;
  filter.limit = 0;
  NEXTSTEP_TRY(auto deals, listDeals(*store, filter));
  emit(session, AccountPage{account, std::move(contacts), std::move(deals)});
  return {};
}

Result<void> setAccountCommand(Session& session, const AccountSetFlags& flags) {
  AccountChanges changes;
  changes.name = flags.name;
  changes.industry = flags.industry;
  changes.city = flags.city;
  changes.owner = flags.owner;
  if (flags.cadence_days) {
    NEXTSTEP_TRY(auto cadence, parseCadence(*flags.cadence_days, true));
    changes.cadence_days = cadence;
  }
  if (flags.tz) changes.tz = *flags.tz == "none" ? "" : *flags.tz;
  if (!flags.name && !flags.industry && !flags.city && !flags.owner && !flags.cadence_days &&
      !flags.tz) {
    return Error::invalid(
        "nothing to change: give --name, --industry, --city, --owner, --cadence-days or --tz");
  }
  NEXTSTEP_TRY(auto store, session.store(DatabaseUse::kChange));
  NEXTSTEP_TRY(auto id, findAccount(*store, flags.id));
  NEXTSTEP_CHECK(changeAccount(*store, id, changes));
  NEXTSTEP_TRY(auto account, getAccount(*store, id));
  emit(session, Change{"account", id, "updated", "Updated account '" + account.name + "'."});
  return {};
}

// The flags of this group's commands, filled by the parser.
struct AccountFlags {
  std::string id;
  std::optional<std::string> limit;
  AccountAddFlags account_add;
  AccountSetFlags account_set;
};

}  // namespace

void registerAccountCommands(CommandTree& tree) {
  AccountFlags& f = tree.keep<AccountFlags>();
  CLI::App* account = tree.group("account", "Accounts: the customers");

  CLI::App* add = tree.leaf(account, "add", "Add an account; prints its id",
                            [&f](Session& s) { return addAccountCommand(s, f.account_add); });
  flag(add, "--name", f.account_add.name, "Company name")->required();
  flag(add, "--industry", f.account_add.industry, "Industry");
  flag(add, "--city", f.account_add.city, "City");
  flag(add, "--owner", f.account_add.owner, "The rep who owns it", "OWNER");
  flag(add, "--cadence-days", f.account_add.cadence_days,
       "Touch at least every N days (default: the team's cadence)", "N");
  flag(add, "--tz", f.account_add.tz,
       "The zone it works in, offered when booking (a zone or a city)", "Area/City");

  CLI::App* list = tree.leaf(account, "list", "List accounts by name",
                             [&f](Session& s) { return listAccountsCommand(s, f.limit); });
  flag(list, "--limit", f.limit, "At most N accounts (default 200, 0: all)", "N");

  CLI::App* show = tree.leaf(account, "show", "Show an account with its contacts and deals",
                             [&f](Session& s) { return showAccountCommand(s, f.id); });
  flag(show, "id", f.id, "Account id, unique prefix or name", "ACCOUNT")->required();

  CLI::App* set = tree.leaf(account, "set", "Change an account",
                            [&f](Session& s) { return setAccountCommand(s, f.account_set); });
  flag(set, "id", f.account_set.id, "Account id, unique prefix or name", "ACCOUNT")->required();
  flag(set, "--name", f.account_set.name, "New name");
  flag(set, "--industry", f.account_set.industry, "New industry");
  flag(set, "--city", f.account_set.city, "New city");
  flag(set, "--owner", f.account_set.owner, "New owner", "OWNER");
  flag(set, "--cadence-days", f.account_set.cadence_days,
       "Touch at least every N days, or 'team' for the team's cadence", "N|team");
  flag(set, "--tz", f.account_set.tz, "The zone it works in, or 'none'", "Area/City|none");

  registerDeleteAndRestore(tree, account, RecordType::kAccount, "an account",
                           "Account id or unique prefix");
}

}  // namespace nextstep::cli
