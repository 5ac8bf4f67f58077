// Reads what an invitation says from the store, in one read transaction.
#include <algorithm>

#include "nextstep/calendar/invitation.h"
#include "nextstep/record_reads.h"
#include "nextstep/record_rows.h"

namespace nextstep::calendar {
namespace {

// The newest write of anything the customer's calendar shows, as milliseconds. The clocks table
// keeps one row per field or register (the newest write), so the number of reschedules is not
// kept anywhere; the stamps are, they are the same on every device once synced, and they only
// grow. Whole seconds between the meeting's creation and its newest such write therefore rise with
// every change and agree across devices, which is what SEQUENCE needs (RFC 5546 2.1.4).
std::int64_t sequenceOf(Database& db, std::string_view meeting_id) {
  const RecordSpec& spec = specOf(RecordType::kMeeting);
  std::int64_t created = 0;
  {
    auto s = db.prepare("SELECT created_stamp FROM meetings WHERE id = ?1");
    s->bind(1, meeting_id);
    if (!s->step()) return 0;
    created = records::columnStamp(*s, 0).millis();
  }
  std::int64_t newest = created;
  for (std::string_view key : {"slot", "agenda", "goal", "status"}) {
    if (auto clock = records::clockOf(db, spec, meeting_id, key)) {
      newest = std::max(newest, clock->stamp.millis());
    }
  }
  auto s =
      db.prepare("SELECT add_stamp, removed_upto FROM meeting_attendees WHERE meeting_id = ?1");
  s->bind(1, meeting_id);
  while (s->step()) {
    newest = std::max(newest, records::columnStamp(*s, 0).millis());
    if (!s->isNull(1)) newest = std::max(newest, records::columnStamp(*s, 1).millis());
  }
  return (newest - created) / 1000;
}

}  // namespace

std::string invitationUid(std::string_view meeting_id) {
  return std::string(meeting_id) + "@nextstep";
}

Result<InvitationFacts> invitationFacts(Store& store, std::string_view meeting) {
  return store.read([&](Database& db) {
    InvitationFacts f;
    const std::string id = resolveId(db, RecordType::kMeeting, meeting);
    {
      auto s = db.prepare("SELECT " + meetingColumns("m") +
                          ", d.title, coalesce(d.owner, ''), coalesce(a.name, '') "
                          "FROM meetings m JOIN deals d ON d.id = m.deal_id "
                          "LEFT JOIN accounts a ON a.id = d.account_id WHERE m.id = ?1");
      s->bind(1, id);
      s->step();
      f.meeting = readMeeting(*s);
      f.deal_title = s->text(17);
      f.deal_owner = s->text(18);
      f.account_name = s->text(19);
    }
    f.meeting.attendee_ids = attendeesOf(db, id);
    // A contact deleted after it was invited is still on the meeting: it is still invited.
    for (const std::string& contact : f.meeting.attendee_ids) {
      auto s = db.prepare("SELECT " + contactColumns("c") + " FROM contacts c WHERE c.id = ?1");
      s->bind(1, contact);
      if (s->step()) f.attendees.push_back(readContact(*s));
    }
    f.sequence = sequenceOf(db, id);
    return f;
  });
}

}  // namespace nextstep::calendar
