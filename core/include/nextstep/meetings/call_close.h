// Closing the call (rules 3, 5, 6, 7 and 12): the outcome, a temperature check per decision maker,
// the commitments on both sides, and a dated follow-up for every Maybe.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "nextstep/meetings/actions.h"
#include "nextstep/model/model.h"
#include "nextstep/storage/store.h"

namespace nextstep {

struct TemperatureAnswer {
  std::string contact;  // id or prefix
  std::string most_interesting;
  std::string to_clarify;
  Readiness ready = Readiness::kUnsure;
};

struct ActionAnswer {
  ActionOwner owner = ActionOwner::kCustomer;
  std::string text;
  std::optional<CivilDate> due;
  std::optional<ActionKind> kind;
};

struct CallClose {
  std::string meeting;  // id or prefix
  OutcomeResult result = OutcomeResult::kMaybe;
  std::optional<NoReason> no_reason;  // required for No
  std::string reason_text;
  std::string probe_answers;           // what the Maybe turned out to mean
  std::optional<CivilDate> follow_up;  // required for Maybe
  std::optional<ObjectiveMet> objective_met;
  std::string recap;
  std::string what_next;
  std::string approvers;
  std::optional<CivilDate> approve_by;
  std::vector<TemperatureAnswer> temperature;
  std::vector<ActionAnswer> actions;
  // Yes moves the deal one rung up the ladder unless a stage is named (a rep may skip rungs).
  std::optional<std::string> stage;
};

struct CallCloseResult {
  std::string outcome_id;
  std::optional<std::string> follow_up_action_id;
  std::vector<std::string> action_ids;
  std::string deal_stage;
};

Result<CallCloseResult> closeCall(Store& store, const CallClose& close);
Result<std::optional<Outcome>> outcomeOf(Store& store, std::string_view meeting);

}  // namespace nextstep
