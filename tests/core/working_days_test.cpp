#include "nextstep/time/working_days.h"

#include <gtest/gtest.h>

#include "test_store.h"

namespace nextstep::testing {
namespace {

WorkingDays parsed(const char* text) { return unwrap(WorkingDays::parse(text)); }

TEST(WorkingDays, AreMondayToFridayUntilTheTeamSaysOtherwise) {
  const WorkingDays week;
  EXPECT_EQ(week.text(), "Mon-Fri");
  EXPECT_FALSE(week.includes(0));
  EXPECT_TRUE(week.includes(1));
  EXPECT_TRUE(week.includes(5));
  EXPECT_FALSE(week.includes(6));
}

TEST(WorkingDays, ReadTheWaysATeamWritesThem) {
  EXPECT_EQ(parsed("mon-fri"), WorkingDays());
  EXPECT_EQ(parsed("Monday-Friday"), WorkingDays());
  EXPECT_EQ(parsed("sun-thu").text(), "Sun-Thu") << "a week that wraps past Saturday is one run";
  EXPECT_EQ(parsed("mon, wed ,fri").text(), "Mon, Wed, Fri");
  EXPECT_EQ(parsed("mon-thu,sat").text(), "Mon-Thu, Sat");
  EXPECT_EQ(parsed("fri-mon").text(), "Fri-Mon");
  EXPECT_EQ(parsed("tue,wed").text(), "Tue, Wed");
  EXPECT_EQ(parsed("sun-sat").text(), "Every day");
}

TEST(WorkingDays, RefuseWhatIsNotADayAndAWeekWithoutOne) {
  EXPECT_EQ(WorkingDays::parse("mon-fry").error().code, ErrorCode::kInvalidArgument);
  EXPECT_NE(WorkingDays::parse("mon-fry").error().message.find("'mon-fry'"), std::string::npos);
  EXPECT_FALSE(WorkingDays::parse(" , ").ok());
  EXPECT_FALSE(WorkingDays::fromBits(0).ok());
  EXPECT_FALSE(WorkingDays::fromBits(128).ok());
  EXPECT_EQ(unwrap(WorkingDays::fromBits(WorkingDays::kMondayToFriday)), WorkingDays());
}

TEST(WorkingDays, MoveADayOffToTheNextWorkingDay) {
  const CivilDate saturday = unwrap(CivilDate::parse("2026-12-05"));
  EXPECT_EQ(WorkingDays().onOrAfter(saturday).iso(), "2026-12-07");
  EXPECT_EQ(parsed("sun-thu").onOrAfter(saturday).iso(), "2026-12-06");
  EXPECT_EQ(parsed("wed").onOrAfter(saturday).iso(), "2026-12-09");
  EXPECT_EQ(parsed("sat").onOrAfter(saturday).iso(), "2026-12-05");
}

}  // namespace
}  // namespace nextstep::testing
