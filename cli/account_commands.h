// account add | list | show | set, and finding an account by id or name.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "nextstep/model/result.h"
#include "nextstep/storage/store.h"
#include "session.h"

namespace nextstep::cli {

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

// An account's full id from its id, an id prefix, or its name (any case).
Result<std::string> findAccount(Store& store, std::string_view id_or_name);

}  // namespace nextstep::cli
