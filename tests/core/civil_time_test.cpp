#include "nextstep/time/civil_time.h"

#include "nextstep/model/ids.h"
#include "test_store.h"

namespace nextstep::testing {
namespace {

TimeZone zone(const char* name) { return unwrap(TimeZone::find(name)); }

TEST(TimeZone, ABerlinMeetingShowsAtTheRightHourInNewYork) {
  const Instant t = unwrap(zone("Europe/Berlin").toInstant(local("2026-07-02T15:30")));
  EXPECT_EQ(formatUtc(t), "2026-07-02T13:30:00Z");                           // CEST, UTC+2
  EXPECT_EQ(zone("America/New_York").toLocal(t).iso(), "2026-07-02T09:30");  // EDT, UTC-4
  EXPECT_EQ(formatInZone(t, zone("America/New_York")), "Thu 2 Jul 2026 09:30 EDT");
}

TEST(TimeZone, WeeksWhenEuropeAndAmericaChangeClocksOnDifferentDays) {
  // The US leaves daylight saving on 1 Nov 2026, Europe on 25 Oct: the gap is 5 hours, not 6.
  const Instant t = unwrap(zone("Europe/Berlin").toInstant(local("2026-10-28T15:00")));
  EXPECT_EQ(zone("America/New_York").toLocal(t).iso(), "2026-10-28T10:00");
}

TEST(TimeZone, ATimeSkippedBySpringForwardIsAnError) {
  auto r = zone("Europe/Berlin").toInstant(local("2026-03-29T02:30"));
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::kInvalidArgument);
  EXPECT_NE(r.error().message.find("does not exist"), std::string::npos);
}

TEST(TimeZone, ARepeatedAutumnTimeMeansItsFirstOccurrence) {
  const Instant t = unwrap(zone("Europe/Berlin").toInstant(local("2026-10-25T02:30")));
  EXPECT_EQ(formatUtc(t), "2026-10-25T00:30:00Z");  // still CEST
}

TEST(TimeZone, DaysAroundDaylightSavingChangesAre23And25HoursLong) {
  const TimeZone berlin = zone("Europe/Berlin");
  auto [s1, e1] = berlin.dayBounds(day("2026-03-29"));
  auto [s2, e2] = berlin.dayBounds(day("2026-10-25"));
  auto [s3, e3] = berlin.dayBounds(day("2026-11-26"));
  EXPECT_EQ(e1 - s1, std::chrono::hours(23));
  EXPECT_EQ(e2 - s2, std::chrono::hours(25));
  EXPECT_EQ(e3 - s3, std::chrono::hours(24));
  EXPECT_EQ(formatUtc(s3), "2026-11-25T23:00:00Z");
}

TEST(TimeZone, UnknownZonesAreRefusedByName) {
  auto r = TimeZone::find("Mars/Olympus_Mons");
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().message.find("Mars/Olympus_Mons"), std::string::npos);
  EXPECT_FALSE(TimeZone::find("").ok());
}

TEST(CivilDate, ParsesOnlyRealDays) {
  EXPECT_EQ(unwrap(CivilDate::parse("2028-02-29")).iso(), "2028-02-29");
  EXPECT_FALSE(CivilDate::parse("2026-02-29").ok());
  EXPECT_FALSE(CivilDate::parse("2026-13-01").ok());
  EXPECT_FALSE(CivilDate::parse("26-1-1").ok());
  EXPECT_FALSE(CivilDate::parse("2026-01-01x").ok());
  EXPECT_EQ(day("2026-11-26").weekday(), 4u);  // Thursday
  EXPECT_EQ(day("2026-12-31").plusDays(1).iso(), "2027-01-01");
}

TEST(CivilDateTime, ParsesBookingTimes) {
  EXPECT_EQ(local("2026-12-03T14:05").iso(), "2026-12-03T14:05");
  EXPECT_EQ(unwrap(CivilDateTime::parse("2026-12-03 14:05")).iso(), "2026-12-03T14:05");
  EXPECT_FALSE(CivilDateTime::parse("2026-12-03T24:00").ok());
  EXPECT_FALSE(CivilDateTime::parse("2026-12-03").ok());
  EXPECT_FALSE(CivilDateTime::parse("tomorrow").ok());
}

TEST(Utc, ParsesZAndOffsets) {
  EXPECT_EQ(formatUtc(at("2026-11-26T09:00:00Z")), "2026-11-26T09:00:00Z");
  EXPECT_EQ(formatUtc(unwrap(parseUtc("2026-11-26T10:00+01:00"))), "2026-11-26T09:00:00Z");
  EXPECT_FALSE(parseUtc("2026-11-26T10:00").ok());
}

TEST(RecordId, IsAUuidVersion7OrderedByTime) {
  const std::string a = newRecordId(1'700'000'000'000);
  const std::string b = newRecordId(1'700'000'000'001);
  EXPECT_TRUE(looksLikeRecordId(a));
  EXPECT_EQ(a[14], '7');
  EXPECT_TRUE(a[19] == '8' || a[19] == '9' || a[19] == 'a' || a[19] == 'b');
  EXPECT_LT(a, b);
  EXPECT_NE(newRecordId(5), newRecordId(5));
}

}  // namespace
}  // namespace nextstep::testing
