// InvitationFacts -> an iCalendar file, built as libical components. libical escapes TEXT values
// (commas, semicolons, backslashes, newlines), quotes and RFC 6868-encodes parameter values, folds
// lines at 75 octets without splitting a UTF-8 character, and ends lines with CRLF.
#include <algorithm>
#include <climits>
#include <ctime>

#include "ical_handles.h"
#include "nextstep/calendar/invitation.h"
#include "vtimezone.h"

namespace nextstep::calendar {
namespace {

icaltimetype utcTime(Instant t) {
  return icaltime_from_timet_with_zone(static_cast<time_t>(toUnix(t)), 0,
                                       icaltimezone_get_utc_timezone());
}

// A wall-clock time with no zone attached; the TZID parameter names its zone.
icaltimetype wallTime(const CivilDateTime& local) {
  icaltimetype t = icaltime_null_time();
  t.year = local.date.year;
  t.month = static_cast<int>(local.date.month);
  t.day = static_cast<int>(local.date.day);
  t.hour = local.hour;
  t.minute = local.minute;
  t.second = 0;
  t.is_date = 0;
  return t;
}

// Decision makers, approvers and champions must be there; users and others are welcome.
icalparameter_role roleOf(ContactRole role) {
  switch (role) {
    case ContactRole::kDecisionMaker:
    case ContactRole::kApprover:
    case ContactRole::kChampion:
      return ICAL_ROLE_REQPARTICIPANT;
    case ContactRole::kUser:
    case ContactRole::kOther:
      return ICAL_ROLE_OPTPARTICIPANT;
  }
  return ICAL_ROLE_OPTPARTICIPANT;
}

bool isLink(const std::string& place) {
  return place.starts_with("https://") || place.starts_with("http://");
}

std::string summaryOf(const InvitationFacts& f) {
  if (f.account_name.empty()) return f.deal_title;
  return f.deal_title + " \xE2\x80\x93 " + f.account_name;  // en dash
}

// The agenda and the anticipated outcome (the goal of the meeting), and the link to join.
std::string descriptionOf(const Meeting& m) {
  std::string out;
  auto section = [&out](const std::string& heading, const std::string& text) {
    if (text.empty()) return;
    if (!out.empty()) out += "\n\n";
    out += heading + "\n" + text;
  };
  section("Agenda:", m.agenda);
  section("Anticipated outcome:", m.goal);
  if (isLink(m.place)) section("Join:", m.place);
  return out;
}

std::string mailto(const std::string& email) { return "mailto:" + email; }

bool plausibleEmail(const std::string& email) {
  const auto at = email.find('@');
  return at != std::string::npos && at > 0 && at + 1 < email.size() &&
         email.find_first_of(" \t\r\n<>\"") == std::string::npos;
}

// The start and end on the clocks of the booking zone (with its VTIMEZONE), or in UTC when the
// zone is UTC or libical cannot load it: the instants are right either way.
struct Times {
  icalproperty* start = nullptr;
  icalproperty* end = nullptr;
  ComponentPtr vtimezone;
  std::string tzid;
};

Times timesOf(const Meeting& m) {
  Times t;
  auto zone = TimeZone::find(m.tz);
  if (zone && !isUtcZone(zone->name())) {
    t.vtimezone = vtimezoneFor(zone->name(), m.start);
  }
  if (!t.vtimezone) {
    t.tzid = "UTC";
    t.start = icalproperty_new_dtstart(utcTime(m.start));
    t.end = icalproperty_new_dtend(utcTime(m.end()));
    return t;
  }
  t.tzid = zone->name();
  t.start = icalproperty_new_dtstart(wallTime(zone->toLocal(m.start)));
  icalproperty_add_parameter(t.start, icalparameter_new_tzid(t.tzid.c_str()));
  t.end = icalproperty_new_dtend(wallTime(zone->toLocal(m.end())));
  icalproperty_add_parameter(t.end, icalparameter_new_tzid(t.tzid.c_str()));
  return t;
}

}  // namespace

Result<Invitation> writeInvitation(const InvitationFacts& f, const IcsOptions& o) {
  if (!plausibleEmail(o.organizer.email)) {
    return Error::invalid("the organizer needs an email address the customer can reply to, not '" +
                          o.organizer.email + "'");
  }
  const bool cancel = o.method == InvitationMethod::kCancel;
  Invitation out;
  out.uid = invitationUid(f.meeting.id);
  out.method = o.method;
  out.sequence = std::min<std::int64_t>(f.sequence, INT_MAX);

  ComponentPtr calendar(icalcomponent_new_vcalendar());
  icalcomponent* cal = calendar.get();
  icalcomponent_add_property(cal, icalproperty_new_prodid("-//NextStep//NextStep//EN"));
  icalcomponent_add_property(cal, icalproperty_new_version("2.0"));
  icalcomponent_add_property(cal, icalproperty_new_calscale("GREGORIAN"));
  icalcomponent_add_property(
      cal, icalproperty_new_method(cancel ? ICAL_METHOD_CANCEL : ICAL_METHOD_REQUEST));

  Times times = timesOf(f.meeting);
  out.tzid = times.tzid;
  if (times.vtimezone) icalcomponent_add_component(cal, times.vtimezone.release());

  icalcomponent* event = icalcomponent_new_vevent();
  icalcomponent_add_component(cal, event);  // owned by the calendar from here on
  icalcomponent_add_property(event, icalproperty_new_uid(out.uid.c_str()));
  icalcomponent_add_property(event, icalproperty_new_sequence(static_cast<int>(out.sequence)));
  icalcomponent_add_property(event, icalproperty_new_dtstamp(utcTime(o.stamp)));
  icalcomponent_add_property(event, icalproperty_new_created(utcTime(f.meeting.booked_at)));
  icalcomponent_add_property(event, times.start);
  icalcomponent_add_property(event, times.end);
  icalcomponent_add_property(event, icalproperty_new_summary(summaryOf(f).c_str()));
  if (const std::string d = descriptionOf(f.meeting); !d.empty()) {
    icalcomponent_add_property(event, icalproperty_new_description(d.c_str()));
  }
  if (!f.meeting.place.empty()) {
    icalcomponent_add_property(event, icalproperty_new_location(f.meeting.place.c_str()));
    if (isLink(f.meeting.place)) {
      icalcomponent_add_property(event, icalproperty_new_url(f.meeting.place.c_str()));
    }
  }
  icalcomponent_add_property(
      event, icalproperty_new_status(cancel ? ICAL_STATUS_CANCELLED : ICAL_STATUS_CONFIRMED));
  icalcomponent_add_property(event, icalproperty_new_transp(ICAL_TRANSP_OPAQUE));

  icalproperty* organizer = icalproperty_new_organizer(mailto(o.organizer.email).c_str());
  if (!o.organizer.name.empty()) {
    icalproperty_add_parameter(organizer, icalparameter_new_cn(o.organizer.name.c_str()));
  }
  icalcomponent_add_property(event, organizer);

  for (const Contact& c : f.attendees) {
    if (!plausibleEmail(c.email)) {
      out.without_email.push_back(c.name);
      continue;
    }
    icalproperty* attendee = icalproperty_new_attendee(mailto(c.email).c_str());
    icalproperty_add_parameter(attendee, icalparameter_new_cn(c.name.c_str()));
    icalproperty_add_parameter(attendee, icalparameter_new_cutype(ICAL_CUTYPE_INDIVIDUAL));
    icalproperty_add_parameter(attendee, icalparameter_new_role(roleOf(c.role)));
    if (!cancel) {
      icalproperty_add_parameter(attendee, icalparameter_new_partstat(ICAL_PARTSTAT_NEEDSACTION));
      icalproperty_add_parameter(attendee, icalparameter_new_rsvp(ICAL_RSVP_TRUE));
    }
    icalcomponent_add_property(event, attendee);
    out.invited.push_back(c.email);
  }

  out.ics = icalText(cal);
  if (out.ics.empty()) return Error{ErrorCode::kInternal, "libical could not write the invitation"};
  return out;
}

}  // namespace nextstep::calendar
