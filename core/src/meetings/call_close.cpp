#include "nextstep/meetings/call_close.h"

#include "nextstep/model/ids.h"
#include "nextstep/pipeline/team_settings.h"
#include "nextstep/storage/record_reads.h"

namespace nextstep {
namespace {

void checkRequest(const CallClose& c, const CivilDate& today) {
  switch (c.result) {
    case OutcomeResult::kNo:
      if (!c.no_reason) {
        fail(ErrorCode::kInvalidArgument,
             "a No needs its reason (" + choicesOf<NoReason>() + "): it shapes the follow-up");
      }
      break;
    case OutcomeResult::kMaybe:
      if (!c.follow_up) {
        fail(ErrorCode::kInvalidArgument,
             "a Maybe needs a follow-up date that means something, not a vague 'later'");
      }
      break;
    case OutcomeResult::kYes:
      break;
  }
  if (c.follow_up && *c.follow_up < today) {
    fail(ErrorCode::kInvalidArgument,
         "the follow-up date " + c.follow_up->iso() + " is in the past");
  }
  if (c.no_reason && c.result != OutcomeResult::kNo) {
    fail(ErrorCode::kInvalidArgument, "a reason belongs to a No");
  }
}

std::string followUpText(const CallClose& c) {
  std::string text = "Follow up: are they ready to move on?";
  if (!c.probe_answers.empty()) text += " (" + c.probe_answers + ")";
  return text;
}

}  // namespace

Result<CallCloseResult> closeCall(Store& store, const CallClose& c) {
  const Instant now = store.now();
  return store.write([&](Mutation& m) {
    Database& db = m.db();
    const std::string meetingId = resolveId(db, RecordType::kMeeting, c.meeting);
    std::string dealId, dealStage, dealStatus, tz;
    Instant start;
    {
      auto s = db.prepare(
          "SELECT m.status, m.deal_id, d.stage, d.status, m.tz, m.start_at FROM meetings m "
          "JOIN deals d ON d.id = m.deal_id WHERE m.id = ?1");
      s->bind(1, meetingId);
      s->step();
      if (s->textView(0) != nameOf(MeetingStatus::kPlanned)) {
        fail(ErrorCode::kFailedPrecondition,
             "the meeting is " + s->text(0) + "; only a planned meeting can be closed");
      }
      start = instantFromUnix(s->integer(5));
      dealId = s->text(1);
      dealStage = s->text(2);
      dealStatus = s->text(3);
      tz = s->text(4);
    }
    auto zone = TimeZone::find(tz);
    checkRequest(c, (zone ? *zone : TimeZone::utc()).toLocal(now).date);
    // Closing records that it was held: a meeting still ahead has not been.
    if (now < start) {
      fail(ErrorCode::kFailedPrecondition, "the meeting starts " +
                                               formatInZone(start, zone ? *zone : TimeZone::utc()) +
                                               "; it can be closed once it has started");
    }

    CallCloseResult out;
    out.outcome_id = meetingId;
    m.create(RecordType::kOutcome, meetingId,
             {{"meeting_id", Value(meetingId)},
              {"deal_id", Value(dealId)},
              {"result", Value(std::string(nameOf(c.result)))},
              {"no_reason", c.no_reason ? Value(std::string(nameOf(*c.no_reason))) : Value()},
              {"reason_text", Value(c.reason_text)},
              {"probe_answers", Value(c.probe_answers)},
              {"follow_up_on", c.follow_up ? Value(c.follow_up->iso()) : Value()},
              {"what_next", Value(c.what_next)},
              {"approvers", Value(c.approvers)},
              {"approve_by", c.approve_by ? Value(c.approve_by->iso()) : Value()},
              {"recorded_at", Value(toUnix(now))}});

    Fields meeting{{"status", Value(std::string(nameOf(MeetingStatus::kHeld)))}};
    if (c.objective_met)
      meeting.push_back({"objective_met", Value(std::string(nameOf(*c.objective_met)))});
    if (!c.recap.empty()) meeting.push_back({"recap", Value(c.recap)});
    m.update(RecordType::kMeeting, meetingId, meeting);

    for (const TemperatureAnswer& t : c.temperature) {
      m.create(RecordType::kTemperature, newRecordId(toUnix(now) * 1000),
               {{"meeting_id", Value(meetingId)},
                {"contact_id", Value(resolveId(db, RecordType::kContact, t.contact))},
                {"most_interesting", Value(t.most_interesting)},
                {"to_clarify", Value(t.to_clarify)},
                {"ready", Value(std::string(nameOf(t.ready)))},
                {"created_at", Value(toUnix(now))}});
    }
    for (const ActionAnswer& a : c.actions) {
      out.action_ids.push_back(
          addActionIn(m, now, NewAction{dealId, meetingId, a.owner, a.text, a.due, a.kind}));
    }
    // Rule 7: the customer's date becomes a reminder, not a vague "later".
    if (c.follow_up) {
      out.follow_up_action_id = addActionIn(m, now,
                                            NewAction{dealId, meetingId, ActionOwner::kRep,
                                                      followUpText(c), c.follow_up, std::nullopt});
    }

    out.deal_stage = dealStage;
    if (c.stage || (c.result == OutcomeResult::kYes && dealStatus == nameOf(DealStatus::kOpen))) {
      const TeamSettings settings = loadTeamSettings(db);
      std::optional<std::string> next = c.stage ? c.stage : settings.stageAfter(dealStage);
      if (c.stage && !settings.hasStage(*c.stage)) {
        fail(ErrorCode::kInvalidArgument, "stage '" + *c.stage + "' is not on the team's ladder");
      }
      if (next) {
        m.update(RecordType::kDeal, dealId, {{"stage", Value(*next)}});
        out.deal_stage = *next;
      }
    }
    return out;
  });
}

Result<std::optional<Outcome>> outcomeOf(Store& store, std::string_view meeting) {
  return store.read(
      [&](Database& db) { return outcomeOf(db, resolveId(db, RecordType::kMeeting, meeting)); });
}

}  // namespace nextstep
