// action add | show | done | reopen | kind: who does what, and whether the customer's part is
// commitment or compliance (rule 4).
#pragma once

#include <optional>
#include <string>

#include "nextstep/model/result.h"
#include "session.h"

namespace nextstep::cli {

struct ActionAddFlags {
  std::string deal;
  std::string owner;  // rep|customer
  std::string text;
  std::optional<std::string> due;
  std::optional<std::string> kind;  // default: classified from the text
  std::optional<std::string> meeting;
};

Result<void> addActionCommand(Session& session, const ActionAddFlags& flags);
Result<void> showActionCommand(Session& session, const std::string& id);
Result<void> setActionDoneCommand(Session& session, const std::string& id, bool done);
Result<void> reclassifyActionCommand(Session& session, const std::string& id,
                                     const std::string& kind);

}  // namespace nextstep::cli
