// Rule 4, commitment not compliance: what a customer agreed to do is classified from its text by a
// built-in catalogue; the rep may override the class.
#pragma once

#include <span>
#include <string_view>

#include "nextstep/model/enums.h"

namespace nextstep {

struct ActionPattern {
  std::string_view id;  // "introduce_decision_maker"
  ActionKind kind;
  std::string_view label;  // "Introduces the decision maker"
  std::span<const std::string_view> phrases;
};

struct ActionClass {
  ActionKind kind = ActionKind::kNeutral;
  std::string_view pattern_id;  // empty when nothing matched
  std::string_view label;
};

std::span<const ActionPattern> actionCatalogue();
// A rep's own to-do is neutral: only the customer's effort counts as commitment or compliance.
ActionClass classifyAction(ActionOwner owner, std::string_view text);

}  // namespace nextstep
