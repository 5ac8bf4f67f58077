// The results of the meeting and action commands: a meeting's page, the suggestions for a
// booking, a closed call and an action, each with its JSON form (to_json) and its text form
// (printText), for emit().
#pragma once

#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "contacts_by_id.h"
#include "day_words.h"
#include "emit.h"
#include "nextstep/meetings/booking.h"
#include "nextstep/meetings/call_close.h"
#include "nextstep/model/model.h"

namespace nextstep::cli {

struct MeetingPage {
  Meeting meeting;
  Deal deal;
  std::vector<Contact> attendees;
  std::optional<Outcome> outcome;
  std::vector<TemperatureCheck> temperature;
  std::vector<ActionItem> actions;  // agreed in this meeting
  ContactsById contacts;
};

struct Suggestions {
  std::string deal_id;
  std::string deal_title;
  BookingDefaults defaults;
};

struct ClosedCall {
  std::string meeting_id;
  Deal deal;  // as it is after the close
  OutcomeResult result = OutcomeResult::kMaybe;
  std::optional<CivilDate> follow_up;
  CallCloseResult close;
  std::optional<Meeting> next_step;  // the deal's next step after the close
};

struct ActionPage {
  ActionItem action;
};

NEXTSTEP_RESULT_FORMS(MeetingPage);
NEXTSTEP_RESULT_FORMS(Suggestions);
NEXTSTEP_RESULT_FORMS(ClosedCall);
NEXTSTEP_RESULT_FORMS(ActionPage);

}  // namespace nextstep::cli
