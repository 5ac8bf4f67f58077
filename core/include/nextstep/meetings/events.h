// Rule 10, after the big event: every interested participant of a demo, seminar or webinar needs a
// next step, booked in bulk.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "nextstep/meetings/booking.h"
#include "nextstep/model/model.h"
#include "nextstep/storage/store.h"

namespace nextstep {

struct NewEvent {
  EventKind kind = EventKind::kDemo;
  std::string title;
  CivilDateTime at;
  std::string tz;
  std::string place;
};
Result<std::string> addEvent(Store& store, const NewEvent& event);

struct NewParticipant {
  std::string event;
  std::string contact;
  std::optional<std::string> deal;
  bool interested = true;
};
Result<std::string> addParticipant(Store& store, const NewParticipant& participant);
// A participant who said at or after the event that they do not want to go on (or, again, that
// they do): the not interested need no next step and are left out of bulk booking and Health.
Result<void> setParticipantInterest(Store& store, std::string_view participant, bool interested);

struct ParticipantStatus {
  Participant participant;
  Contact contact;
  std::optional<Meeting> next_step;  // a planned meeting after the event with them attending
};
Result<std::vector<ParticipantStatus>> participantsOf(Store& store, std::string_view event);

// Books one meeting per listed participant in one transaction: on the participant's deal, or on
// a new "<event title>: next step" deal of the contact's account when there is none.
struct BulkBooking {
  std::string event;
  std::vector<std::string>
      participants;     // participant ids; empty: every interested one without a next step
  CivilDateTime first;  // the first slot; later ones follow back to back
  std::string tz;
  int duration_min = 30;
  int gap_min = 0;
  std::string place;
  std::string agenda;
  std::string goal;
};
Result<std::vector<std::string>> bookParticipants(Store& store, const BulkBooking& booking);

Result<std::vector<Event>> listEvents(Store& store, int limit = 100);

}  // namespace nextstep
