// The VTIMEZONE of an IANA zone, built by libical from the system's time-zone database (Debian's
// tzdata, the same files civil_time reads), so the rules a calendar client applies are the rules
// the meeting was booked with.
#pragma once

#include <string>

#include "ical_handles.h"
#include "nextstep/time/civil_time.h"

namespace nextstep::calendar {

// The zone's definition with the observances in force from `from` on (older history dropped, as
// Outlook expects), its TZID being the IANA name itself. Empty when libical cannot load the zone.
ComponentPtr vtimezoneFor(const std::string& iana_name, Instant from);

// True for the names of UTC itself: those meetings are written in UTC, without a VTIMEZONE.
bool isUtcZone(const std::string& iana_name);

}  // namespace nextstep::calendar
