// What both the invitation and the recap say about a meeting: the meeting with its attendees, its
// deal's title and owner, and the account's name. Both facts structs start with it.
#pragma once

#include <string>
#include <vector>

#include "nextstep/model/model.h"
#include "nextstep/storage/database.h"

namespace nextstep::calendar {

struct MeetingContext {
  Meeting meeting;  // with attendee_ids
  std::string deal_title;
  std::string deal_owner;
  std::string account_name;
  std::vector<Contact> attendees;  // in the order of the attendee set
};

// `meeting_id` is a resolved id. A contact deleted after it was invited is still on the meeting,
// so it is still listed.
MeetingContext meetingContext(Database& db, const std::string& meeting_id);

}  // namespace nextstep::calendar
