// Reads what an invitation says from the store, in one read transaction.
#include <algorithm>

#include "nextstep/calendar/invitation.h"
#include "nextstep/calendar/meeting_context.h"
#include "nextstep/storage/record_reads.h"
#include "nextstep/storage/record_rows.h"

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
    const std::string id = resolveId(db, RecordType::kMeeting, meeting);
    InvitationFacts f{meetingContext(db, id)};
    f.sequence = sequenceOf(db, id);
    return f;
  });
}

}  // namespace nextstep::calendar
