#include "workload_records.h"

#include "workload_mapping.h"

namespace nextstep::bench {

void visitWorkload(const Workload& w, std::int64_t now_unix, const RecordVisitor& visit) {
  for (const auto& a : w.accounts) visit.record(RecordType::kAccount, a.id, accountFields(a));
  for (const auto& c : w.contacts) visit.record(RecordType::kContact, c.id, contactFields(c));
  for (const auto& d : w.deals) visit.record(RecordType::kDeal, d.id, dealFields(d));
  MeetingEnds ends;
  const std::vector<MeetingFacts> facts = meetingFacts(w.meetings, now_unix);
  for (std::size_t i = 0; i < w.meetings.size(); ++i) {
    const WorkloadMeeting& m = w.meetings[i];
    visit.record(RecordType::kMeeting, m.id, meetingFields(m, facts[i]));
    for (const std::string& contact : m.attendee_ids) visit.attendee(m.id, contact);
    ends.emplace(m.id, facts[i].end_at);
  }
  for (const auto& a : w.actions)
    visit.record(RecordType::kAction, a.id, actionFields(a, ends, now_unix));
  for (const auto& n : w.notes) visit.record(RecordType::kNote, n.id, noteFields(n));
}

}  // namespace nextstep::bench
