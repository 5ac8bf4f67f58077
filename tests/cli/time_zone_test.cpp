// A meeting is an instant plus the zone it was booked in; it shows at the right hour wherever the
// viewer is, and --now with --tz makes "today" the same on every machine.
#include "cli_process.h"

namespace nextstep::cli_test {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

class TimeZoneTest : public CliTest {};

TEST_F(TimeZoneTest, ABerlinMeetingShowsAtTheRightHourInNewYork) {
  const std::string deal = ok({"deal", "add", "--title", "Transatlantic"});
  const std::string meeting =
      ok({"meeting", "book", "--deal", deal, "--at", "2026-12-03T14:00", "--tz", "Europe/Berlin"});

  const auto j = okJson({"meeting", "show", meeting});
  EXPECT_EQ(j["meeting"]["start"], "2026-12-03T13:00:00Z");
  EXPECT_EQ(j["meeting"]["end"], "2026-12-03T13:30:00Z");
  EXPECT_EQ(j["meeting"]["tz"], "Europe/Berlin");
  EXPECT_EQ(j["meeting"]["local"], "2026-12-03T14:00:00+01:00");

  const CliRun ny = run({"--tz", "America/New_York", "meeting", "show", meeting});
  ASSERT_EQ(ny.exit_code, 0) << ny.err;
  EXPECT_THAT(ny.out, HasSubstr("Thu 3 Dec 2026 08:00 EST"));
  EXPECT_THAT(ny.out, HasSubstr("14:00 CET in Europe/Berlin"));

  const CliRun berlin = run({"meeting", "show", meeting});
  EXPECT_THAT(berlin.out, HasSubstr("Thu 3 Dec 2026 14:00 CET"));
  EXPECT_THAT(berlin.out, Not(HasSubstr("EST")));

  // The zone given after the command means the same.
  const CliRun nyAfter = run({"deal", "show", deal, "--tz", "America/New_York"});
  EXPECT_THAT(nyAfter.out, HasSubstr("08:00 EST"));
}

TEST_F(TimeZoneTest, SummerTimeKeepsTheWallClockOfTheBookingZone) {
  const std::string deal = ok({"deal", "add", "--title", "Summer"});
  const std::string meeting =
      ok({"meeting", "book", "--deal", deal, "--at", "2027-07-01T09:30", "--tz", "Europe/Berlin"});
  const auto j = okJson({"meeting", "show", meeting});
  EXPECT_EQ(j["meeting"]["start"], "2027-07-01T07:30:00Z");
  EXPECT_EQ(j["meeting"]["local"], "2027-07-01T09:30:00+02:00");
  EXPECT_THAT(run({"--tz", "Asia/Tokyo", "meeting", "show", meeting}).out,
              HasSubstr("Thu 1 Jul 2027 16:30 JST"));
}

TEST_F(TimeZoneTest, BookingWithoutTzUsesTheViewersZone) {
  const std::string deal = ok({"deal", "add", "--title", "Local"});
  const std::string meeting = ok(
      {"--tz", "America/New_York", "meeting", "book", "--deal", deal, "--at", "2026-12-03T09:00"});
  const auto j = okJson({"meeting", "show", meeting});
  EXPECT_EQ(j["meeting"]["tz"], "America/New_York");
  EXPECT_EQ(j["meeting"]["start"], "2026-12-03T14:00:00Z");
}

TEST_F(TimeZoneTest, NowAndTzMakeTodayDeterministic) {
  const std::string deal = ok({"deal", "add", "--title", "Late call"});
  // 23:30 in Berlin on 3 Dec is already 4 Dec in Auckland.
  ok({"meeting", "book", "--deal", deal, "--at", "2026-12-03T23:30", "--tz", "Europe/Berlin"});

  now_ = "2026-12-03T20:00:00Z";
  const auto berlin = okJson({"today"});
  EXPECT_EQ(berlin["date"], "2026-12-03");
  EXPECT_EQ(berlin["tz"], "Europe/Berlin");
  EXPECT_EQ(berlin["meetings"]["count"], 1);

  const auto auckland = okJson({"--tz", "Pacific/Auckland", "today"});
  EXPECT_EQ(auckland["date"], "2026-12-04");
  EXPECT_EQ(auckland["tz"], "Pacific/Auckland");
  EXPECT_EQ(auckland["meetings"]["count"], 1);

  const auto newYork = okJson({"--tz", "America/New_York", "today"});
  EXPECT_EQ(newYork["date"], "2026-12-03");
  EXPECT_EQ(newYork["meetings"]["count"], 1);

  // The same question asked twice gives the same answer, byte for byte.
  EXPECT_EQ(run({"today"}).out, run({"today"}).out);
  // A day later the meeting is over and waits for its outcome.
  now_ = "2026-12-04T20:00:00Z";
  const auto later = okJson({"today"});
  EXPECT_EQ(later["date"], "2026-12-04");
  EXPECT_EQ(later["meetings"]["count"], 0);
  EXPECT_EQ(later["outcomes_missing"]["count"], 1);
  EXPECT_EQ(later["need_next_step"]["count"], 1);
}

TEST_F(TimeZoneTest, AnAccountsZoneIsOfferedAndBookedWithTzAccount) {
  ok({"account", "add", "--name", "Harbour Freight Inc", "--tz", "new york"});
  const std::string deal =
      ok({"deal", "add", "--title", "Cranes", "--account", "Harbour Freight Inc"});
  const auto account = okJson({"account", "show", "Harbour Freight Inc"});
  EXPECT_EQ(account["account"]["tz"], "America/New_York") << "a city typed is the zone stored";

  const auto suggested = okJson({"--tz", "Europe/Berlin", "meeting", "suggest", "--deal", deal});
  EXPECT_EQ(suggested["tz"], "Europe/Berlin");
  ASSERT_EQ(suggested["zones"].size(), 2u);
  EXPECT_EQ(suggested["zones"][1]["label"], "Harbour Freight Inc's");
  EXPECT_EQ(suggested["zones"][1]["tz"], "America/New_York");

  const std::string meeting = ok({"--tz", "Europe/Berlin", "meeting", "book", "--deal", deal,
                                  "--at", "2026-12-10T10:00", "--tz", "account"});
  const auto j = okJson({"meeting", "show", meeting});
  EXPECT_EQ(j["meeting"]["tz"], "America/New_York");
  EXPECT_EQ(j["meeting"]["start"], "2026-12-10T15:00:00Z");

  ok({"account", "set", "Harbour Freight Inc", "--tz", "none"});
  const CliRun none = run({"meeting", "book", "--deal", deal, "--at", "2026-12-17T10:00", "--tz",
                           "account", "--another"});
  EXPECT_EQ(none.exit_code, 1) << none.out;
  EXPECT_THAT(none.err, HasSubstr("the deal's account has no zone"));
  EXPECT_THAT(run({"account", "set", "Harbour Freight Inc", "--tz", "Atlantis"}).err,
              HasSubstr("unknown time zone 'Atlantis'"));
}

TEST_F(TimeZoneTest, SuggestedSlotsFallOnTheTeamsWorkingDays) {
  const std::string deal = ok({"deal", "add", "--title", "Desert solar"});
  now_ = "2026-12-04T10:00:00Z";  // a Friday
  const CliRun set = run({"settings", "set", "--working-days", "sun-thu"});
  ASSERT_EQ(set.exit_code, 0) << set.err;
  EXPECT_THAT(set.out, HasSubstr("Working days   Sun-Thu"));
  const auto suggested = okJson({"meeting", "suggest", "--deal", deal});
  EXPECT_EQ(suggested["slots"][0]["at"], "2026-12-13T11:00") << "Sunday, not Friday";
  EXPECT_EQ(okJson({"settings", "show"})["working_days"], "Sun-Thu");
  const CliRun bad = run({"settings", "set", "--working-days", "mon-fry"});
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_THAT(bad.err, HasSubstr("--working-days: 'mon-fry' is not a day"));
}

TEST_F(TimeZoneTest, TzFromTheEnvironmentIsTheDefault) {
  const CliRun r = runBare({"--db", db_, "--now", now_, "--json", "deal", "add", "--title", "x"},
                           {{"TZ", "Asia/Kolkata"}});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const CliRun today = runBare({"--db", db_, "--now", "2026-11-26T20:00:00Z", "--json", "today"},
                               {{"TZ", "Asia/Kolkata"}});
  EXPECT_EQ(today.json()["tz"], "Asia/Kolkata");
  EXPECT_EQ(today.json()["date"], "2026-11-27");
}

}  // namespace
}  // namespace nextstep::cli_test
