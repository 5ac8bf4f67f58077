#include "event_commands.h"

#include <optional>
#include <string>
#include <vector>

#include "change_output.h"
#include "command_tree.h"
#include "event_output.h"
#include "flag_values.h"
#include "nextstep/meetings/events.h"
#include "nextstep/model/result.h"
#include "nextstep/model/result_try.h"
#include "nextstep/pipeline/pipeline.h"
#include "session.h"

namespace nextstep::cli {
namespace {

struct EventAddFlags {
  std::string kind;  // demo|webinar|seminar
  std::string title;
  std::string at;
  std::optional<std::string> tz;
  std::optional<std::string> place;
};

struct ParticipantAddFlags {
  std::string event;
  std::string contact;
  std::optional<std::string> deal;
  bool not_interested = false;
};

struct ParticipantInterestFlags {
  std::string participant;
  bool interested = false;
  bool not_interested = false;
};

struct EventBookFlags {
  std::string event;
  std::string at;  // the first slot; the others follow back to back
  std::optional<std::string> tz;
  std::optional<std::string> duration;
  std::optional<std::string> gap;
  std::optional<std::string> place;
  std::optional<std::string> agenda;
  std::optional<std::string> goal;
  std::vector<std::string> participants;  // empty: every interested one without a next step
};

Result<void> addEventCommand(Session& session, const EventAddFlags& flags);
Result<void> listEventsCommand(Session& session, const std::optional<std::string>& limit);
Result<void> addParticipantCommand(Session& session, const ParticipantAddFlags& flags);
Result<void> participantInterestCommand(Session& session, const ParticipantInterestFlags& flags);
Result<void> showEventCommand(Session& session, const std::string& id);
Result<void> bookEventCommand(Session& session, const EventBookFlags& flags);

Result<std::string> zoneName(Session& session, const std::optional<std::string>& tz) {
  if (!tz) return session.zone().name();
  NEXTSTEP_TRY(auto zone, parseZone("--tz", *tz));
  return zone.name();
}

Result<void> addEventCommand(Session& session, const EventAddFlags& flags) {
  NewEvent event;
  NEXTSTEP_TRY(auto kind, parseChoice<EventKind>("--kind", flags.kind));
  event.kind = kind;
  event.title = flags.title;
  NEXTSTEP_TRY(auto at, parseLocalTime("--at", flags.at));
  event.at = at;
  NEXTSTEP_TRY(auto tz, zoneName(session, flags.tz));
  event.tz = tz;
  event.place = flags.place.value_or("");
  NEXTSTEP_TRY(auto store, session.store(DatabaseUse::kCreate));
  NEXTSTEP_TRY(auto id, addEvent(*store, event));
  emit(session, NewId{id});
  return {};
}

Result<void> listEventsCommand(Session& session, const std::optional<std::string>& limit) {
  NEXTSTEP_TRY(auto max, parseListLimit(limit, 100));
  NEXTSTEP_TRY(auto store, session.store(DatabaseUse::kRead));
  NEXTSTEP_TRY(auto events, listEvents(*store, max));
  emit(session, EventList{events});
  return {};
}

Result<void> addParticipantCommand(Session& session, const ParticipantAddFlags& flags) {
  NEXTSTEP_TRY(auto store, session.store(DatabaseUse::kChange));
  NEXTSTEP_TRY(auto id, addParticipant(*store, NewParticipant{flags.event, flags.contact,
                                                              flags.deal, !flags.not_interested}));
  emit(session, NewId{id});
  return {};
}

Result<void> participantInterestCommand(Session& session, const ParticipantInterestFlags& flags) {
  if (flags.interested == flags.not_interested) {
    return Error::invalid("say whether they are interested: --interested or --not-interested");
  }
  NEXTSTEP_TRY(auto store, session.store(DatabaseUse::kChange));
  NEXTSTEP_TRY(auto id, findId(*store, RecordType::kParticipant, flags.participant));
  NEXTSTEP_CHECK(setParticipantInterest(*store, id, flags.interested));
  emit(session, Change{"participant", id, "updated",
                       flags.interested ? "Interested again: needs a next step"
                                        : "Not interested: no next step needed"});
  return {};
}

Result<void> showEventCommand(Session& session, const std::string& id) {
  NEXTSTEP_TRY(auto store, session.store(DatabaseUse::kRead));
  NEXTSTEP_TRY(auto full, findId(*store, RecordType::kEvent, id));
  NEXTSTEP_TRY(auto events, listEvents(*store, kEveryRecord));
  NEXTSTEP_TRY(auto participants, participantsOf(*store, full));
  for (const Event& e : events) {
    if (e.id == full) {
      emit(session, EventPage{e, std::move(participants)});
      return {};
    }
  }
  return Error::notFound("no event with id '" + id + "'");
}

Result<void> bookEventCommand(Session& session, const EventBookFlags& flags) {
  BulkBooking booking;
  booking.event = flags.event;
  booking.participants = flags.participants;
  NEXTSTEP_TRY(auto at, parseLocalTime("--at", flags.at));
  booking.first = at;
  NEXTSTEP_TRY(auto tz, zoneName(session, flags.tz));
  booking.tz = tz;
  if (flags.duration) {
    NEXTSTEP_TRY(auto minutes, parseDuration("--duration", *flags.duration));
    booking.duration_min = minutes;
  }
  if (flags.gap) {
    NEXTSTEP_TRY(auto gap, parseGap("--gap", *flags.gap));
    booking.gap_min = gap;
  }
  booking.place = flags.place.value_or("");
  booking.agenda = flags.agenda.value_or("");
  booking.goal = flags.goal.value_or("");
  NEXTSTEP_TRY(auto store, session.store(DatabaseUse::kChange));
  NEXTSTEP_TRY(auto ids, bookParticipants(*store, booking));
  emit(session, NewIds{ids});
  return {};
}

// The flags of this group's commands, filled by the parser.
struct EventFlags {
  std::string id;
  std::optional<std::string> limit;
  EventAddFlags event_add;
  ParticipantAddFlags participant_add;
  ParticipantInterestFlags participant_interest;
  EventBookFlags event_book;
};

}  // namespace

void registerEventCommands(CommandTree& tree) {
  EventFlags& f = tree.keep<EventFlags>();
  CLI::App* event = tree.group("event", "Demos, webinars and seminars, and booking step 2 after");

  CLI::App* add = tree.leaf(event, "add", "Add an event; prints its id",
                            [&f](Session& s) { return addEventCommand(s, f.event_add); });
  flag(add, "--kind", f.event_add.kind, "What kind", "demo|webinar|seminar")->required();
  flag(add, "--title", f.event_add.title, "Title")->required();
  flag(add, "--at", f.event_add.at, "Start, on the clocks of --tz", "YYYY-MM-DDTHH:MM")->required();
  flag(add, "--tz", f.event_add.tz, "Zone (default: the device's)", "Area/City");
  flag(add, "--place", f.event_add.place, "Place or link");

  CLI::App* list = tree.leaf(event, "list", "List events, latest first",
                             [&f](Session& s) { return listEventsCommand(s, f.limit); });
  flag(list, "--limit", f.limit, "At most N events (default 100, 0: all)", "N");

  CLI::App* participant =
      tree.leaf(event, "participant", "Add a participant; prints the participant's id",
                [&f](Session& s) { return addParticipantCommand(s, f.participant_add); });
  flag(participant, "--event", f.participant_add.event, "Event id or unique prefix", "ID")
      ->required();
  flag(participant, "--contact", f.participant_add.contact, "Contact id or unique prefix", "ID")
      ->required();
  flag(participant, "--deal", f.participant_add.deal, "Their deal, if there is one", "ID");
  participant->add_flag("--not-interested", f.participant_add.not_interested,
                        "They do not want a next step");

  CLI::App* interest =
      tree.leaf(event, "interest", "Say whether a participant still wants a next step",
                [&f](Session& s) { return participantInterestCommand(s, f.participant_interest); });
  flag(interest, "participant", f.participant_interest.participant,
       "Participant id or unique prefix", "ID")
      ->required();
  interest->add_flag("--interested", f.participant_interest.interested, "They want one after all")
      ->excludes(interest->add_flag("--not-interested", f.participant_interest.not_interested,
                                    "They do not want a next step"));

  CLI::App* show = tree.leaf(event, "show", "Show an event and who still needs a next step",
                             [&f](Session& s) { return showEventCommand(s, f.id); });
  flag(show, "id", f.id, "Event id or unique prefix", "ID")->required();

  CLI::App* book = tree.leaf(event, "book", "Book next steps for participants, back to back",
                             [&f](Session& s) { return bookEventCommand(s, f.event_book); });
  flag(book, "id", f.event_book.event, "Event id or unique prefix", "ID")->required();
  flag(book, "participants", f.event_book.participants,
       "Participant ids (default: every interested one without a next step)", "PARTICIPANT");
  flag(book, "--at", f.event_book.at, "The first slot, on the clocks of --tz", "YYYY-MM-DDTHH:MM")
      ->required();
  flag(book, "--tz", f.event_book.tz, "Zone (default: the device's)", "Area/City");
  flag(book, "--duration", f.event_book.duration, "Length of each (default 30m)", "DURATION");
  flag(book, "--gap", f.event_book.gap, "Time between two meetings (default 0)", "DURATION");
  flag(book, "--place", f.event_book.place, "Place or link");
  flag(book, "--agenda", f.event_book.agenda, "Agenda");
  flag(book, "--goal", f.event_book.goal, "The anticipated outcome");
}

}  // namespace nextstep::cli
