#include "nextstep/meetings/call_close.h"

#include "nextstep/meetings/booking.h"
#include "nextstep/pipeline/deal_view.h"
#include "nextstep/pipeline/pipeline.h"
#include "test_store.h"

namespace nextstep::testing {
namespace {

class CallCloseTest : public StoreTest {
 protected:
  std::string deal_ =
      unwrap(addDeal(*store_, {.title = "Pilot", .account = "Acme", .stage = "discovery"}));
  std::string cfo_ = unwrap(addContact(
      *store_, {.name = "Dana Ito", .account = "Acme", .role = ContactRole::kDecisionMaker}));
  std::string meeting_ = unwrap(bookMeeting(*store_, {.deal = deal_,
                                                      .at = local("2026-11-26T10:00"),
                                                      .tz = "Europe/Berlin",
                                                      .attendees = {cfo_}}));
};

TEST_F(CallCloseTest, AMeetingStillAheadCannotBeClosedAndStaysPlanned) {
  const std::string later =
      unwrap(bookMeeting(*store_, {.deal = deal_,
                                   .at = local("2026-11-30T10:00"),
                                   .tz = "Europe/Berlin",
                                   .when_planned = WhenPlanned::kAddAnother}));
  auto early = closeCall(*store_, {.meeting = later, .result = OutcomeResult::kYes});
  ASSERT_FALSE(early.ok());
  EXPECT_EQ(early.error().code, ErrorCode::kFailedPrecondition);
  EXPECT_NE(early.error().message.find("once it has started"), std::string::npos)
      << early.error().message;
  EXPECT_EQ(unwrap(getMeeting(*store_, later)).status, MeetingStatus::kPlanned);
  clock_.set(at("2026-11-30T09:01:00Z"));  // a minute in
  EXPECT_TRUE(closeCall(*store_, {.meeting = later, .result = OutcomeResult::kYes}).ok());
}

TEST_F(CallCloseTest, AMaybeNeedsADatedFollowUp) {
  auto r = closeCall(*store_, {.meeting = meeting_, .result = OutcomeResult::kMaybe});
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().message.find("follow-up date"), std::string::npos);
  EXPECT_EQ(unwrap(getMeeting(*store_, meeting_)).status, MeetingStatus::kPlanned)
      << "nothing half-closed";
}

TEST_F(CallCloseTest, AMaybeBecomesAReminderOnTheCustomersDate) {
  const CallCloseResult r =
      unwrap(closeCall(*store_, {.meeting = meeting_,
                                 .result = OutcomeResult::kMaybe,
                                 .probe_answers = "December is when the budget process starts",
                                 .follow_up = day("2026-12-01")}));
  ASSERT_TRUE(r.follow_up_action_id);
  const ActionItem a = unwrap(getAction(*store_, *r.follow_up_action_id));
  EXPECT_EQ(a.owner, ActionOwner::kRep);
  EXPECT_EQ(a.due->iso(), "2026-12-01");
  EXPECT_NE(a.text.find("budget process"), std::string::npos);
  const Outcome o = *unwrap(outcomeOf(*store_, meeting_));
  EXPECT_EQ(o.result, OutcomeResult::kMaybe);
  EXPECT_EQ(o.follow_up_on->iso(), "2026-12-01");
}

TEST_F(CallCloseTest, ANoKeepsItsReason) {
  EXPECT_FALSE(closeCall(*store_, {.meeting = meeting_, .result = OutcomeResult::kNo}).ok());
  unwrap(closeCall(*store_, {.meeting = meeting_,
                             .result = OutcomeResult::kNo,
                             .no_reason = NoReason::kWrongTime,
                             .reason_text = "frozen until April"}));
  const Outcome o = *unwrap(outcomeOf(*store_, meeting_));
  EXPECT_EQ(o.no_reason, NoReason::kWrongTime);
  EXPECT_EQ(o.reason_text, "frozen until April");
  EXPECT_EQ(unwrap(getDeal(*store_, deal_)).stage, "discovery") << "a No moves nothing";
}

TEST_F(CallCloseTest, AYesMovesTheDealOneRungUpUnlessTheRepSkips) {
  EXPECT_EQ(
      unwrap(closeCall(*store_, {.meeting = meeting_, .result = OutcomeResult::kYes})).deal_stage,
      "proposal");
  const std::string next =
      unwrap(bookMeeting(*store_, {.deal = deal_, .at = local("2026-12-03T10:00"), .tz = "UTC"}));
  clock_.set(at("2026-12-03T10:05:00Z"));  // in that meeting
  unwrap(closeCall(*store_, {.meeting = next, .result = OutcomeResult::kYes, .stage = "verbal"}));
  EXPECT_EQ(unwrap(getDeal(*store_, deal_)).stage, "verbal");
}

TEST_F(CallCloseTest, RecordsTheTemperatureCommitmentsAndWhichObjectiveWasMet) {
  unwrap(closeCall(
      *store_,
      {.meeting = meeting_,
       .result = OutcomeResult::kYes,
       .objective_met = ObjectiveMet::kBackup,
       .recap = "Liked the reporting",
       .what_next = "A pilot in one warehouse",
       .approvers = "Head of IT",
       .approve_by = day("2026-12-10"),
       .temperature = {{cfo_, "The reporting", "Data residency", Readiness::kYes}},
       .actions = {{ActionOwner::kCustomer, "Introduce us to the head of IT", day("2026-12-02")},
                   {ActionOwner::kCustomer, "Send a proposal", std::nullopt},
                   {ActionOwner::kRep, "Check the data centre location", day("2026-11-30")}}}));
  const DealView v = unwrap(dealView(*store_, deal_));
  ASSERT_EQ(v.temperature.size(), 1u);
  EXPECT_EQ(v.temperature[0].ready, Readiness::kYes);
  EXPECT_EQ(v.temperature[0].to_clarify, "Data residency");
  ASSERT_EQ(v.actions.size(), 3u);
  int commitments = 0, compliance = 0;
  for (const ActionItem& a : v.actions) {
    commitments += a.kind == ActionKind::kCommitment;
    compliance += a.kind == ActionKind::kCompliance;
  }
  EXPECT_EQ(commitments, 1);
  EXPECT_EQ(compliance, 1);
  ASSERT_EQ(v.meetings.size(), 1u);
  EXPECT_EQ(v.meetings[0].status, MeetingStatus::kHeld);
  EXPECT_EQ(v.meetings[0].objective_met, ObjectiveMet::kBackup);
  EXPECT_EQ(v.meetings[0].recap, "Liked the reporting");
  ASSERT_EQ(v.outcomes.size(), 1u);
  EXPECT_EQ(v.outcomes[0].approvers, "Head of IT");
  EXPECT_EQ(v.outcomes[0].approve_by->iso(), "2026-12-10");
}

TEST_F(CallCloseTest, AMeetingClosesOnce) {
  unwrap(closeCall(*store_, {.meeting = meeting_, .result = OutcomeResult::kYes}));
  auto again = closeCall(*store_, {.meeting = meeting_, .result = OutcomeResult::kYes});
  EXPECT_EQ(again.error().code, ErrorCode::kFailedPrecondition);
}

TEST_F(CallCloseTest, AFollowUpInThePastIsRefused) {
  auto r = closeCall(
      *store_,
      {.meeting = meeting_, .result = OutcomeResult::kMaybe, .follow_up = day("2026-11-01")});
  EXPECT_EQ(r.error().code, ErrorCode::kInvalidArgument);
}

}  // namespace
}  // namespace nextstep::testing
