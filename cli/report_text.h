// The text form of the two reports a rep reads every day: Today and the pipeline's health.
#pragma once

#include <ostream>

#include "day_words.h"
#include "printer.h"

namespace nextstep::cli {

void printToday(std::ostream& out, const Today& t, const DayWords& words);
void printHealth(std::ostream& out, const HealthReport& r, const DayWords& words);

}  // namespace nextstep::cli
