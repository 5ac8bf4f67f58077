// Invitations as the customer's calendar reads them: each file is parsed back by libical and by
// Python's icalendar, and the instants are computed from the file's own VTIMEZONE.
#include <libical/ical.h>

#include <cstdlib>
#include <ctime>

#include "calendar_fixture.h"
#include "nextstep/calendar/invitation.h"
#include "nextstep/meetings/booking.h"
#include "python_check.h"

namespace nextstep::testing {
namespace {

using calendar::Invitation;
using calendar::InvitationMethod;
using calendar::InvitationRequest;
using nlohmann::json;

struct Attendee {
  std::string address;
  std::string cn;
  icalparameter_role role = ICAL_ROLE_NONE;
  bool rsvp = false;
};

// What libical reads back from the file.
struct Parsed {
  icalproperty_method method = ICAL_METHOD_NONE;
  std::string uid;
  int sequence = -1;
  icalproperty_status status = ICAL_STATUS_NONE;
  std::string summary;
  std::string description;
  std::string location;
  std::int64_t start = 0;  // unix seconds, from the file's VTIMEZONE
  std::int64_t end = 0;
  std::string organizer;
  std::vector<Attendee> attendees;
  int errors = -1;       // X-LIC-ERROR properties the parser added
  bool itip_ok = false;  // libical's RFC 5546 restrictions for the METHOD
};

std::int64_t unixOf(icaltimetype t) {
  return static_cast<std::int64_t>(
      icaltime_as_timet_with_zone(t, t.zone != nullptr ? t.zone : icaltimezone_get_utc_timezone()));
}

Parsed parseWithLibical(const std::string& ics) {
  Parsed p;
  icalcomponent* cal = icalparser_parse_string(ics.c_str());
  if (cal == nullptr) {
    ADD_FAILURE() << "libical could not parse:\n" << ics;
    return p;
  }
  p.errors = icalcomponent_count_errors(cal);
  p.method = icalcomponent_get_method(cal);
  icalcomponent* ev = icalcomponent_get_first_component(cal, ICAL_VEVENT_COMPONENT);
  p.uid = icalcomponent_get_uid(ev);
  p.sequence = icalcomponent_get_sequence(ev);
  p.status = icalcomponent_get_status(ev);
  p.summary = icalcomponent_get_summary(ev);
  if (const char* d = icalcomponent_get_description(ev)) p.description = d;
  if (const char* l = icalcomponent_get_location(ev)) p.location = l;
  p.start = unixOf(icalcomponent_get_dtstart(ev));
  p.end = unixOf(icalcomponent_get_dtend(ev));
  p.organizer =
      icalproperty_get_organizer(icalcomponent_get_first_property(ev, ICAL_ORGANIZER_PROPERTY));
  for (icalproperty* a = icalcomponent_get_first_property(ev, ICAL_ATTENDEE_PROPERTY); a != nullptr;
       a = icalcomponent_get_next_property(ev, ICAL_ATTENDEE_PROPERTY)) {
    Attendee at;
    at.address = icalproperty_get_attendee(a);
    if (icalparameter* cn = icalproperty_get_first_parameter(a, ICAL_CN_PARAMETER)) {
      at.cn = icalparameter_get_cn(cn);
    }
    if (icalparameter* role = icalproperty_get_first_parameter(a, ICAL_ROLE_PARAMETER)) {
      at.role = icalparameter_get_role(role);
    }
    if (icalparameter* rsvp = icalproperty_get_first_parameter(a, ICAL_RSVP_PARAMETER)) {
      at.rsvp = icalparameter_get_rsvp(rsvp) == ICAL_RSVP_TRUE;
    }
    p.attendees.push_back(at);
  }
  p.itip_ok = icalrestriction_check(cal) == 1;
  icalcomponent_free(cal);
  return p;
}

class InvitationTest : public CalendarTest {
 protected:
  InvitationTest() { setenv("EMAIL", "", 1); }

  Invitation invite(const std::string& meeting, bool cancel = false) {
    InvitationRequest r;
    r.meeting = meeting;
    r.cancel = cancel;
    r.organizer_email = "rita.rep@nextstep.example";
    return unwrap(calendar::meetingInvitation(*store_, r));
  }

  // Python's reading of the file.
  json python(const Invitation& i, const std::string& name = "invite.ics") {
    return runPythonCheck("check_ics.py", {save(name, i.ics)});
  }
};

TEST_F(InvitationTest, ARequestCarriesEveryFieldTheCustomerNeeds) {
  const std::string m = book("2026-04-14T10:00", "Europe/Berlin", 90);
  const Invitation i = invite(m);
  EXPECT_EQ(i.uid, m + "@nextstep");
  EXPECT_EQ(i.sequence, 0);
  EXPECT_EQ(i.method, InvitationMethod::kRequest);
  EXPECT_EQ(i.tzid, "Europe/Berlin");
  EXPECT_EQ(i.without_email, std::vector<std::string>{"Kim Nomail"});

  const Parsed p = parseWithLibical(i.ics);
  EXPECT_EQ(p.errors, 0);
  EXPECT_TRUE(p.itip_ok) << i.ics;
  EXPECT_EQ(p.method, ICAL_METHOD_REQUEST);
  EXPECT_EQ(p.uid, m + "@nextstep");
  EXPECT_EQ(p.sequence, 0);
  EXPECT_EQ(p.status, ICAL_STATUS_CONFIRMED);
  EXPECT_EQ(p.summary, "Fleet renewal, phase 2 \xE2\x80\x93 Müller & Söhne GmbH");
  EXPECT_EQ(p.location, "Werk 2, Halle 3; Tor B");
  EXPECT_EQ(p.description,
            "Agenda:\nWalk-through, pricing; next steps\n\nAnticipated outcome:\nDecision on the "
            "pilot scope");
  EXPECT_EQ(p.start, toUnix(at("2026-04-14T08:00:00Z")));  // CEST, UTC+2
  EXPECT_EQ(p.end, toUnix(at("2026-04-14T09:30:00Z")));
  EXPECT_EQ(p.organizer, "mailto:rita.rep@nextstep.example");
  ASSERT_EQ(p.attendees.size(), 2u);
  EXPECT_EQ(p.attendees[0].cn, "Jürgen Müller");
  EXPECT_EQ(p.attendees[0].address, "mailto:juergen.mueller@example.de");
  EXPECT_EQ(p.attendees[0].role, ICAL_ROLE_REQPARTICIPANT);  // the decision maker
  EXPECT_TRUE(p.attendees[0].rsvp);
  EXPECT_EQ(p.attendees[1].cn, "Zoë O'Brien-Łukasiewicz");
  EXPECT_EQ(p.attendees[1].role, ICAL_ROLE_OPTPARTICIPANT);  // a user
  EXPECT_TRUE(p.attendees[1].rsvp);

  const json py = python(i);
  EXPECT_EQ(py["version"], "2.0");
  EXPECT_EQ(py["method"], "REQUEST");
  EXPECT_EQ(py["uid"], m + "@nextstep");
  EXPECT_EQ(py["sequence"], 0);
  EXPECT_EQ(py["status"], "CONFIRMED");
  EXPECT_EQ(py["tzid"], "Europe/Berlin");
  EXPECT_EQ(py["vtimezones"], json::array({"Europe/Berlin"}));
  EXPECT_EQ(py["start_wall"], "2026-04-14T10:00");
  EXPECT_EQ(py["start_utc"], "2026-04-14T08:00:00Z");
  EXPECT_EQ(py["end_utc"], "2026-04-14T09:30:00Z");
  EXPECT_EQ(py["dtstamp"], "2026-03-01T09:00:00Z");
  EXPECT_EQ(py["location"], "Werk 2, Halle 3; Tor B");
  EXPECT_EQ(py["description"], p.description);
  EXPECT_EQ(py["summary"], p.summary);
  EXPECT_EQ(py["organizer"], "mailto:rita.rep@nextstep.example");
  EXPECT_EQ(py["organizer_cn"], "Rita Rep");  // the deal's owner
  ASSERT_EQ(py["attendees"].size(), 2u);
  EXPECT_EQ(py["attendees"][0]["cn"], "Jürgen Müller");
  EXPECT_EQ(py["attendees"][0]["role"], "REQ-PARTICIPANT");
  EXPECT_EQ(py["attendees"][0]["rsvp"], "TRUE");
  EXPECT_EQ(py["attendees"][0]["partstat"], "NEEDS-ACTION");
  EXPECT_EQ(py["attendees"][1]["cn"], "Zoë O'Brien-Łukasiewicz");
  EXPECT_EQ(py["attendees"][1]["role"], "OPT-PARTICIPANT");
  EXPECT_LE(py["max_line_octets"].get<int>(), 75);
}

// A meeting in Berlin in the weeks when Europe and the US are on different sides of their
// daylight-saving changes: New York is 5 hours behind, not the usual 6.
TEST_F(InvitationTest, DaylightSavingChangesAreRightInBerlinAndNewYork) {
  struct Case {
    const char* berlin;
    const char* utc;
    const char* new_york;
  };
  const Case cases[] = {
      // The US changed on 8 March, Europe changes on 29 March.
      {"2026-03-27T10:00", "2026-03-27T09:00:00Z", "2026-03-27T05:00 EDT"},
      {"2026-03-30T10:00", "2026-03-30T08:00:00Z", "2026-03-30T04:00 EDT"},
      // Europe changes back on 25 October, the US on 1 November.
      {"2026-10-23T10:00", "2026-10-23T08:00:00Z", "2026-10-23T04:00 EDT"},
      {"2026-10-30T10:00", "2026-10-30T09:00:00Z", "2026-10-30T05:00 EDT"},
      {"2026-11-03T10:00", "2026-11-03T09:00:00Z", "2026-11-03T04:00 EST"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.berlin);
    const Invitation i = invite(book(c.berlin, "Europe/Berlin", 60));
    EXPECT_EQ(parseWithLibical(i.ics).start, toUnix(at(c.utc)));
    const json py = python(i);
    EXPECT_EQ(py["start_utc"], c.utc);
    EXPECT_EQ(py["start_new_york"], c.new_york);
  }
}

TEST_F(InvitationTest, AMeetingAcrossTheNightOfTheChangeEndsOnTheNewClock) {
  // 01:30 CET to 04:00 CEST is 90 minutes: the clocks skip 02:00-03:00.
  const Invitation i = invite(book("2026-03-29T01:30", "Europe/Berlin", 90));
  const Parsed p = parseWithLibical(i.ics);
  EXPECT_EQ(p.start, toUnix(at("2026-03-29T00:30:00Z")));
  EXPECT_EQ(p.end, toUnix(at("2026-03-29T02:00:00Z")));
  const json py = python(i);
  EXPECT_EQ(py["start_wall"], "2026-03-29T01:30");
  EXPECT_EQ(py["end_wall"], "2026-03-29T04:00");
  EXPECT_EQ(py["start_utc"], "2026-03-29T00:30:00Z");
  EXPECT_EQ(py["end_utc"], "2026-03-29T02:00:00Z");
}

TEST_F(InvitationTest, EachRescheduleRaisesTheSequenceUnderTheSameUid) {
  const std::string m = book("2026-04-14T10:00", "Europe/Berlin");
  const Invitation first = invite(m);
  EXPECT_EQ(first.sequence, 0);

  clock_.advance(std::chrono::hours(2));
  unwrap(rescheduleMeeting(*store_, m, {.at = local("2026-04-15T11:30")}));
  const Invitation second = invite(m);
  EXPECT_EQ(second.uid, first.uid);
  EXPECT_GT(second.sequence, first.sequence);
  EXPECT_EQ(parseWithLibical(second.ics).start, toUnix(at("2026-04-15T09:30:00Z")));

  clock_.advance(std::chrono::minutes(5));
  unwrap(rescheduleMeeting(*store_, m, {.tz = "America/New_York"}));
  const Invitation third = invite(m);
  EXPECT_GT(third.sequence, second.sequence);
  const json py = python(third);
  EXPECT_EQ(py["uid"], first.uid);
  EXPECT_EQ(py["sequence"], third.sequence);
  EXPECT_EQ(py["tzid"], "America/New_York");
  EXPECT_EQ(py["start_wall"], "2026-04-15T11:30");  // the same wall time, in the new zone
  EXPECT_EQ(py["start_utc"], "2026-04-15T15:30:00Z");

  // Exporting again without a change gives the same SEQUENCE: it is derived, not counted.
  EXPECT_EQ(invite(m).sequence, third.sequence);
}

TEST_F(InvitationTest, CancellingSendsCancelWithTheSameUidAndAHigherSequence) {
  const std::string m = book("2026-04-14T10:00", "Europe/Berlin");
  const Invitation request = invite(m);

  // The cancellation of a meeting still planned would contradict the pipeline.
  InvitationRequest early{.meeting = m, .cancel = true, .organizer_email = "rita@example.com"};
  auto refused = calendar::meetingInvitation(*store_, early);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().code, ErrorCode::kFailedPrecondition);

  clock_.advance(std::chrono::minutes(30));
  unwrap(cancelMeeting(*store_, m));
  const Invitation cancel = invite(m, true);
  EXPECT_EQ(cancel.method, InvitationMethod::kCancel);
  EXPECT_EQ(cancel.uid, request.uid);
  EXPECT_GT(cancel.sequence, request.sequence);
  const Parsed p = parseWithLibical(cancel.ics);
  EXPECT_EQ(p.method, ICAL_METHOD_CANCEL);
  EXPECT_EQ(p.status, ICAL_STATUS_CANCELLED);
  EXPECT_TRUE(p.itip_ok) << cancel.ics;
  const json py = python(cancel);
  EXPECT_EQ(py["method"], "CANCEL");
  EXPECT_EQ(py["status"], "CANCELLED");
  EXPECT_EQ(py["uid"], request.uid);
  EXPECT_EQ(py["attendees"].size(), 2u);
  EXPECT_EQ(py["attendees"][0]["rsvp"], "");  // nothing to answer

  // A cancelled meeting exports as its cancellation even without asking for it.
  EXPECT_EQ(invite(m).method, InvitationMethod::kCancel);
}

TEST_F(InvitationTest, LongTextIsFoldedAndSpecialCharactersAreEscaped) {
  std::string agenda;
  for (int i = 1; i <= 12; ++i) {
    agenda += "Punkt " + std::to_string(i) + ": Überblick, Preise; Fragen \\ Antworten — ✓\n";
  }
  agenda += "Ende";
  BookingRequest r;
  r.deal = deal_;
  r.at = local("2026-05-05T09:00");
  r.tz = "Europe/Berlin";
  r.agenda = agenda;
  r.goal = "A \"yes\" to the pilot, with dates";
  r.place = "https://meet.example.com/abc-defg-hij?pwd=1,2;3";
  r.attendees = {juergen_};
  const Invitation i = invite(unwrap(bookMeeting(*store_, r)));

  // Physical lines: CRLF, none longer than 75 octets, several folded.
  std::size_t start = 0;
  int folded = 0;
  while (start < i.ics.size()) {
    const std::size_t end = i.ics.find("\r\n", start);
    ASSERT_NE(end, std::string::npos) << "a line without CRLF";
    EXPECT_LE(end - start, 75u) << i.ics.substr(start, end - start);
    EXPECT_EQ(i.ics.substr(start, end - start).find('\n'), std::string::npos);
    folded += i.ics[start] == ' ';
    start = end + 2;
  }
  EXPECT_GT(folded, 5);

  const std::string expected =
      "Agenda:\n" + agenda + "\n\nAnticipated outcome:\n" + r.goal + "\n\nJoin:\n" + *r.place;
  const Parsed p = parseWithLibical(i.ics);
  EXPECT_EQ(p.description, expected);
  EXPECT_EQ(p.location, *r.place);
  const json py = python(i);
  EXPECT_EQ(py["description"], expected);
  EXPECT_EQ(py["location"], *r.place);
  EXPECT_EQ(py["url"], *r.place);
  EXPECT_LE(py["max_line_octets"].get<int>(), 75);
  EXPECT_GT(py["folded_lines"].get<int>(), 5);
}

TEST_F(InvitationTest, AMeetingBookedInUtcNeedsNoTimeZoneDefinition) {
  const Invitation i = invite(book("2026-04-14T10:00", "UTC"));
  EXPECT_EQ(i.tzid, "UTC");
  EXPECT_EQ(i.ics.find("BEGIN:VTIMEZONE"), std::string::npos);
  EXPECT_NE(i.ics.find("DTSTART:20260414T100000Z"), std::string::npos);
  const json py = python(i);
  EXPECT_EQ(py["start_utc"], "2026-04-14T10:00:00Z");
  EXPECT_EQ(py["start_new_york"], "2026-04-14T06:00 EDT");
}

TEST_F(InvitationTest, TheOrganizerIsTheSignedInRepOrSomeoneTheRepNames) {
  const std::string m = book("2026-04-14T10:00", "Asia/Kolkata");
  InvitationRequest r{.meeting = m};
  auto none = calendar::meetingInvitation(*store_, r);
  ASSERT_FALSE(none.ok());
  EXPECT_EQ(none.error().code, ErrorCode::kFailedPrecondition);
  EXPECT_NE(none.error().message.find("organizer"), std::string::npos);

  unwrap(store_->write([](Mutation& mu) {
    mu.db().exec("INSERT INTO local_meta(key, value) VALUES ('sync_email', 'rita@team.example')");
  }));
  const Invitation signedIn = unwrap(calendar::meetingInvitation(*store_, r));
  const json py = python(signedIn);
  EXPECT_EQ(py["organizer"], "mailto:rita@team.example");
  EXPECT_EQ(py["tzid"], "Asia/Kolkata");
  EXPECT_EQ(py["start_utc"], "2026-04-14T04:30:00Z");

  r.organizer_email = "not an address";
  auto bad = calendar::meetingInvitation(*store_, r);
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().code, ErrorCode::kInvalidArgument);
}

TEST_F(InvitationTest, TheSameFactsGiveTheSameBytes) {
  const calendar::InvitationFacts facts =
      unwrap(calendar::invitationFacts(*store_, book("2026-04-14T10:00", "Europe/Berlin")));
  calendar::IcsOptions o{.organizer = {"rita@example.com", "Rita"},
                         .stamp = at("2026-03-01T09:00:00Z")};
  EXPECT_EQ(unwrap(calendar::writeInvitation(facts, o)).ics,
            unwrap(calendar::writeInvitation(facts, o)).ics);
}

}  // namespace
}  // namespace nextstep::testing
