// meeting book | show | reschedule | cancel | plan | suggest | close
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "nextstep/model/result.h"
#include "session.h"

namespace nextstep::cli {

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

struct MeetingCloseFlags {
  std::string id;
  std::string outcome;  // yes|no|maybe
  std::optional<std::string> reason;
  std::optional<std::string> reason_text;
  std::optional<std::string> probe;
  std::optional<std::string> follow_up;
  std::optional<std::string> objective;
  std::optional<std::string> recap;
  std::optional<std::string> what_next;
  std::optional<std::string> approvers;
  std::optional<std::string> approve_by;
  std::optional<std::string> stage;
  std::vector<std::string> temperature;
  std::vector<std::string> customer_actions;
  std::vector<std::string> rep_actions;
};

Result<void> bookMeetingCommand(Session& session, const MeetingBookFlags& flags);
Result<void> showMeetingCommand(Session& session, const std::string& id);
Result<void> rescheduleMeetingCommand(Session& session, const MeetingRescheduleFlags& flags);
Result<void> cancelMeetingCommand(Session& session, const std::string& id);
Result<void> planMeetingCommand(Session& session, const MeetingPlanFlags& flags);
Result<void> suggestMeetingCommand(Session& session, const std::string& deal);
Result<void> closeMeetingCommand(Session& session, const MeetingCloseFlags& flags);

}  // namespace nextstep::cli
