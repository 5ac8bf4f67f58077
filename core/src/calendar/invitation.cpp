// A meeting's invitation as of now: its facts, the method its status calls for, and the rep.
#include "nextstep/calendar/invitation.h"
#include "rep_address.h"

namespace nextstep::calendar {
namespace {

Result<Organizer> organizerOf(Store& store, const InvitationRequest& r,
                              const InvitationFacts& facts) {
  Organizer o;
  o.name = r.organizer_name.value_or(facts.deal_owner);
  if (r.organizer_email) {
    o.email = *r.organizer_email;
    return o;
  }
  auto email = repEmail(store);
  if (!email) return email.error();
  o.email = *email;
  if (!o.email.empty()) return o;
  return Error::precondition(
      "no organizer email: sign this device in (nextstep login), set $EMAIL, or give the rep's "
      "address");
}

}  // namespace

Result<Invitation> meetingInvitation(Store& store, const InvitationRequest& r) {
  auto facts = invitationFacts(store, r.meeting);
  if (!facts) return facts.error();
  const bool cancelled = facts->meeting.status == MeetingStatus::kCancelled;
  if (r.cancel && !cancelled) {
    return Error::precondition("the meeting is still " +
                               std::string(nameOf(facts->meeting.status)) +
                               "; cancel it first (nextstep meeting cancel " + facts->meeting.id +
                               "), then send the cancellation");
  }
  auto organizer = organizerOf(store, r, *facts);
  if (!organizer) return organizer.error();
  IcsOptions options;
  options.method = cancelled ? InvitationMethod::kCancel : InvitationMethod::kRequest;
  options.organizer = *organizer;
  options.stamp = store.now();
  return writeInvitation(*facts, options);
}

}  // namespace nextstep::calendar
