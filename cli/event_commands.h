// event add | list | participant | show | book (rule 10: after the big event, step 2).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "nextstep/model/result.h"
#include "session.h"

namespace nextstep::cli {

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

}  // namespace nextstep::cli
