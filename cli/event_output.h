// The results of event list and event show (who still needs a next step, rule 10), each with
// its JSON form (to_json) and its text form (printText), for emit().
#pragma once

#include <ostream>
#include <vector>

#include "day_words.h"
#include "emit.h"
#include "nextstep/meetings/events.h"

namespace nextstep::cli {

struct EventList {
  std::vector<Event> events;
};

struct EventPage {
  Event event;
  std::vector<ParticipantStatus> participants;
};

NEXTSTEP_RESULT_FORMS(EventList);
NEXTSTEP_RESULT_FORMS(EventPage);

}  // namespace nextstep::cli
