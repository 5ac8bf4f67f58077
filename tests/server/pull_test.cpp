// Pull: pages after a cursor, within the caller's team only.
#include <gtest/gtest.h>

#include "service_fixture.h"

namespace nextstep::server::test {
namespace {

using grpc::StatusCode;

class PullTest : public ServiceTest {
 protected:
  PullTest()
      : ServiceTest(SyncLimits{
            .max_message_bytes = 64 * 1024, .default_pull_limit = 4, .max_pull_limit = 6}) {}
  void SetUp() override {
    ServiceTest::SetUp();
    if (IsSkipped()) return;
    ann_ = device("north", "ann@example.com", kAnn);
  }
  void pushDeals(const Caller& c, DeviceId dev, int n, const std::string& prefix) {
    pb::PushRequest r;
    for (int i = 1; i <= n; ++i) {
      *r.add_operations() =
          createDeal(static_cast<std::uint64_t>(i), dev, prefix + std::to_string(i), "Deal",
                     hlc(0, static_cast<std::uint16_t>(i)));
    }
    pushOk(c, r);
  }
  pb::PullResponse pull(const Caller& c, std::uint64_t after, std::uint32_t limit) {
    pb::PullRequest r;
    r.set_after_version(after);
    r.set_limit(limit);
    auto reply = service_->pull(c, r);
    EXPECT_TRUE(reply.ok());
    return reply ? *reply : pb::PullResponse{};
  }
  Caller ann_;
};

TEST_P(PullTest, PagesFollowTheCursor) {
  pushDeals(ann_, kAnn, 10, "d");
  pb::PullResponse p = pull(ann_, 0, 0);  // 0: the default page
  ASSERT_EQ(p.operations_size(), 4);
  EXPECT_EQ(p.operations(0).version(), 1u);
  EXPECT_EQ(p.next_cursor(), 4u);
  EXPECT_TRUE(p.more());
  EXPECT_EQ(p.head(), 10u);
  p = pull(ann_, 4, 100);  // clamped to the maximum
  ASSERT_EQ(p.operations_size(), 6);
  EXPECT_EQ(p.operations(0).version(), 5u);
  EXPECT_EQ(p.next_cursor(), 10u);
  EXPECT_FALSE(p.more());
  p = pull(ann_, 10, 3);
  EXPECT_EQ(p.operations_size(), 0);
  EXPECT_EQ(p.next_cursor(), 10u);
  EXPECT_FALSE(p.more());
}

TEST_P(PullTest, ACursorNeverGivenOutIsRefusedNotReplayedFromTheStart) {
  pushDeals(ann_, kAnn, 3, "d");
  pb::PullRequest r;
  r.set_after_version(std::uint64_t{1} << 63);  // negative as SQLite's integer
  auto huge = service_->pull(ann_, r);
  ASSERT_FALSE(huge.ok());
  EXPECT_EQ(huge.code(), StatusCode::INVALID_ARGUMENT);
  r.set_after_version(4);
  auto ahead = service_->pull(ann_, r);
  ASSERT_FALSE(ahead.ok());
  EXPECT_EQ(ahead.code(), StatusCode::OUT_OF_RANGE);
  EXPECT_NE(ahead.error().message.find("newest version 3"), std::string::npos);
  // The head itself is a cursor a device may hold: an empty page that stays there.
  const pb::PullResponse at_head = pull(ann_, 3, 0);
  EXPECT_EQ(at_head.operations_size(), 0);
  EXPECT_EQ(at_head.next_cursor(), 3u);
}

TEST_P(PullTest, APageStaysWithinTheMessageBudget) {
  pb::PushRequest r;
  for (int i = 1; i <= 5; ++i) {
    *r.add_operations() =
        createDeal(static_cast<std::uint64_t>(i), kAnn, "d" + std::to_string(i),
                   std::string(20 * 1024, 'x'), hlc(0, static_cast<std::uint16_t>(i)));
  }
  pushOk(ann_, r);
  std::uint64_t cursor = 0;
  int pages = 0;
  int seen = 0;
  for (bool more = true; more; ++pages) {
    const pb::PullResponse p = pull(ann_, cursor, 6);
    EXPECT_LE(p.ByteSizeLong(), 64u * 1024);
    ASSERT_GT(p.operations_size(), 0);
    seen += p.operations_size();
    cursor = p.next_cursor();
    more = p.more();
  }
  EXPECT_EQ(seen, 5);
  EXPECT_GE(pages, 2);
}

TEST_P(PullTest, TwoTeamsCannotSeeEachOthersOperations) {
  Caller eve = device("south", "eve@example.com", kEve);
  pushDeals(ann_, kAnn, 3, "north-");
  pushDeals(eve, kEve, 2, "south-");
  const pb::PullResponse north = pull(ann_, 0, 6);
  const pb::PullResponse south = pull(eve, 0, 6);
  ASSERT_EQ(north.operations_size(), 3);
  ASSERT_EQ(south.operations_size(), 2);
  EXPECT_EQ(north.head(), 3u);
  EXPECT_EQ(south.head(), 2u);
  for (const auto& op : north.operations()) EXPECT_EQ(op.author(), "ann@example.com");
  for (const auto& op : south.operations()) {
    EXPECT_EQ(op.author(), "eve@example.com");
    EXPECT_EQ(op.operation().record_id().rfind("south-", 0), 0u);
  }
  // Each team numbers its own log from 1.
  EXPECT_EQ(south.operations(0).version(), 1u);
  // The same record id in two teams is two records: no conflict across teams.
  pushOk(eve, pushOf({setText(3, kEve, RecordType::kDeal, "north-1", "title", "Eve's", hlc(9))}));
  EXPECT_TRUE(store_->conflicts(ann_.team_id)->empty());
  EXPECT_EQ(pull(ann_, 0, 6).head(), 3u);
}

INSTANTIATE_TEST_SUITE_P(Stores, PullTest, everyStore(), storeTestName);

}  // namespace
}  // namespace nextstep::server::test
