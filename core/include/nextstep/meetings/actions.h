// "Who does what" (rules 1 and 4): action items owned by the rep or the customer, classed
// commitment, compliance or neutral.
#pragma once

#include <optional>
#include <string>

#include "nextstep/model/model.h"
#include "nextstep/storage/store.h"

namespace nextstep {

struct NewAction {
  std::string deal;  // id or prefix
  std::optional<std::string> meeting;
  ActionOwner owner = ActionOwner::kRep;
  std::string text;
  std::optional<CivilDate> due;
  std::optional<ActionKind> kind;  // the rep's override; empty: classified from the text
};

Result<std::string> addAction(Store& store, const NewAction& action);
std::string addActionIn(Mutation& m, Instant now, const NewAction& action);
Result<void> setActionDone(Store& store, std::string_view action, bool done);
Result<void> reclassifyAction(Store& store, std::string_view action, ActionKind kind);
Result<ActionItem> getAction(Store& store, std::string_view action);

}  // namespace nextstep
