#include "nextstep/health/health_trend.h"

#include "nextstep/meetings/actions.h"
#include "nextstep/meetings/booking.h"
#include "nextstep/pipeline/pipeline.h"
#include "test_store.h"

namespace nextstep::testing {
namespace {

class HealthTrendTest : public StoreTest {
 protected:
  std::vector<TrendPoint> trend(int weeks = 4) {
    return unwrap(healthTrend(
        *store_, {.now = clock_.now(), .zone = unwrap(TimeZone::find("UTC")), .weeks = weeks}));
  }
};

// Three weeks of one small team's history, read back week by week.
TEST_F(HealthTrendTest, EachWeekShowsTheRatesAsTheyWereThen) {
  clock_.set(at("2026-11-05T09:00:00Z"));
  const std::string a = unwrap(addDeal(*store_, {.title = "A"}));
  const std::string b = unwrap(addDeal(*store_, {.title = "B"}));
  clock_.set(at("2026-11-10T09:00:00Z"));
  unwrap(bookMeeting(*store_, {.deal = a, .at = local("2026-11-20T10:00"), .tz = "UTC"}));
  unwrap(addAction(*store_, {.deal = b,
                             .owner = ActionOwner::kCustomer,
                             .text = "Send the usage figures",
                             .kind = ActionKind::kCommitment}));
  clock_.set(at("2026-11-15T09:00:00Z"));
  unwrap(addDeal(*store_, {.title = "C"}));
  // Booked at the table: five minutes after A's meeting ended.
  clock_.set(at("2026-11-20T10:35:00Z"));
  unwrap(bookMeeting(*store_, {.deal = a, .at = local("2026-12-03T10:00"), .tz = "UTC"}));
  clock_.set(at("2026-11-26T09:00:00Z"));

  const auto t = trend();
  ASSERT_EQ(t.size(), 4u);
  EXPECT_EQ(t[0].week_end.iso(), "2026-11-05");
  EXPECT_EQ(t[3].week_end.iso(), "2026-11-26");
  EXPECT_EQ(t[0].open_deals, 2);
  EXPECT_DOUBLE_EQ(t[0].next_step_rate, 0.0);
  EXPECT_DOUBLE_EQ(t[0].commitment_rate, 0.0);
  EXPECT_DOUBLE_EQ(t[1].next_step_rate, 0.5);  // A's meeting booked, B nothing
  EXPECT_DOUBLE_EQ(t[1].commitment_rate, 0.5);
  EXPECT_EQ(t[2].open_deals, 3);  // C came
  EXPECT_NEAR(t[2].next_step_rate, 1.0 / 3, 1e-9);
  EXPECT_EQ(t[2].bookings, 0);  // a first meeting follows nothing
  EXPECT_EQ(t[3].bookings, 1);
  EXPECT_DOUBLE_EQ(t[3].booked_at_table_rate, 1.0);
  EXPECT_NEAR(t[3].next_step_rate, 1.0 / 3, 1e-9);  // the meeting booked at the table
}

TEST_F(HealthTrendTest, ANonsenseSpanIsRefused) {
  auto r = healthTrend(*store_, {.now = clock_.now(), .weeks = 0});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::kInvalidArgument);
}

}  // namespace
}  // namespace nextstep::testing
