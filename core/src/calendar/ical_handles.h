// Owning handles for libical's C objects, so no path through the writer leaks one.
#pragma once

#include <libical/ical.h>

#include <memory>
#include <string>

namespace nextstep::calendar {

struct ComponentFree {
  void operator()(icalcomponent* c) const { icalcomponent_free(c); }
};
using ComponentPtr = std::unique_ptr<icalcomponent, ComponentFree>;

// The component as iCalendar text (CRLF lines, folded), owned by the caller.
inline std::string icalText(icalcomponent* c) {
  char* text = icalcomponent_as_ical_string_r(c);
  if (text == nullptr) return {};
  std::string out(text);
  icalmemory_free_buffer(text);
  return out;
}

}  // namespace nextstep::calendar
