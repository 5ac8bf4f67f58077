// Booking the next meeting (rules 1 and 2): a few taps, offline, with suggestions, and a record of
// whether it was booked at the table.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "nextstep/model/model.h"
#include "nextstep/storage/store.h"

namespace nextstep {

// Booked "at the table": during the deal's previous meeting or within this long after its end.
inline constexpr std::chrono::minutes kAtTableGrace{15};

// Rule 1: an open deal has one current next meeting. Booking on a deal that has one says what
// the rep means: move that meeting to the new time (its invitation is updated), or add another
// meeting beside it, deliberately. Without a choice the booking is refused and says why.
enum class WhenPlanned { kRefuse, kMove, kAddAnother };

struct BookingRequest {
  std::string deal;                  // id or prefix
  CivilDateTime at;                  // wall-clock time in `tz`
  std::string tz;                    // IANA zone the meeting is booked in
  std::optional<int> duration_min;   // default: the deal's last meeting's, else 30
  std::optional<std::string> place;  // default: the deal's last meeting's place
  std::string agenda;
  std::string goal;                    // the anticipated outcome
  std::vector<std::string> attendees;  // contact ids or prefixes
  std::optional<std::string> event_id;
  WhenPlanned when_planned = WhenPlanned::kRefuse;
};

// Books the meeting; returns its id (the moved meeting's, with WhenPlanned::kMove). The deal must
// be open and the meeting must not have ended.
Result<std::string> bookMeeting(Store& store, const BookingRequest& request);
// The same inside a caller's write, for bulk booking after an event.
std::string bookMeetingIn(Mutation& m, Instant now, const BookingRequest& request);

struct Reschedule {
  std::optional<CivilDateTime> at;
  std::optional<std::string> tz;
  std::optional<int> duration_min;
  std::optional<std::string> place;
  std::optional<std::string> agenda;
  std::optional<std::string> goal;
};
Result<void> rescheduleMeeting(Store& store, std::string_view meeting, const Reschedule& change);
Result<void> cancelMeeting(Store& store, std::string_view meeting);
Result<void> addAttendee(Store& store, std::string_view meeting, std::string_view contact);
Result<void> removeAttendee(Store& store, std::string_view meeting, std::string_view contact);

// Rule 5: the pre-call plan of an upcoming meeting.
struct PreCallPlan {
  std::string primary;
  std::string backup;
  std::string asks;  // commitments to ask for
};
Result<void> planMeeting(Store& store, std::string_view meeting, const PreCallPlan& plan);

Result<Meeting> getMeeting(Store& store, std::string_view meeting);
// The deal's most recent held meeting, the one a recap is written from; none before the first.
Result<std::optional<Meeting>> lastHeldMeeting(Store& store, std::string_view deal_id);

// What the booking sheet pre-fills (rule 2): suggested slots, the default duration, the last
// place, agenda templates and the deal's people.
struct SlotSuggestion {
  std::string label;  // "Same time next week"
  CivilDateTime at;
  std::string tz;
};
// A zone the meeting may be held in: the rep's own, the account's, the last meeting's.
struct ZoneChoice {
  enum class Source { kRep, kAccount, kLastMeeting, kAsked };
  Source source = Source::kRep;
  std::string label;  // "Yours", "Acme GmbH's", "The last meeting's", "Another zone"
  std::string tz;
};
struct BookingDefaults {
  std::vector<SlotSuggestion> slots;  // on the quarter hour, on the team's working days
  int duration_min = 30;
  std::string place;
  std::string tz;                 // the zone the slots are in
  std::vector<ZoneChoice> zones;  // each zone once, the rep's first
  std::vector<std::string> agenda_templates;
  std::vector<Contact> people;     // the deal's account's contacts, decision makers first
  std::optional<Meeting> planned;  // the deal's current next meeting, which a booking would move
};
// `zone` empty: the last meeting's zone, else the rep's (`device_zone`).
Result<BookingDefaults> bookingDefaults(Store& store, std::string_view deal,
                                        const TimeZone& device_zone, std::string_view zone = {});

}  // namespace nextstep
