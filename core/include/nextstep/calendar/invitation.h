// Calendar invitations for booked meetings (rule 1's next step, sent to the customer's people):
// iCalendar (RFC 5545) with the iTIP methods of RFC 5546, written by libical so that escaping,
// line folding, UTF-8 and the time-zone definitions are a well-kept library's, not ours.
//
// Part of the nextstep_calendar library, so that the core itself does not need libical.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "nextstep/calendar/meeting_context.h"
#include "nextstep/model/model.h"
#include "nextstep/model/result.h"
#include "nextstep/storage/store.h"

namespace nextstep::calendar {

enum class InvitationMethod {
  kRequest,  // METHOD:REQUEST: the invitation, and every update of it
  kCancel,   // METHOD:CANCEL: the meeting is off
};

// The rep, as the customer's calendar shows the sender.
struct Organizer {
  std::string email;
  std::string name;  // may be empty
};

// Everything an invitation says, read from the store in one snapshot.
struct InvitationFacts : MeetingContext {
  // RFC 5546's SEQUENCE: whole seconds from the meeting's creation to its newest write of the
  // slot (time, zone, duration, place), agenda, goal, status or attendees. See sequenceOf().
  std::int64_t sequence = 0;
};

// The stable UID of a meeting's invitation: every update and the cancellation carry it.
std::string invitationUid(std::string_view meeting_id);

// The facts of a meeting (id or unique prefix). Deleted meetings are not found.
Result<InvitationFacts> invitationFacts(Store& store, std::string_view meeting);

struct IcsOptions {
  InvitationMethod method = InvitationMethod::kRequest;
  Organizer organizer;
  Instant stamp{};  // DTSTAMP: when this file was made
};

struct Invitation {
  std::string ics;  // CRLF lines, folded at 75 octets
  std::string uid;
  std::int64_t sequence = 0;
  InvitationMethod method = InvitationMethod::kRequest;
  std::string tzid;  // the zone of DTSTART/DTEND; "UTC" when they are written in UTC
  std::vector<std::string> invited;  // the attendees' email addresses
  // Attendees without an email address cannot be invited; their names, for the rep to see.
  std::vector<std::string> without_email;
};

// The iCalendar file for these facts. Pure: the same facts and options give the same bytes.
Result<Invitation> writeInvitation(const InvitationFacts& facts, const IcsOptions& options);

struct InvitationRequest {
  std::string meeting;  // id or unique prefix
  bool cancel = false;  // the cancellation; the meeting must have been cancelled
  // Default: the device's sign-in (local_meta sync_email), else $EMAIL.
  std::optional<std::string> organizer_email;
  // Default: the deal's owner.
  std::optional<std::string> organizer_name;
};

// The invitation of a meeting as of now: REQUEST for a planned or held meeting, CANCEL for a
// cancelled one (asking for a cancellation of a meeting that is still planned is refused: the
// customer's calendar would disagree with the pipeline).
Result<Invitation> meetingInvitation(Store& store, const InvitationRequest& request);

}  // namespace nextstep::calendar
