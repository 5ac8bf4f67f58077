#include "meeting_commands.h"

#include <optional>
#include <string>
#include <vector>

#include "change_output.h"
#include "command_tree.h"
#include "contacts_by_id.h"
#include "flag_values.h"
#include "meeting_close.h"
#include "meeting_output.h"
#include "nextstep/meetings/booking.h"
#include "nextstep/model/result.h"
#include "nextstep/model/result_try.h"
#include "nextstep/pipeline/deal_view.h"
#include "nextstep/pipeline/pipeline.h"
#include "session.h"

namespace nextstep::cli {
namespace {

struct MeetingBookFlags {
  std::string deal;
  std::string at;                 // YYYY-MM-DDTHH:MM in tz
  std::optional<std::string> tz;  // default: the --tz zone (the device's)
  std::optional<std::string> duration;
  std::optional<std::string> place;
  std::optional<std::string> agenda;
  std::optional<std::string> goal;
  std::vector<std::string> attendees;
  bool move = false;     // the deal's next meeting moves to this time
  bool another = false;  // a second meeting beside the deal's next one, deliberately
};

struct MeetingRescheduleFlags {
  std::string id;
  std::optional<std::string> at;
  std::optional<std::string> tz;
  std::optional<std::string> duration;
  std::optional<std::string> place;
  std::optional<std::string> agenda;
  std::optional<std::string> goal;
};

struct MeetingPlanFlags {
  std::string id;
  std::optional<std::string> primary;
  std::optional<std::string> backup;
  std::optional<std::string> asks;
};

Result<void> bookMeetingCommand(Session& session, const MeetingBookFlags& flags);
Result<void> showMeetingCommand(Session& session, const std::string& id);
Result<void> rescheduleMeetingCommand(Session& session, const MeetingRescheduleFlags& flags);
Result<void> cancelMeetingCommand(Session& session, const std::string& id);
Result<void> planMeetingCommand(Session& session, const MeetingPlanFlags& flags);
Result<void> suggestMeetingCommand(Session& session, const std::string& deal);

// "Thu 3 Dec 2026 14:00 CET" in the zone the meeting was booked in.
std::string whenOf(const Meeting& m) {
  auto zone = TimeZone::find(m.tz);
  return formatInZone(m.start, zone ? *zone : TimeZone::utc());
}

// Rule 1: after a meeting is cancelled or closed, say so when the deal has no next step left.
Result<std::string> nextStepReminder(Store& store, const std::string& deal_id) {
  NEXTSTEP_TRY(auto view, dealView(store, deal_id));
  if (view.next_step || view.deal.status != DealStatus::kOpen) return std::string();
  return " Deal '" + view.deal.title + "' has no next step now; book one with: nextstep meeting " +
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
  NEXTSTEP_TRY(auto store, session.store(DatabaseUse::kRead));
  NEXTSTEP_TRY(auto found, getDeal(*store, deal));
  if (found.account_id) {
    NEXTSTEP_TRY(auto account, getAccount(*store, *found.account_id));
    if (!account.tz.empty()) return account.tz;
  }
  return Error{ErrorCode::kFailedPrecondition,
               "--tz account: the deal's account has no zone (set one with account set ACCOUNT "
               "--tz Area/City)"};
}

Result<void> bookMeetingCommand(Session& session, const MeetingBookFlags& flags) {
  BookingRequest request;
  request.deal = flags.deal;
  NEXTSTEP_TRY(auto at, parseLocalTime("--at", flags.at));
  request.at = at;
  if (flags.tz == "account") {
    NEXTSTEP_TRY(auto zone, accountZoneOfDeal(session, flags.deal));
    request.tz = zone;
  } else if (flags.tz) {
    NEXTSTEP_TRY(auto zone, parseZone("--tz", *flags.tz));
    request.tz = zone.name();
  } else {
    request.tz = session.zone().name();
  }
  if (flags.duration) {
    NEXTSTEP_TRY(auto minutes, parseDuration("--duration", *flags.duration));
    request.duration_min = minutes;
  }
  request.place = flags.place;
  request.agenda = flags.agenda.value_or("");
  request.goal = flags.goal.value_or("");
  request.attendees = flags.attendees;
  if (flags.move) request.when_planned = WhenPlanned::kMove;
  if (flags.another) request.when_planned = WhenPlanned::kAddAnother;
  NEXTSTEP_TRY(auto store, session.store(DatabaseUse::kChange));
  auto id = bookMeeting(*store, request);
  if (!id && id.error().code == ErrorCode::kFailedPrecondition &&
      request.when_planned == WhenPlanned::kRefuse &&
      id.error().message.find("already has its next meeting") != std::string::npos) {
    return Error{id.error().code, id.error().message + " (--move or --another)"};
  }
  if (!id) return id.error();
  emit(session, NewId{*id});
  return {};
}

Result<void> showMeetingCommand(Session& session, const std::string& id) {
  NEXTSTEP_TRY(auto store, session.store(DatabaseUse::kRead));
  NEXTSTEP_TRY(auto meeting, getMeeting(*store, id));
  NEXTSTEP_TRY(auto view, dealView(*store, meeting.deal_id));
  MeetingPage page;
  page.meeting = meeting;
  page.deal = view.deal;
  for (const Outcome& o : view.outcomes) {
    if (o.meeting_id == meeting.id) page.outcome = o;
  }
  std::vector<std::string> named = meeting.attendee_ids;
  for (const TemperatureCheck& t : view.temperature) {
    if (t.meeting_id != meeting.id) continue;
    page.temperature.push_back(t);
    named.push_back(t.contact_id);
  }
  for (const ActionItem& a : view.actions) {
    if (a.meeting_id == meeting.id) page.actions.push_back(a);
  }
  NEXTSTEP_TRY(auto contacts, contactsByIdOf(*store, view.people, named));
  page.contacts = std::move(contacts);
  for (const std::string& attendee : meeting.attendee_ids) {
    auto it = page.contacts.find(attendee);
    page.attendees.push_back(it != page.contacts.end() ? it->second : Contact{.id = attendee});
  }
  emit(session, page);
  return {};
}

Result<void> rescheduleMeetingCommand(Session& session, const MeetingRescheduleFlags& flags) {
  Reschedule change;
  if (flags.at) {
    NEXTSTEP_TRY(auto at, parseLocalTime("--at", *flags.at));
    change.at = at;
  }
  if (flags.tz) {
    NEXTSTEP_TRY(auto zone, parseZone("--tz", *flags.tz));
    change.tz = zone.name();
  }
  if (flags.duration) {
    NEXTSTEP_TRY(auto minutes, parseDuration("--duration", *flags.duration));
    change.duration_min = minutes;
  }
  change.place = flags.place;
  change.agenda = flags.agenda;
  change.goal = flags.goal;
  if (!flags.at && !flags.tz && !flags.duration && !flags.place && !flags.agenda && !flags.goal) {
    return Error::invalid(
        "nothing to change: give --at, --tz, --duration, --place, --agenda or --goal");
  }
  NEXTSTEP_TRY(auto store, session.store(DatabaseUse::kChange));
  NEXTSTEP_TRY(auto full, findId(*store, RecordType::kMeeting, flags.id));
  NEXTSTEP_CHECK(rescheduleMeeting(*store, full, change));
  NEXTSTEP_TRY(auto meeting, getMeeting(*store, full));
  emit(session, Change{"meeting", full, "rescheduled",
                       "The meeting is now on " + whenOf(meeting) + ", " +
                           std::to_string(meeting.duration_min) + " min" +
                           (meeting.place.empty() ? "" : ", " + meeting.place) + "."});
  return {};
}

Result<void> cancelMeetingCommand(Session& session, const std::string& id) {
  NEXTSTEP_TRY(auto store, session.store(DatabaseUse::kChange));
  NEXTSTEP_TRY(auto meeting, getMeeting(*store, id));
  NEXTSTEP_CHECK(cancelMeeting(*store, meeting.id));
  NEXTSTEP_TRY(auto reminder, nextStepReminder(*store, meeting.deal_id));
  emit(session, Change{"meeting", meeting.id, "cancelled",
                       "Cancelled the meeting of " + whenOf(meeting) + "." + reminder});
  return {};
}

Result<void> planMeetingCommand(Session& session, const MeetingPlanFlags& flags) {
  if (!flags.primary && !flags.backup && !flags.asks) {
    return Error::invalid("nothing to plan: give --primary, --backup or --asks");
  }
  NEXTSTEP_TRY(auto store, session.store(DatabaseUse::kChange));
  NEXTSTEP_TRY(auto meeting, getMeeting(*store, flags.id));
  // Flags not given keep what the plan already says.
  const PreCallPlan plan{flags.primary.value_or(meeting.plan_primary),
                         flags.backup.value_or(meeting.plan_backup),
                         flags.asks.value_or(meeting.plan_asks)};
  if (plan.primary.empty()) {
    return Error::invalid("--primary: a plan starts with its primary objective");
  }
  NEXTSTEP_CHECK(planMeeting(*store, meeting.id, plan));
  emit(session,
       Change{"meeting", meeting.id, "planned",
              "Planned the meeting of " + whenOf(meeting) + ": primary '" + plan.primary + "'" +
                  (plan.backup.empty() ? "" : ", backup '" + plan.backup + "'") + "."});
  return {};
}

Result<void> suggestMeetingCommand(Session& session, const std::string& deal) {
  NEXTSTEP_TRY(auto store, session.store(DatabaseUse::kRead));
  NEXTSTEP_TRY(auto found, getDeal(*store, deal));
  NEXTSTEP_TRY(auto defaults, bookingDefaults(*store, found.id, session.zone()));
  emit(session, Suggestions{found.id, found.title, std::move(defaults)});
  return {};
}

// The flags of this group's commands, filled by the parser.
struct MeetingFlags {
  std::string id;
  MeetingBookFlags meeting_book;
  MeetingRescheduleFlags meeting_reschedule;
  MeetingPlanFlags meeting_plan;
  std::string suggest_deal;
};

}  // namespace

void registerMeetingCommands(CommandTree& tree) {
  MeetingFlags& f = tree.keep<MeetingFlags>();
  CLI::App* meeting = tree.group("meeting", "Meetings: book, plan and close the next step");
  const std::string duration = "45m, 1h, 1h30m or minutes like 90";

  CLI::App* book = tree.leaf(meeting, "book", "Book a deal's next meeting; prints its id",
                             [&f](Session& s) { return bookMeetingCommand(s, f.meeting_book); });
  flag(book, "--deal", f.meeting_book.deal, "Deal id or unique prefix", "ID")->required();
  flag(book, "--at", f.meeting_book.at, "Start, on the clocks of --tz", "YYYY-MM-DDTHH:MM")
      ->required();
  flag(book, "--tz", f.meeting_book.tz,
       "Zone it is booked in, or 'account' for the account's (default: the device's)",
       "Area/City|account");
  flag(book, "--duration", f.meeting_book.duration,
       "Length: " + duration + " (default: the last meeting's, else 30m)", "DURATION");
  flag(book, "--place", f.meeting_book.place, "Place or link (default: the last meeting's)");
  flag(book, "--agenda", f.meeting_book.agenda, "Agenda");
  flag(book, "--goal", f.meeting_book.goal, "The anticipated outcome");
  flag(book, "--attendee", f.meeting_book.attendees, "Contact id (repeat for more)", "CONTACT");
  CLI::Option* move_it = book->add_flag(
      "--move", f.meeting_book.move,
      "The deal has its next meeting already: move that one to this time (updated invitation)");
  book->add_flag("--another", f.meeting_book.another,
                 "The deal has its next meeting already: book a second one beside it")
      ->excludes(move_it);

  CLI::App* show = tree.leaf(meeting, "show", "Show a meeting with its plan and outcome",
                             [&f](Session& s) { return showMeetingCommand(s, f.id); });
  flag(show, "id", f.id, "Meeting id or unique prefix", "ID")->required();

  CLI::App* move =
      tree.leaf(meeting, "reschedule", "Move a planned meeting or change its details",
                [&f](Session& s) { return rescheduleMeetingCommand(s, f.meeting_reschedule); });
  flag(move, "id", f.meeting_reschedule.id, "Meeting id or unique prefix", "ID")->required();
  flag(move, "--at", f.meeting_reschedule.at, "New start, on the clocks of the meeting's zone",
       "YYYY-MM-DDTHH:MM");
  flag(move, "--tz", f.meeting_reschedule.tz, "New zone", "Area/City");
  flag(move, "--duration", f.meeting_reschedule.duration, "New length: " + duration, "DURATION");
  flag(move, "--place", f.meeting_reschedule.place, "New place or link");
  flag(move, "--agenda", f.meeting_reschedule.agenda, "New agenda");
  flag(move, "--goal", f.meeting_reschedule.goal, "New anticipated outcome");

  CLI::App* cancel = tree.leaf(meeting, "cancel", "Cancel a planned meeting",
                               [&f](Session& s) { return cancelMeetingCommand(s, f.id); });
  flag(cancel, "id", f.id, "Meeting id or unique prefix", "ID")->required();

  CLI::App* plan =
      tree.leaf(meeting, "plan", "Write the pre-call plan: primary and backup objective",
                [&f](Session& s) { return planMeetingCommand(s, f.meeting_plan); });
  flag(plan, "id", f.meeting_plan.id, "Meeting id or unique prefix", "ID")->required();
  flag(plan, "--primary", f.meeting_plan.primary, "Primary objective");
  flag(plan, "--backup", f.meeting_plan.backup, "Backup objective");
  flag(plan, "--asks", f.meeting_plan.asks, "Commitments to ask for");

  CLI::App* suggest =
      tree.leaf(meeting, "suggest", "Suggested slots, duration, place and agendas for a booking",
                [&f](Session& s) { return suggestMeetingCommand(s, f.suggest_deal); });
  flag(suggest, "--deal", f.suggest_deal, "Deal id or unique prefix", "ID")->required();

  registerMeetingClose(tree, meeting);
}

}  // namespace nextstep::cli
