#include "vtimezone.h"

#include <ctime>

namespace nextstep::calendar {

bool isUtcZone(const std::string& name) {
  return name == "UTC" || name == "Etc/UTC" || name == "Etc/Universal" || name == "Etc/Zulu" ||
         name == "Universal" || name == "Zulu" || name == "Etc/GMT" || name == "GMT";
}

ComponentPtr vtimezoneFor(const std::string& iana_name, Instant from) {
  // libical reads the zone from /usr/share/zoneinfo (its compiled-in search path) and keeps it for
  // the life of the process; the component it returns belongs to the zone, so we copy it.
  icaltimezone* zone = icaltimezone_get_builtin_timezone(iana_name.c_str());
  if (zone == nullptr) return nullptr;
  icalcomponent* definition = icaltimezone_get_component(zone);
  if (definition == nullptr) return nullptr;
  ComponentPtr vtz(icalcomponent_new_clone(definition));

  // libical names the zone "/freeassociation.sourceforge.net/Europe/Berlin"; the IANA name is what
  // Google, Apple and Outlook recognise, and it is what the meeting stores.
  if (icalproperty* tzid = icalcomponent_get_first_property(vtz.get(), ICAL_TZID_PROPERTY)) {
    icalproperty_set_tzid(tzid, iana_name.c_str());
  } else {
    icalcomponent_add_property(vtz.get(), icalproperty_new_tzid(iana_name.c_str()));
  }
  // A year before the meeting keeps the observance in force then and the next transitions;
  // ms_compatible keeps each RRULE's original DTSTART, which Outlook needs to expand it.
  const icaltimetype start = icaltime_from_timet_with_zone(
      static_cast<time_t>(toUnix(from) - 366 * 86400), 0, icaltimezone_get_utc_timezone());
  icaltimezone_truncate_vtimezone(vtz.get(), start, icaltime_null_time(), 1);
  return vtz;
}

}  // namespace nextstep::calendar
