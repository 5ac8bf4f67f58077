#include "nextstep/follow_up/today.h"

#include "nextstep/meetings/actions.h"
#include "nextstep/meetings/booking.h"
#include "nextstep/pipeline/pipeline.h"
#include "test_store.h"

namespace nextstep::testing {
namespace {

class TodayTest : public StoreTest {
 protected:
  std::string deal_ =
      unwrap(addDeal(*store_, {.title = "Pilot", .account = "Acme", .owner = "ana"}));
  TimeZone zone(const char* name) { return unwrap(TimeZone::find(name)); }
  std::string book(const char* when, const char* tz) {
    return unwrap(bookMeeting(*store_, {.deal = deal_, .at = local(when), .tz = tz}));
  }
};

TEST_F(TodayTest, TodayIsTheDayOfTheDevicesZone) {
  // 2026-11-26T23:30Z is Thursday evening in New York and Friday morning in Tokyo.
  clock_.set(at("2026-11-26T20:00:00Z"));
  book("2026-11-26T23:30", "UTC");
  const Today ny = unwrap(today(*store_, {.zone = zone("America/New_York")}));
  const Today tokyo = unwrap(today(*store_, {.zone = zone("Asia/Tokyo")}));
  EXPECT_EQ(ny.date.iso(), "2026-11-26");
  EXPECT_EQ(ny.meetings.size(), 1u);
  EXPECT_EQ(tokyo.date.iso(), "2026-11-27");
  EXPECT_EQ(tokyo.meetings.size(), 1u);
  clock_.set(at("2026-11-26T12:00:00Z"));  // Tokyo's evening of the 26th: not its day
  EXPECT_TRUE(unwrap(today(*store_, {.zone = zone("Asia/Tokyo")})).meetings.empty());
}

TEST_F(TodayTest, ShowsFollowUpsDueAndOverdueAndMissingOutcomes) {
  unwrap(addAction(
      *store_,
      {.deal = deal_, .owner = ActionOwner::kRep, .text = "Call back", .due = day("2026-11-26")}));
  unwrap(addAction(
      *store_,
      {.deal = deal_, .owner = ActionOwner::kRep, .text = "Send recap", .due = day("2026-11-20")}));
  unwrap(addAction(*store_, {.deal = deal_,
                             .owner = ActionOwner::kCustomer,
                             .text = "Intro CFO",
                             .due = day("2026-11-20")}));
  const std::string done =
      unwrap(addAction(*store_, {.deal = deal_, .text = "Old", .due = day("2026-11-01")}));
  unwrap(setActionDone(*store_, done, true));
  book("2026-11-26T09:00", "UTC");  // ends 09:30Z
  clock_.set(at("2026-11-26T11:00:00Z"));
  const Today t = unwrap(today(*store_, {.zone = zone("Europe/Berlin")}));
  ASSERT_EQ(t.follow_ups_due.size(), 1u);
  EXPECT_EQ(t.follow_ups_due[0].action.text, "Call back");
  EXPECT_EQ(t.follow_ups_due[0].deal_title, "Pilot");
  EXPECT_EQ(t.follow_ups_due[0].account_name, "Acme");
  ASSERT_EQ(t.follow_ups_overdue.size(), 1u)
      << "the customer's actions and done items are not the rep's follow-ups";
  EXPECT_EQ(t.follow_ups_overdue[0].action.text, "Send recap");
  EXPECT_EQ(t.follow_ups_overdue_total, 1);
  ASSERT_EQ(t.outcomes_missing.size(), 1u);
  EXPECT_EQ(t.outcomes_missing_total, 1);
  EXPECT_EQ(t.need_next_step_total, 1) << "its only meeting is over";
  EXPECT_EQ(t.open_deals, 1);
}

TEST_F(TodayTest, OneRepsDayLeavesOutOtherRepsDeals) {
  const std::string other = unwrap(addDeal(*store_, {.title = "Theirs", .owner = "ben"}));
  unwrap(bookMeeting(*store_, {.deal = other, .at = local("2026-11-26T15:00"), .tz = "UTC"}));
  book("2026-11-26T16:00", "UTC");
  EXPECT_EQ(unwrap(today(*store_, {.zone = zone("UTC"), .owner = "ana"})).meetings.size(), 1u);
  EXPECT_EQ(unwrap(today(*store_, {.zone = zone("UTC")})).meetings.size(), 2u);
}

}  // namespace
}  // namespace nextstep::testing
