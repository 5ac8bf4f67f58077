// deal add | list | show | set | delete | restore
#pragma once

#include <optional>
#include <string>

#include "nextstep/model/result.h"
#include "session.h"

namespace nextstep::cli {

struct DealAddFlags {
  std::string title;
  std::optional<std::string> account;  // id, id prefix or name (created when new)
  std::optional<std::string> value;    // 12000.50
  std::optional<std::string> currency;
  std::optional<std::string> stage;
  std::optional<std::string> owner;
};

struct DealListFlags {
  bool without_next_step = false;
  bool compliance_only = false;
  bool stale = false;
  std::optional<std::string> stage;
  std::optional<std::string> owner;
  std::optional<std::string> account;
  std::optional<std::string> status;  // open|won|lost|all
  std::optional<std::string> limit;
};

struct DealSetFlags {
  std::string id;
  std::optional<std::string> title;
  std::optional<std::string> stage;
  std::optional<std::string> value;
  std::optional<std::string> currency;
  std::optional<std::string> status;
  std::optional<std::string> owner;
  std::optional<std::string> account;
  std::optional<std::string> lost_reason;
};

Result<void> addDealCommand(Session& session, const DealAddFlags& flags);
Result<void> listDealsCommand(Session& session, const DealListFlags& flags);
Result<void> showDealCommand(Session& session, const std::string& id);
Result<void> setDealCommand(Session& session, const DealSetFlags& flags);

}  // namespace nextstep::cli
