#include "meeting_close.h"

#include <optional>
#include <string>
#include <vector>

#include "command_tree.h"
#include "flag_values.h"
#include "meeting_output.h"
#include "nextstep/meetings/call_close.h"
#include "nextstep/model/result_try.h"
#include "nextstep/pipeline/deal_view.h"
#include "nextstep/pipeline/pipeline.h"

namespace nextstep::cli {
namespace {

struct MeetingCloseFlags {
  std::string id;
  std::string outcome;  // yes|no|maybe
  std::optional<std::string> reason;
  std::optional<std::string> reason_text;
  std::optional<std::string> probe;
  std::optional<std::string> follow_up;
  std::optional<std::string> objective;
  std::optional<std::string> recap;
  std::optional<std::string> what_next;
  std::optional<std::string> approvers;
  std::optional<std::string> approve_by;
  std::optional<std::string> stage;
  std::vector<std::string> temperature;
  std::vector<std::string> customer_actions;
  std::vector<std::string> rep_actions;
};

Result<void> closeMeetingCommand(Session& session, const MeetingCloseFlags& flags) {
  const CivilDate today = session.today();
  CallClose close;
  close.meeting = flags.id;
  NEXTSTEP_TRY(auto result, parseChoice<OutcomeResult>("--outcome", flags.outcome));
  close.result = result;
  if (flags.reason) {
    NEXTSTEP_TRY(auto reason, parseChoice<NoReason>("--reason", *flags.reason));
    close.no_reason = reason;
  }
  if (flags.follow_up) {
    NEXTSTEP_TRY(auto date, parseDate("--follow-up", *flags.follow_up, today));
    close.follow_up = date;
  }
  if (flags.approve_by) {
    NEXTSTEP_TRY(auto date, parseDate("--approve-by", *flags.approve_by, today));
    close.approve_by = date;
  }
  if (flags.objective) {
    NEXTSTEP_TRY(auto objective, parseChoice<ObjectiveMet>("--objective", *flags.objective));
    close.objective_met = objective;
  }
  close.reason_text = flags.reason_text.value_or("");
  close.probe_answers = flags.probe.value_or("");
  close.recap = flags.recap.value_or("");
  close.what_next = flags.what_next.value_or("");
  close.approvers = flags.approvers.value_or("");
  close.stage = flags.stage;
  for (const std::string& t : flags.temperature) {
    NEXTSTEP_TRY(auto answer, parseTemperature("--temperature", t));
    close.temperature.push_back(answer);
  }
  for (const std::string& a : flags.customer_actions) {
    NEXTSTEP_TRY(auto action,
                 parseActionAnswer("--customer-action", a, ActionOwner::kCustomer, today));
    close.actions.push_back(action);
  }
  for (const std::string& a : flags.rep_actions) {
    NEXTSTEP_TRY(auto action, parseActionAnswer("--rep-action", a, ActionOwner::kRep, today));
    close.actions.push_back(action);
  }
  NEXTSTEP_TRY(auto store, session.store(DatabaseUse::kChange));
  NEXTSTEP_TRY(auto meeting, getMeeting(*store, flags.id));
  close.meeting = meeting.id;
  NEXTSTEP_TRY(auto closed, closeCall(*store, close));
  NEXTSTEP_TRY(auto view, dealView(*store, meeting.deal_id));
  emit(session, ClosedCall{meeting.id, view.deal, close.result, close.follow_up, std::move(closed),
                           view.next_step});
  return {};
}

}  // namespace

void registerMeetingClose(CommandTree& tree, CLI::App* meeting_group) {
  MeetingCloseFlags& c = tree.keep<MeetingCloseFlags>();
  CLI::App* close =
      tree.leaf(meeting_group, "close", "Close the call: outcome, temperature, who does what",
                [&c](Session& s) { return closeMeetingCommand(s, c); });
  flag(close, "id", c.id, "Meeting id or unique prefix", "ID")->required();
  flag(close, "--outcome", c.outcome, "yes, no or maybe", "yes|no|maybe")->required();
  flag(close, "--reason", c.reason, "Why not (required for no)",
       "no_project|other_supplier|wrong_time|other");
  flag(close, "--reason-text", c.reason_text, "The reason in their words");
  flag(close, "--probe", c.probe, "What the maybe turned out to mean");
  flag(close, "--follow-up", c.follow_up, "The customer's date (required for maybe)", "DATE");
  flag(close, "--objective", c.objective, "Which objective was met", "primary|backup|neither");
  flag(close, "--recap", c.recap, "Recap of the meeting");
  flag(close, "--what-next", c.what_next, "What the customer wants to do next");
  flag(close, "--approvers", c.approvers, "Who else must approve");
  flag(close, "--approve-by", c.approve_by, "When they approve by", "DATE");
  flag(close, "--stage", c.stage, "Move the deal to this stage (yes moves it one rung up)",
       "STAGE");
  flag(close, "--temperature", c.temperature,
       "A decision maker's answers (repeat for more); READY is yes, no or unsure",
       "CONTACT:READY[:INTERESTING[:TO CLARIFY]]");
  flag(close, "--customer-action", c.customer_actions,
       "What the customer will do, and by when (repeat for more)", "TEXT[@DATE]");
  flag(close, "--rep-action", c.rep_actions, "What you will do, and by when (repeat for more)",
       "TEXT[@DATE]");
}

}  // namespace nextstep::cli
