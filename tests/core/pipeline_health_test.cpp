#include "nextstep/health/pipeline_health.h"

#include "nextstep/follow_up/notes_touches.h"
#include "nextstep/meetings/actions.h"
#include "nextstep/meetings/booking.h"
#include "nextstep/meetings/call_close.h"
#include "nextstep/meetings/events.h"
#include "nextstep/pipeline/pipeline.h"
#include "nextstep/pipeline/team_settings.h"
#include "test_store.h"

namespace nextstep::testing {
namespace {

class HealthTest : public StoreTest {
 protected:
  PipelineHealth health() {
    return unwrap(pipelineHealth(*store_, {.zone = unwrap(TimeZone::find("UTC"))}));
  }
  std::string deal(const char* title, const char* account = "Acme") {
    return unwrap(addDeal(*store_, {.title = title, .account = account}));
  }
  std::string book(const std::string& deal, const char* when) {
    return unwrap(bookMeeting(*store_, {.deal = deal, .at = local(when), .tz = "UTC"}));
  }
};

TEST_F(HealthTest, AnOpenDealWithoutABookedNextStepIsTheFirstThingWrong) {
  const std::string a = deal("A");
  const std::string b = deal("B");
  deal("C");
  book(a, "2026-12-01T10:00");
  PipelineHealth h = health();
  EXPECT_EQ(h.open_deals, 3);
  EXPECT_EQ(h.without_next_step_total, 2);
  EXPECT_EQ(h.without_next_step.size(), 2u);
  EXPECT_NEAR(h.next_step_rate, 1.0 / 3.0, 1e-9);
  unwrap(changeDeal(*store_, b, {.status = DealStatus::kLost, .lost_reason = "budget cut"}));
  h = health();
  EXPECT_EQ(h.open_deals, 2);
  EXPECT_NEAR(h.next_step_rate, 0.5, 1e-9);
}

TEST_F(HealthTest, ANextStepInThePastWithNoOutcomeIsOverdue) {
  const std::string a = deal("A");
  const std::string m = book(a, "2026-11-26T10:00");
  EXPECT_EQ(health().overdue_total, 0);
  clock_.set(at("2026-11-26T11:00:00Z"));
  PipelineHealth h = health();
  EXPECT_EQ(h.overdue_total, 1);
  EXPECT_EQ(h.without_next_step_total, 1) << "a meeting that is over is not a next step";
  unwrap(closeCall(*store_, {.meeting = m, .result = OutcomeResult::kYes}));
  EXPECT_EQ(health().overdue_total, 0);
}

TEST_F(HealthTest, AGoodConversationWithoutANextStepIsFlagged) {
  const std::string a = deal("A");
  const std::string m = book(a, "2026-11-26T10:00");
  clock_.set(at("2026-11-26T10:20:00Z"));
  unwrap(closeCall(*store_, {.meeting = m, .result = OutcomeResult::kYes}));
  EXPECT_EQ(health().held_without_next_total, 1);
  book(a, "2026-12-03T10:00");
  const PipelineHealth h = health();
  EXPECT_EQ(h.held_without_next_total, 0);
  EXPECT_EQ(h.booked_total, 1);
  EXPECT_EQ(h.booked_at_table, 1) << "booked during the meeting";
  EXPECT_DOUBLE_EQ(h.booked_at_table_rate, 1.0);
}

TEST_F(HealthTest, ComplianceOnlyDealsAreAtRiskWhateverTheirStage) {
  const std::string a = deal("A");
  const std::string b = deal("B");
  unwrap(
      addAction(*store_, {.deal = a, .owner = ActionOwner::kCustomer, .text = "Send a proposal"}));
  unwrap(addAction(*store_,
                   {.deal = a, .owner = ActionOwner::kCustomer, .text = "Testimonials please"}));
  unwrap(
      addAction(*store_, {.deal = b, .owner = ActionOwner::kCustomer, .text = "Send a proposal"}));
  clock_.advance(std::chrono::seconds(60));
  unwrap(addAction(
      *store_, {.deal = b, .owner = ActionOwner::kCustomer, .text = "Introduce us to the CFO"}));
  PipelineHealth h = health();
  EXPECT_EQ(h.compliance_only_total, 1);
  ASSERT_EQ(h.compliance_only.size(), 1u);
  EXPECT_EQ(h.compliance_only[0].title, "A");
  EXPECT_EQ(h.commitment_deals, 1);
  EXPECT_DOUBLE_EQ(h.commitment_rate, 0.5);
  // The rep may overrule the catalogue.
  const std::string c = unwrap(addAction(*store_, {.deal = a,
                                                   .owner = ActionOwner::kCustomer,
                                                   .text = "Send a proposal",
                                                   .kind = ActionKind::kCommitment}));
  EXPECT_TRUE(unwrap(getAction(*store_, c)).kind_overridden);
  EXPECT_EQ(health().compliance_only_total, 0);
}

TEST_F(HealthTest, CustomersPastTheTouchCadenceAreStale) {
  const std::string a = deal("A", "Acme");
  deal("B", "Borealis");
  const std::string acme = *unwrap(getDeal(*store_, a)).account_id;
  unwrap(logTouch(*store_, {.account = acme, .kind = TouchKind::kCall}));
  clock_.advance(std::chrono::hours(24 * 20));
  EXPECT_EQ(health().stale_total, 0) << "a new customer is touched when they become one";
  clock_.advance(std::chrono::hours(24 * 11));
  PipelineHealth h = health();
  EXPECT_EQ(h.stale_total, 2) << "31 days since Acme's call and since Borealis arrived, cadence 30";
  unwrap(changeTeamSettings(*store_, {.cadence_days = 45}));
  EXPECT_EQ(health().stale_total, 0);
  unwrap(changeAccount(*store_, acme, {.cadence_days = std::optional<int>(14)}));
  h = health();
  ASSERT_EQ(h.stale_total, 1) << "the account's own cadence wins";
  EXPECT_EQ(h.stale[0].account.name, "Acme");
  EXPECT_EQ(h.stale[0].days_since_touch, 31);
  EXPECT_EQ(h.stale[0].cadence_days, 14);
}

TEST_F(HealthTest, AHeldMeetingIsATouch) {
  const std::string a = deal("A");
  const std::string m = book(a, "2026-11-26T10:00");
  clock_.advance(std::chrono::minutes(70));  // in the meeting: only a started one is closed
  unwrap(closeCall(*store_, {.meeting = m, .result = OutcomeResult::kYes}));
  clock_.advance(std::chrono::hours(24 * 29));
  EXPECT_EQ(health().stale_total, 0);
  clock_.advance(std::chrono::hours(24 * 2));
  EXPECT_EQ(health().stale_total, 1);
}

TEST_F(HealthTest, EventParticipantsWithoutANextStepAreCounted) {
  const std::string ev = unwrap(
      addEvent(*store_, {EventKind::kWebinar, "Webinar", local("2026-11-20T16:00"), "UTC", ""}));
  const std::string c1 = unwrap(addContact(*store_, {.name = "Dana", .account = "Acme"}));
  const std::string c2 = unwrap(addContact(*store_, {.name = "Eli", .account = "Borealis"}));
  unwrap(addParticipant(*store_, {.event = ev, .contact = c1}));
  unwrap(addParticipant(*store_, {.event = ev, .contact = c2, .interested = false}));
  EXPECT_EQ(health().participants_without_next_step, 1);
  const std::string a = deal("A");
  unwrap(bookMeeting(*store_,
                     {.deal = a, .at = local("2026-12-01T10:00"), .tz = "UTC", .attendees = {c1}}));
  EXPECT_EQ(health().participants_without_next_step, 0);
}

TEST_F(HealthTest, OneRepsNumbers) {
  unwrap(addDeal(*store_, {.title = "Mine", .owner = "ana"}));
  unwrap(addDeal(*store_, {.title = "Theirs", .owner = "ben"}));
  const PipelineHealth h =
      unwrap(pipelineHealth(*store_, {.zone = TimeZone::utc(), .owner = "ana"}));
  EXPECT_EQ(h.open_deals, 1);
  EXPECT_EQ(h.without_next_step_total, 1);
  EXPECT_EQ(h.without_next_step[0].deal.title, "Mine");
}

}  // namespace
}  // namespace nextstep::testing
