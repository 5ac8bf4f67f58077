// A meeting's invitation as of now: its facts, the method its status calls for, and the rep.
#include "nextstep/calendar/invitation.h"

#include "nextstep/model/result_try.h"
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
  NEXTSTEP_TRY(auto email, repEmail(store));
  o.email = email;
  if (!o.email.empty()) return o;
  return Error::precondition(
      "no organizer email: sign this device in (nextstep login), set $EMAIL, or give the rep's "
      "address");
}

}  // namespace

Result<Invitation> meetingInvitation(Store& store, const InvitationRequest& r) {
  NEXTSTEP_TRY(auto facts, invitationFacts(store, r.meeting));
  const bool cancelled = facts.meeting.status == MeetingStatus::kCancelled;
  if (r.cancel && !cancelled) {
    return Error::precondition("the meeting is still " + std::string(nameOf(facts.meeting.status)) +
                               "; cancel it first (nextstep meeting cancel " + facts.meeting.id +
                               "), then send the cancellation");
  }
  NEXTSTEP_TRY(auto organizer, organizerOf(store, r, facts));
  IcsOptions options;
  options.method = cancelled ? InvitationMethod::kCancel : InvitationMethod::kRequest;
  options.organizer = organizer;
  options.stamp = store.now();
  return writeInvitation(facts, options);
}

}  // namespace nextstep::calendar
