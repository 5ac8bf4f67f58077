// Values as a conflict review and the CLI show them: never JSON, epoch seconds or cents.
#include "nextstep/text/field_text.h"

#include <gtest/gtest.h>

#include "nextstep/storage/op.h"

namespace nextstep {
namespace {

TEST(FieldText, AMeetingsSlotReadsAsATimeOnTheRepsClocks) {
  const RecordSpec& meeting = specOf(RecordType::kMeeting);
  const Fields slot = {{"start_at", Value(std::int64_t{1796302800})},  // 2026-12-03T13:00:00Z
                       {"tz", Value(std::string("Europe/Berlin"))},
                       {"duration_min", Value(std::int64_t{45})},
                       {"place", Value(std::string("Acme HQ"))}};
  const std::string text =
      describeFieldValue(RecordType::kMeeting, "slot", Value(encodeFields(meeting, slot)),
                         TimeZone::find("Europe/Berlin").value());
  EXPECT_NE(text.find("14:00"), std::string::npos) << text;
  EXPECT_NE(text.find("Acme HQ"), std::string::npos) << text;
  EXPECT_EQ(text.find('{'), std::string::npos) << "no JSON: " << text;
  EXPECT_EQ(text.find("1796302800"), std::string::npos) << "no epoch seconds: " << text;
}

TEST(FieldText, SingleFieldsByTheirType) {
  const TimeZone utc = TimeZone::utc();
  EXPECT_EQ(
      describeFieldValue(RecordType::kMeeting, "booked_at_table", Value(std::int64_t{1}), utc),
      "yes");
  EXPECT_EQ(describeFieldValue(RecordType::kDeal, "title", Value(std::string("Pilot")), utc),
            "Pilot");
  EXPECT_EQ(describeFieldValue(RecordType::kDeal, "title", Value(), utc), "(empty)");
  EXPECT_EQ(describeFieldValue(RecordType::kDeal, "account_id",
                               Value(std::string("01a21715-4680-7e62-8f2e-b91735ad0121")), utc),
            "01a21715");
}

}  // namespace
}  // namespace nextstep
