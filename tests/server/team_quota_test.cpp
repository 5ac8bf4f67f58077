// A team's stored operations are bounded: the push that would pass the limit is refused whole.
// What counts is what its log holds: operations compacted away (into a snapshot) free quota.
#include <gtest/gtest.h>

#include "service_fixture.h"

namespace nextstep::server::test {
namespace {

using grpc::StatusCode;

SyncLimits smallQuota() {
  SyncLimits limits;
  limits.max_team_ops = 3;
  return limits;
}

class TeamQuotaTest : public ServiceTest {
 protected:
  TeamQuotaTest() : ServiceTest(smallQuota()) {}
};

TEST_P(TeamQuotaTest, APushPastTheQuotaIsRefusedAndNothingOfItIsStored) {
  Caller phone = device("north", "ann@example.com", kPhone);
  Caller laptop = device("north", "ben@example.com", kLaptop);
  pushOk(phone, pushOf({createDeal(1, kPhone, "d1", "One", hlc(0, 1)),
                        createDeal(2, kPhone, "d2", "Two", hlc(0, 2))}));

  auto over = service_->push(laptop, pushOf({createDeal(1, kLaptop, "d3", "Three", hlc(0, 3)),
                                             createDeal(2, kLaptop, "d4", "Four", hlc(0, 4))}));
  ASSERT_FALSE(over.ok());
  EXPECT_EQ(over.error().code, StatusCode::RESOURCE_EXHAUSTED);
  EXPECT_NE(over.error().message.find("limit of 3"), std::string::npos) << over.error().message;
  EXPECT_NE(over.error().message.find("stores 2 operations"), std::string::npos);
  EXPECT_EQ(pullAll(phone).operations_size(), 2);
  EXPECT_EQ(*store_->deviceLastSeq(kLaptop), 0u);

  // Up to the limit is fine; a retry of stored operations adds nothing and is acknowledged.
  const auto fits = pushOk(laptop, pushOf({createDeal(1, kLaptop, "d3", "Three", hlc(0, 3))}));
  EXPECT_EQ(fits.acked_through_seq(), 1u);
  const auto again = pushOk(laptop, pushOf({createDeal(1, kLaptop, "d3", "Three", hlc(0, 3))}));
  EXPECT_EQ(again.acked_through_seq(), 1u);
  EXPECT_EQ(service_->push(phone, pushOf({createDeal(3, kPhone, "d5", "Five", hlc(0, 5))})).code(),
            StatusCode::RESOURCE_EXHAUSTED);
}

TEST_P(TeamQuotaTest, TheQuotaIsPerTeam) {
  Caller north = device("north", "ann@example.com", kPhone);
  Caller south = device("south", "cy@example.com", kLaptop);
  pushOk(north, pushOf({createDeal(1, kPhone, "d1", "One", hlc(0, 1)),
                        createDeal(2, kPhone, "d2", "Two", hlc(0, 2)),
                        createDeal(3, kPhone, "d3", "Three", hlc(0, 3))}));
  const auto r = pushOk(south, pushOf({createDeal(1, kLaptop, "s1", "One", hlc(0, 4))}));
  EXPECT_EQ(r.acked_through_seq(), 1u);
}

TEST_P(TeamQuotaTest, OperationsCompactedOutOfTheLogNoLongerCount) {
  Caller phone = device("north", "ann@example.com", kPhone);
  pushOk(phone, pushOf({createDeal(1, kPhone, "d1", "One", hlc(0, 1)),
                        createDeal(2, kPhone, "d2", "Two", hlc(0, 2)),
                        createDeal(3, kPhone, "d3", "Three", hlc(0, 3))}));
  ASSERT_EQ(service_->push(phone, pushOf({createDeal(4, kPhone, "d4", "Four", hlc(0, 4))})).code(),
            StatusCode::RESOURCE_EXHAUSTED);

  // The team's snapshot holds the first two now; the log keeps one.
  ASSERT_EQ(store_->compactLog(phone.team_id, 2).value(), 2u);
  const auto r = pushOk(phone, pushOf({createDeal(4, kPhone, "d4", "Four", hlc(0, 4)),
                                       createDeal(5, kPhone, "d5", "Five", hlc(0, 5))}));
  EXPECT_EQ(r.acked_through_seq(), 5u);
  auto full = service_->push(phone, pushOf({createDeal(6, kPhone, "d6", "Six", hlc(0, 6))}));
  ASSERT_FALSE(full.ok()) << "three in the log again: the limit holds";
  EXPECT_NE(full.error().message.find("stores 3 operations"), std::string::npos)
      << full.error().message;
}

INSTANTIATE_TEST_SUITE_P(Stores, TeamQuotaTest, everyStore(), storeTestName);

}  // namespace
}  // namespace nextstep::server::test
