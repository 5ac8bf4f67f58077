#include "meeting_commands.h"

#include "flag_values.h"
#include "nextstep/meetings/booking.h"
#include "nextstep/meetings/call_close.h"
#include "nextstep/pipeline/deal_view.h"
#include "nextstep/pipeline/pipeline.h"

namespace nextstep::cli {
namespace {

// "Thu 3 Dec 2026 14:00 CET" in the zone the meeting was booked in.
std::string whenOf(const Meeting& m) {
  auto zone = TimeZone::find(m.tz);
  return formatInZone(m.start, zone ? *zone : TimeZone::utc());
}

// Rule 1: after a meeting is cancelled or closed, say so when the deal has no next step left.
Result<std::string> nextStepReminder(Store& store, const std::string& deal_id) {
  auto view = dealView(store, deal_id);
  if (!view) return view.error();
  if (view->next_step || view->deal.status != DealStatus::kOpen) return std::string();
  return " Deal '" + view->deal.title + "' has no next step now; book one with: nextstep meeting " +
         "book --deal " + deal_id + " --at YYYY-MM-DDTHH:MM";
}

Result<ContactsById> contactsByIdOf(Store& store, const std::vector<Contact>& people,
                                    const std::vector<std::string>& more) {
  ContactsById out;
  for (const Contact& c : people) out.emplace(c.id, c);
  for (const std::string& id : more) {
    if (out.contains(id)) continue;
    if (auto c = getContact(store, id)) out.emplace(id, *c);
  }
  return out;
}

// The zone of the deal's account, for --tz account.
Result<std::string> accountZoneOfDeal(Session& session, const std::string& deal) {
  auto store = session.store(DatabaseUse::kRead);
  if (!store) return store.error();
  auto found = getDeal(**store, deal);
  if (!found) return found.error();
  if (found->account_id) {
    auto account = getAccount(**store, *found->account_id);
    if (!account) return account.error();
    if (!account->tz.empty()) return account->tz;
  }
  return Error{ErrorCode::kFailedPrecondition,
               "--tz account: the deal's account has no zone (set one with account set ACCOUNT "
               "--tz Area/City)"};
}

}  // namespace

Result<void> bookMeetingCommand(Session& session, const MeetingBookFlags& flags) {
  BookingRequest request;
  request.deal = flags.deal;
  auto at = parseLocalTime("--at", flags.at);
  if (!at) return at.error();
  request.at = *at;
  if (flags.tz == "account") {
    auto zone = accountZoneOfDeal(session, flags.deal);
    if (!zone) return zone.error();
    request.tz = *zone;
  } else if (flags.tz) {
    auto zone = parseZone("--tz", *flags.tz);
    if (!zone) return zone.error();
    request.tz = zone->name();
  } else {
    request.tz = session.zone().name();
  }
  if (flags.duration) {
    auto minutes = parseDuration("--duration", *flags.duration);
    if (!minutes) return minutes.error();
    request.duration_min = *minutes;
  }
  request.place = flags.place;
  request.agenda = flags.agenda.value_or("");
  request.goal = flags.goal.value_or("");
  request.attendees = flags.attendees;
  if (flags.move) request.when_planned = WhenPlanned::kMove;
  if (flags.another) request.when_planned = WhenPlanned::kAddAnother;
  auto store = session.store(DatabaseUse::kChange);
  if (!store) return store.error();
  auto id = bookMeeting(**store, request);
  if (!id && id.error().code == ErrorCode::kFailedPrecondition &&
      request.when_planned == WhenPlanned::kRefuse &&
      id.error().message.find("already has its next meeting") != std::string::npos) {
    return Error{id.error().code, id.error().message + " (--move or --another)"};
  }
  if (!id) return id.error();
  session.printer().newId(*id);
  return {};
}

Result<void> showMeetingCommand(Session& session, const std::string& id) {
  auto store = session.store(DatabaseUse::kRead);
  if (!store) return store.error();
  auto meeting = getMeeting(**store, id);
  if (!meeting) return meeting.error();
  auto view = dealView(**store, meeting->deal_id);
  if (!view) return view.error();
  MeetingPage page;
  page.meeting = *meeting;
  page.deal = view->deal;
  for (const Outcome& o : view->outcomes) {
    if (o.meeting_id == meeting->id) page.outcome = o;
  }
  std::vector<std::string> named = meeting->attendee_ids;
  for (const TemperatureCheck& t : view->temperature) {
    if (t.meeting_id != meeting->id) continue;
    page.temperature.push_back(t);
    named.push_back(t.contact_id);
  }
  for (const ActionItem& a : view->actions) {
    if (a.meeting_id == meeting->id) page.actions.push_back(a);
  }
  auto contacts = contactsByIdOf(**store, view->people, named);
  if (!contacts) return contacts.error();
  page.contacts = std::move(*contacts);
  for (const std::string& attendee : meeting->attendee_ids) {
    auto it = page.contacts.find(attendee);
    page.attendees.push_back(it != page.contacts.end() ? it->second : Contact{.id = attendee});
  }
  session.printer().meeting(page);
  return {};
}

Result<void> rescheduleMeetingCommand(Session& session, const MeetingRescheduleFlags& flags) {
  Reschedule change;
  if (flags.at) {
    auto at = parseLocalTime("--at", *flags.at);
    if (!at) return at.error();
    change.at = *at;
  }
  if (flags.tz) {
    auto zone = parseZone("--tz", *flags.tz);
    if (!zone) return zone.error();
    change.tz = zone->name();
  }
  if (flags.duration) {
    auto minutes = parseDuration("--duration", *flags.duration);
    if (!minutes) return minutes.error();
    change.duration_min = *minutes;
  }
  change.place = flags.place;
  change.agenda = flags.agenda;
  change.goal = flags.goal;
  if (!flags.at && !flags.tz && !flags.duration && !flags.place && !flags.agenda && !flags.goal) {
    return Error::invalid(
        "nothing to change: give --at, --tz, --duration, --place, --agenda or --goal");
  }
  auto store = session.store(DatabaseUse::kChange);
  if (!store) return store.error();
  auto full = findId(**store, RecordType::kMeeting, flags.id);
  if (!full) return full.error();
  if (auto moved = rescheduleMeeting(**store, *full, change); !moved) return moved.error();
  auto meeting = getMeeting(**store, *full);
  if (!meeting) return meeting.error();
  session.printer().changed(Change{
      "meeting", *full, "rescheduled",
      "The meeting is now on " + whenOf(*meeting) + ", " + std::to_string(meeting->duration_min) +
          " min" + (meeting->place.empty() ? "" : ", " + meeting->place) + "."});
  return {};
}

Result<void> cancelMeetingCommand(Session& session, const std::string& id) {
  auto store = session.store(DatabaseUse::kChange);
  if (!store) return store.error();
  auto meeting = getMeeting(**store, id);
  if (!meeting) return meeting.error();
  if (auto cancelled = cancelMeeting(**store, meeting->id); !cancelled) return cancelled.error();
  auto reminder = nextStepReminder(**store, meeting->deal_id);
  if (!reminder) return reminder.error();
  session.printer().changed(
      Change{"meeting", meeting->id, "cancelled",
             "Cancelled the meeting of " + whenOf(*meeting) + "." + *reminder});
  return {};
}

Result<void> planMeetingCommand(Session& session, const MeetingPlanFlags& flags) {
  if (!flags.primary && !flags.backup && !flags.asks) {
    return Error::invalid("nothing to plan: give --primary, --backup or --asks");
  }
  auto store = session.store(DatabaseUse::kChange);
  if (!store) return store.error();
  auto meeting = getMeeting(**store, flags.id);
  if (!meeting) return meeting.error();
  // Flags not given keep what the plan already says.
  const PreCallPlan plan{flags.primary.value_or(meeting->plan_primary),
                         flags.backup.value_or(meeting->plan_backup),
                         flags.asks.value_or(meeting->plan_asks)};
  if (plan.primary.empty()) {
    return Error::invalid("--primary: a plan starts with its primary objective");
  }
  if (auto planned = planMeeting(**store, meeting->id, plan); !planned) return planned.error();
  session.printer().changed(
      Change{"meeting", meeting->id, "planned",
             "Planned the meeting of " + whenOf(*meeting) + ": primary '" + plan.primary + "'" +
                 (plan.backup.empty() ? "" : ", backup '" + plan.backup + "'") + "."});
  return {};
}

Result<void> suggestMeetingCommand(Session& session, const std::string& deal) {
  auto store = session.store(DatabaseUse::kRead);
  if (!store) return store.error();
  auto found = getDeal(**store, deal);
  if (!found) return found.error();
  auto defaults = bookingDefaults(**store, found->id, session.zone());
  if (!defaults) return defaults.error();
  session.printer().suggestions(Suggestions{found->id, found->title, std::move(*defaults)});
  return {};
}

Result<void> closeMeetingCommand(Session& session, const MeetingCloseFlags& flags) {
  const CivilDate today = session.today();
  CallClose close;
  close.meeting = flags.id;
  auto result = parseChoice<OutcomeResult>("--outcome", flags.outcome);
  if (!result) return result.error();
  close.result = *result;
  if (flags.reason) {
    auto reason = parseChoice<NoReason>("--reason", *flags.reason);
    if (!reason) return reason.error();
    close.no_reason = *reason;
  }
  if (flags.follow_up) {
    auto date = parseDate("--follow-up", *flags.follow_up, today);
    if (!date) return date.error();
    close.follow_up = *date;
  }
  if (flags.approve_by) {
    auto date = parseDate("--approve-by", *flags.approve_by, today);
    if (!date) return date.error();
    close.approve_by = *date;
  }
  if (flags.objective) {
    auto objective = parseChoice<ObjectiveMet>("--objective", *flags.objective);
    if (!objective) return objective.error();
    close.objective_met = *objective;
  }
  close.reason_text = flags.reason_text.value_or("");
  close.probe_answers = flags.probe.value_or("");
  close.recap = flags.recap.value_or("");
  close.what_next = flags.what_next.value_or("");
  close.approvers = flags.approvers.value_or("");
  close.stage = flags.stage;
  for (const std::string& t : flags.temperature) {
    auto answer = parseTemperature("--temperature", t);
    if (!answer) return answer.error();
    close.temperature.push_back(*answer);
  }
  for (const std::string& a : flags.customer_actions) {
    auto action = parseActionAnswer("--customer-action", a, ActionOwner::kCustomer, today);
    if (!action) return action.error();
    close.actions.push_back(*action);
  }
  for (const std::string& a : flags.rep_actions) {
    auto action = parseActionAnswer("--rep-action", a, ActionOwner::kRep, today);
    if (!action) return action.error();
    close.actions.push_back(*action);
  }
  auto store = session.store(DatabaseUse::kChange);
  if (!store) return store.error();
  auto meeting = getMeeting(**store, flags.id);
  if (!meeting) return meeting.error();
  close.meeting = meeting->id;
  auto closed = closeCall(**store, close);
  if (!closed) return closed.error();
  auto view = dealView(**store, meeting->deal_id);
  if (!view) return view.error();
  session.printer().closedCall(ClosedCall{meeting->id, view->deal, close.result, close.follow_up,
                                          std::move(*closed), view->next_step});
  return {};
}

}  // namespace nextstep::cli
