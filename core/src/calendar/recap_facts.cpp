// Reads what a recap says, and keeps the customer's date as exactly one reminder.
#include "nextstep/calendar/recap.h"

#include "nextstep/meetings/actions.h"
#include "nextstep/model/result_try.h"
#include "nextstep/storage/record_reads.h"
#include "rep_address.h"

namespace nextstep::calendar {
namespace {

// The text closeCall() gives the reminder it makes for the customer's date; the recap says the
// date in its own words instead of listing the rep's note to self.
constexpr std::string_view kFollowUpPrefix = "Follow up:";

bool isFollowUpReminder(const ActionItem& a, const std::optional<Outcome>& outcome) {
  return a.owner == ActionOwner::kRep && outcome && outcome->follow_up_on &&
         a.due == outcome->follow_up_on && std::string_view(a.text).starts_with(kFollowUpPrefix);
}

// Any rep action of the deal due on that day, even a done or deleted one: the rep has dealt with
// that date already, and a recap must not bring it back.
std::optional<std::string> reminderOn(Database& db, const std::string& deal_id,
                                      const CivilDate& day) {
  auto s = db.prepare(
      "SELECT id FROM actions WHERE deal_id = ?1 AND owner = 'rep' AND due = ?2 "
      "ORDER BY deleted, created_at LIMIT 1");
  s->bindAll(deal_id, day.iso());
  if (!s->step()) return std::nullopt;
  return s->text(0);
}

Result<Organizer> senderOf(Store& store, const RecapRequest& r, const RecapFacts& f) {
  Organizer o;
  o.name = r.from_name.value_or(f.deal_owner);
  if (r.from_email) {
    o.email = *r.from_email;
    return o;
  }
  NEXTSTEP_TRY(auto email, repEmail(store));
  o.email = email;
  // A recap can be written without a sender address: the rep's mail client fills it in.
  return o;
}

}  // namespace

Result<RecapFacts> recapFacts(Store& store, std::string_view meeting) {
  return store.read([&](Database& db) {
    const std::string id = resolveId(db, RecordType::kMeeting, meeting);
    RecapFacts f{meetingContext(db, id)};
    if (f.meeting.status == MeetingStatus::kPlanned) {
      fail(ErrorCode::kFailedPrecondition,
           "the meeting is still planned; close the call first (nextstep meeting close " + id +
               "), then recap it");
    }
    if (f.meeting.status == MeetingStatus::kCancelled) {
      fail(ErrorCode::kFailedPrecondition, "the meeting was cancelled; there is nothing to recap");
    }
    f.outcome = outcomeOf(db, id);
    {
      auto s = db.prepare("SELECT " + actionColumns("a") +
                          " FROM actions a WHERE a.meeting_id = ?1 AND a.deleted = 0 "
                          "ORDER BY a.created_at, a.rid");
      s->bind(1, id);
      while (s->step()) {
        ActionItem a = readAction(*s);
        if (a.owner == ActionOwner::kCustomer) {
          f.customer_actions.push_back(std::move(a));
        } else if (!isFollowUpReminder(a, f.outcome)) {
          f.rep_actions.push_back(std::move(a));
        }
      }
    }
    {
      auto s = db.prepare("SELECT " + meetingColumns("m") +
                          " FROM meetings m WHERE m.deal_id = ?1 AND m.status = 'planned' "
                          "AND m.deleted = 0 AND m.start_at > ?2 ORDER BY m.start_at LIMIT 1");
      s->bindAll(f.meeting.deal_id, toUnix(f.meeting.start));
      if (s->step()) f.next_meeting = readMeeting(*s);
    }
    return f;
  });
}

Result<Recap> meetingRecap(Store& store, const RecapRequest& r) {
  NEXTSTEP_TRY(auto facts, recapFacts(store, r.meeting));
  NEXTSTEP_TRY(auto from, senderOf(store, r, facts));
  auto recap =
      renderRecap(facts, from, r.template_text.value_or(std::string(defaultRecapTemplate())));
  if (!recap) return recap.error();

  // Rule 7: a reminder on the date the customer named. Closing the call made one; this adds it
  // only when it is missing (an outcome from before that, or one whose reminder never synced).
  const std::optional<Outcome>& outcome = facts.outcome;
  if (!outcome || !outcome->follow_up_on) return recap;
  const CivilDate day = *outcome->follow_up_on;
  recap->follow_up_on = day;
  const std::string dealId = facts.meeting.deal_id;
  NEXTSTEP_TRY(auto existing,
               store.read([&](Database& db) { return reminderOn(db, dealId, day); }));
  if (existing) {
    recap->reminder_action_id = *existing;
    return recap;
  }
  auto added = store.write([&](Mutation& m) -> std::pair<std::string, bool> {
    if (auto again = reminderOn(m.db(), dealId, day)) return {*again, false};
    std::string text = std::string(kFollowUpPrefix) + " are they ready to move on?";
    if (!outcome->probe_answers.empty()) text += " (" + outcome->probe_answers + ")";
    NewAction action{dealId, facts.meeting.id, ActionOwner::kRep, text, day, std::nullopt};
    return {addActionIn(m, store.now(), action), true};
  });
  if (!added) return added.error();
  recap->reminder_action_id = added->first;
  recap->reminder_created = added->second;
  return recap;
}

}  // namespace nextstep::calendar
