#include "nextstep/calendar/meeting_context.h"

#include "nextstep/storage/record_reads.h"

namespace nextstep::calendar {

MeetingContext meetingContext(Database& db, const std::string& meeting_id) {
  constexpr int kMeetingCols = 17;  // meetingColumns()
  MeetingContext c;
  {
    auto s = db.prepare("SELECT " + meetingColumns("m") +
                        ", d.title, coalesce(d.owner, ''), coalesce(a.name, '') "
                        "FROM meetings m JOIN deals d ON d.id = m.deal_id "
                        "LEFT JOIN accounts a ON a.id = d.account_id WHERE m.id = ?1");
    s->bind(1, meeting_id);
    s->step();
    c.meeting = readMeeting(*s);
    c.deal_title = s->text(kMeetingCols);
    c.deal_owner = s->text(kMeetingCols + 1);
    c.account_name = s->text(kMeetingCols + 2);
  }
  c.meeting.attendee_ids = attendeesOf(db, meeting_id);
  for (const std::string& contact : c.meeting.attendee_ids) {
    auto s = db.prepare("SELECT " + contactColumns("c") + " FROM contacts c WHERE c.id = ?1");
    s->bind(1, contact);
    if (s->step()) c.attendees.push_back(readContact(*s));
  }
  return c;
}

}  // namespace nextstep::calendar
