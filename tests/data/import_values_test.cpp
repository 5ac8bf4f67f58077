// The values of CRM exports: amounts, dates and stages.
#include <gtest/gtest.h>

#include "import_values.h"
#include "test_store.h"

namespace nextstep::data {
namespace {

std::int64_t cents(std::string_view text) {
  auto a = parseAmount(text);
  EXPECT_TRUE(a.ok()) << text << ": " << (a.ok() ? "" : a.error().message);
  return a.ok() ? a->minor : -1;
}

TEST(ImportValues, AmountsInTheUsualNotations) {
  EXPECT_EQ(cents("12000"), 1'200'000);
  EXPECT_EQ(cents("12,000.50"), 1'200'050);
  EXPECT_EQ(cents("12.000,50"), 1'200'050);
  EXPECT_EQ(cents("1 234,5"), 123'450);
  EXPECT_EQ(cents("1\xC2\xA0"
                  "234,56"),
            123'456);                     // a no-break space groups
  EXPECT_EQ(cents("1'234.56"), 123'456);  // Swiss
  EXPECT_EQ(cents("1,234,567"), 123'456'700);
  EXPECT_EQ(cents("0.125"), 13);  // rounded half up
  EXPECT_EQ(cents(""), 0);
  auto usd = parseAmount("USD 1,500");
  ASSERT_TRUE(usd.ok());
  EXPECT_EQ(usd->minor, 150'000);
  EXPECT_EQ(usd->currency, "USD");
  EXPECT_EQ(parseAmount("99 €")->currency, "EUR");
  EXPECT_EQ(parseAmount("$5")->currency, "USD");
  EXPECT_FALSE(parseAmount("-5").ok());
  EXPECT_FALSE(parseAmount("lots").ok());
}

TEST(ImportValues, DatesAndTimesInTheFormsTheCrmsWrite) {
  const TimeZone berlin = *TimeZone::find("Europe/Berlin");
  auto utc = [&](std::string_view text) {
    auto t = parseWhen(text, berlin);
    EXPECT_TRUE(t.ok()) << text;
    return t.ok() ? formatUtc(*t) : std::string();
  };
  EXPECT_EQ(utc("2026-03-27"), "2026-03-27T11:00:00Z");  // noon in Berlin
  EXPECT_EQ(utc("2026-03-27 14:05"), "2026-03-27T13:05:00Z");
  EXPECT_EQ(utc("2026-03-30 14:05:00"), "2026-03-30T12:05:00Z");  // summer time
  EXPECT_EQ(utc("2026-03-27T14:05:00Z"), "2026-03-27T14:05:00Z");
  EXPECT_EQ(utc("2026-03-27T14:05:00+01:00"), "2026-03-27T13:05:00Z");
  EXPECT_EQ(utc("03/27/2026"), "2026-03-27T11:00:00Z");         // US
  EXPECT_EQ(utc("27/03/2026"), "2026-03-27T11:00:00Z");         // cannot be a month
  EXPECT_EQ(utc("27.03.2026 9:30"), "2026-03-27T08:30:00Z");    // German
  EXPECT_EQ(utc("3/27/2026 2:05 PM"), "2026-03-27T13:05:00Z");  // 12-hour clock
  EXPECT_FALSE(parseWhen("next Tuesday", berlin).ok());
  EXPECT_FALSE(parseWhen("2026-02-30", berlin).ok());
  // Digit groups too long for a date are refused, not overflowed (found by csv_import_fuzzer).
  EXPECT_FALSE(parseWhen("1066666666666-11-05", berlin).ok());
  EXPECT_FALSE(parseWhen("05/11/99999999999999", berlin).ok());
}

TEST(ImportValues, StagesLandOnTheTeamsLadder) {
  const TeamSettings ladder = TeamSettings::defaults();
  EXPECT_EQ(mapStage("Proposal/Price Quote", ladder).stage, "proposal");     // Salesforce
  EXPECT_EQ(mapStage("appointmentscheduled", ladder).stage, "lead");         // HubSpot
  EXPECT_EQ(mapStage("Negotiations Started", ladder).stage, "negotiation");  // Pipedrive
  EXPECT_EQ(mapStage("Qualified", ladder).stage, "qualified");               // a rung's own name
  const StageChoice won = mapStage("Closed Won", ladder);
  EXPECT_EQ(won.status, DealStatus::kWon);
  EXPECT_EQ(mapStage("closedlost", ladder).status, DealStatus::kLost);
  const StageChoice odd = mapStage("Waiting for Godot", ladder);
  EXPECT_EQ(odd.stage, "lead");
  EXPECT_NE(odd.note.find("not on the team's ladder"), std::string::npos);
}

TEST(ImportValues, ActivityTypesBecomeTouchKinds) {
  EXPECT_EQ(touchKindOf("Call"), TouchKind::kCall);
  EXPECT_EQ(touchKindOf("Outbound call"), TouchKind::kCall);
  EXPECT_EQ(touchKindOf("Email"), TouchKind::kEmail);
  EXPECT_EQ(touchKindOf("Meeting"), TouchKind::kMeeting);
  EXPECT_EQ(touchKindOf("Lunch"), TouchKind::kMeeting);
  EXPECT_EQ(touchKindOf("Deadline"), TouchKind::kOther);
}

}  // namespace
}  // namespace nextstep::data
