// The text form of the events list and of one event with who still needs a next step (rule 10).
#pragma once

#include <ostream>
#include <vector>

#include "day_words.h"
#include "printer.h"

namespace nextstep::cli {

void printEventList(std::ostream& out, const std::vector<Event>& events, const DayWords& words);
void printEvent(std::ostream& out, const EventPage& page, const DayWords& words);

}  // namespace nextstep::cli
