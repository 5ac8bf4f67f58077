#include "event_commands.h"

#include "flag_values.h"
#include "nextstep/meetings/events.h"
#include "nextstep/pipeline/pipeline.h"

namespace nextstep::cli {
namespace {

Result<std::string> zoneName(Session& session, const std::optional<std::string>& tz) {
  if (!tz) return session.zone().name();
  auto zone = parseZone("--tz", *tz);
  if (!zone) return zone.error();
  return zone->name();
}

}  // namespace

Result<void> addEventCommand(Session& session, const EventAddFlags& flags) {
  NewEvent event;
  auto kind = parseChoice<EventKind>("--kind", flags.kind);
  if (!kind) return kind.error();
  event.kind = *kind;
  event.title = flags.title;
  auto at = parseLocalTime("--at", flags.at);
  if (!at) return at.error();
  event.at = *at;
  auto tz = zoneName(session, flags.tz);
  if (!tz) return tz.error();
  event.tz = *tz;
  event.place = flags.place.value_or("");
  auto store = session.store(DatabaseUse::kCreate);
  if (!store) return store.error();
  auto id = addEvent(**store, event);
  if (!id) return id.error();
  session.printer().newId(*id);
  return {};
}

Result<void> listEventsCommand(Session& session, const std::optional<std::string>& limit) {
  auto max = parseListLimit(limit, 100);
  if (!max) return max.error();
  auto store = session.store(DatabaseUse::kRead);
  if (!store) return store.error();
  auto events = listEvents(**store, *max);
  if (!events) return events.error();
  session.printer().eventList(*events);
  return {};
}

Result<void> addParticipantCommand(Session& session, const ParticipantAddFlags& flags) {
  auto store = session.store(DatabaseUse::kChange);
  if (!store) return store.error();
  auto id = addParticipant(
      **store, NewParticipant{flags.event, flags.contact, flags.deal, !flags.not_interested});
  if (!id) return id.error();
  session.printer().newId(*id);
  return {};
}

Result<void> participantInterestCommand(Session& session, const ParticipantInterestFlags& flags) {
  if (flags.interested == flags.not_interested) {
    return Error::invalid("say whether they are interested: --interested or --not-interested");
  }
  auto store = session.store(DatabaseUse::kChange);
  if (!store) return store.error();
  auto id = findId(**store, RecordType::kParticipant, flags.participant);
  if (!id) return id.error();
  if (auto done = setParticipantInterest(**store, *id, flags.interested); !done)
    return done.error();
  session.printer().changed(Change{"participant", *id, "updated",
                                   flags.interested ? "Interested again: needs a next step"
                                                    : "Not interested: no next step needed"});
  return {};
}

Result<void> showEventCommand(Session& session, const std::string& id) {
  auto store = session.store(DatabaseUse::kRead);
  if (!store) return store.error();
  auto full = findId(**store, RecordType::kEvent, id);
  if (!full) return full.error();
  auto events = listEvents(**store, kEveryRecord);
  if (!events) return events.error();
  auto participants = participantsOf(**store, *full);
  if (!participants) return participants.error();
  for (const Event& e : *events) {
    if (e.id == *full) {
      session.printer().event(EventPage{e, std::move(*participants)});
      return {};
    }
  }
  return Error::notFound("no event with id '" + id + "'");
}

Result<void> bookEventCommand(Session& session, const EventBookFlags& flags) {
  BulkBooking booking;
  booking.event = flags.event;
  booking.participants = flags.participants;
  auto at = parseLocalTime("--at", flags.at);
  if (!at) return at.error();
  booking.first = *at;
  auto tz = zoneName(session, flags.tz);
  if (!tz) return tz.error();
  booking.tz = *tz;
  if (flags.duration) {
    auto minutes = parseDuration("--duration", *flags.duration);
    if (!minutes) return minutes.error();
    booking.duration_min = *minutes;
  }
  if (flags.gap) {
    auto gap = parseGap("--gap", *flags.gap);
    if (!gap) return gap.error();
    booking.gap_min = *gap;
  }
  booking.place = flags.place.value_or("");
  booking.agenda = flags.agenda.value_or("");
  booking.goal = flags.goal.value_or("");
  auto store = session.store(DatabaseUse::kChange);
  if (!store) return store.error();
  auto ids = bookParticipants(**store, booking);
  if (!ids) return ids.error();
  session.printer().newIds(*ids);
  return {};
}

}  // namespace nextstep::cli
