// The gRPC layer's parts that need no network: rate limits, stream quotas, addresses, the team
// feed and the group-commit writer.
#include <gtest/gtest.h>

#include <atomic>
#include <future>

#include "listen_address.h"
#include "push_writer.h"
#include "rate_limit.h"
#include "service_fixture.h"
#include "stream_quota.h"
#include "team_feed.h"

namespace nextstep::server::test {
namespace {

TEST(RateLimiterTest, AllowsABurstThenTheSteadyRate) {
  std::int64_t now = 0;
  RateLimiter limiter(10, 20, 100, [&] { return now; });
  int allowed = 0;
  for (int i = 0; i < 50; ++i) allowed += limiter.allow("a") ? 1 : 0;
  EXPECT_EQ(allowed, 20);
  EXPECT_TRUE(limiter.allow("b"));  // buckets are per key
  now += 100;                       // 0.1 s at 10/s: one more
  EXPECT_TRUE(limiter.allow("a"));
  EXPECT_FALSE(limiter.allow("a"));
}

TEST(RateLimiterTest, ZeroRateIsOff) {
  RateLimiter limiter(0, 0);
  for (int i = 0; i < 1000; ++i) ASSERT_TRUE(limiter.allow("a"));
}

TEST(RateLimiterTest, KeepsNoMoreKeysThanItsCap) {
  std::int64_t now = 0;
  RateLimiter limiter(1, 2, 10, [&] { return now; });
  for (int i = 0; i < 1000; ++i) limiter.allow("key" + std::to_string(i));
  EXPECT_LE(limiter.trackedKeys(), 10u);
}

TEST(StreamQuotaTest, CountsPerUser) {
  StreamQuota quota(2);
  EXPECT_TRUE(quota.acquire(1));
  EXPECT_TRUE(quota.acquire(1));
  EXPECT_FALSE(quota.acquire(1));
  EXPECT_TRUE(quota.acquire(2));
  quota.release(1);
  EXPECT_TRUE(quota.acquire(1));
}

TEST(ListenAddressTest, PlaintextOnlyOnLoopback) {
  auto loopback = [](const char* a) { return isLoopback(*parseListenAddress(a)); };
  EXPECT_TRUE(loopback("127.0.0.1:7443"));
  EXPECT_TRUE(loopback("127.1.2.3:0"));
  EXPECT_TRUE(loopback("localhost:7443"));
  EXPECT_TRUE(loopback("[::1]:7443"));
  EXPECT_FALSE(loopback("0.0.0.0:7443"));
  EXPECT_FALSE(loopback("10.0.0.1:7443"));
  EXPECT_FALSE(loopback("[::]:7443"));
  EXPECT_FALSE(loopback("example.com:7443"));
  EXPECT_FALSE(parseListenAddress("nowhere").has_value());
  EXPECT_FALSE(parseListenAddress("::1:7443").has_value());
  EXPECT_FALSE(parseListenAddress("127.0.0.1:99999").has_value());
  EXPECT_EQ(parseListenAddress("[::1]:0")->host, "[::1]");
}

class CountingSubscriber final : public FeedSubscriber {
 public:
  void wake() override { ++wakes; }
  void retain() override { ++refs; }
  void release() override { --refs; }
  std::atomic<int> wakes{0};
  std::atomic<int> refs{0};
};

std::vector<pb::LoggedOperation> logged(std::uint64_t from, std::uint64_t to,
                                        std::size_t value_bytes = 10) {
  std::vector<pb::LoggedOperation> out;
  for (std::uint64_t v = from; v <= to; ++v) {
    pb::LoggedOperation op;
    op.set_version(v);
    op.mutable_operation()->mutable_value()->set_text_value(std::string(value_bytes, 'x'));
    out.push_back(op);
  }
  return out;
}

TEST(TeamFeedTest, ReadsAfterTheCursorWithinTheRing) {
  TeamFeed feed(FeedLimits{.ring_ops = 5});
  CountingSubscriber s;
  feed.subscribe(1, &s);
  feed.publish(1, logged(1, 8));
  FeedRead r = feed.read(1, 4, 1 << 20);
  EXPECT_FALSE(r.behind);
  ASSERT_EQ(r.ops.size(), 4u);
  EXPECT_EQ(r.ops.front()->version(), 5u);
  EXPECT_EQ(r.head, 8u);
  EXPECT_TRUE(feed.read(1, 2, 1 << 20).behind);  // 3 fell out of the ring of 5
  EXPECT_TRUE(feed.read(1, 8, 1 << 20).ops.empty());
  feed.unsubscribe(1, &s);
}

TEST(TeamFeedTest, APageStaysWithinItsBudget) {
  TeamFeed feed;
  CountingSubscriber s;
  feed.subscribe(1, &s);
  feed.publish(1, logged(1, 10, 1000));
  FeedRead r = feed.read(1, 0, 3500);
  EXPECT_EQ(r.ops.size(), 3u);
  EXPECT_TRUE(r.more);
  EXPECT_EQ(feed.read(1, 0, 10).ops.size(), 1u);  // at least one, whatever the budget
  feed.unsubscribe(1, &s);
}

TEST(TeamFeedTest, AnotherReplicasWriteSendsTheStreamsBehindItToTheStore) {
  TeamFeed feed;
  CountingSubscriber s;
  feed.subscribe(1, &s);
  feed.publish(1, logged(1, 3));
  feed.advance(1, 5);  // 4 and 5 were committed by another replica
  EXPECT_TRUE(feed.read(1, 3, 1 << 20).behind);
  EXPECT_TRUE(feed.read(1, 0, 1 << 20).behind);
  FeedRead caught_up = feed.read(1, 5, 1 << 20);
  EXPECT_FALSE(caught_up.behind);
  EXPECT_TRUE(caught_up.ops.empty());
  EXPECT_EQ(caught_up.head, 5u);
  feed.publish(1, logged(4, 6));  // this replica's own, published after the notice: 6 is new
  FeedRead next = feed.read(1, 5, 1 << 20);
  ASSERT_EQ(next.ops.size(), 1u);
  EXPECT_EQ(next.ops.front()->version(), 6u);
  EXPECT_TRUE(feed.read(1, 4, 1 << 20).behind);
  feed.advance(1, 2);  // an old notice changes nothing
  EXPECT_EQ(feed.read(1, 5, 1 << 20).ops.size(), 1u);
  feed.unsubscribe(1, &s);
}

TEST(TeamFeedTest, AGapInWhatThisReplicaPublishesIsNeverReadAcross) {
  TeamFeed feed;
  CountingSubscriber s;
  feed.subscribe(1, &s);
  feed.publish(1, logged(1, 2));
  feed.publish(1, logged(4, 5));  // 3 was committed by another replica, not yet announced
  EXPECT_TRUE(feed.read(1, 2, 1 << 20).behind);
  FeedRead after_gap = feed.read(1, 3, 1 << 20);
  EXPECT_FALSE(after_gap.behind);
  ASSERT_EQ(after_gap.ops.size(), 2u);
  EXPECT_EQ(after_gap.ops.front()->version(), 4u);
  feed.unsubscribe(1, &s);
}

TEST(TeamFeedTest, TeamsWithoutStreamsKeepNothing) {
  TeamFeed feed;
  feed.publish(7, logged(1, 3));
  CountingSubscriber s;
  feed.subscribe(7, &s);
  EXPECT_TRUE(feed.read(7, 0, 1 << 20).ops.empty());
  feed.unsubscribe(7, &s);
  EXPECT_EQ(feed.subscriberCount(), 0u);
}

TEST(TeamFeedTest, WakesOnlyTheTeamsStreamsAndEveryoneOnClose) {
  TeamFeed feed(FeedLimits{.tick = std::chrono::hours(1)});
  CountingSubscriber north, south;
  feed.subscribe(1, &north);
  feed.subscribe(2, &south);
  feed.start();
  feed.publish(1, logged(1, 1));
  for (int i = 0; i < 200 && north.wakes == 0; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  EXPECT_EQ(north.wakes, 1);
  EXPECT_EQ(south.wakes, 0);
  feed.closeAll();
  for (int i = 0; i < 200 && south.wakes == 0; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  EXPECT_TRUE(feed.closing());
  EXPECT_EQ(south.wakes, 1);
  feed.stop();
  EXPECT_EQ(north.refs, 0);
  EXPECT_EQ(south.refs, 0);
  feed.unsubscribe(1, &north);
  feed.unsubscribe(2, &south);
}

using PushWriterTest = ServiceTest;

TEST_P(PushWriterTest, QueuedPushesAreCommittedAnsweredAndPublished) {
  Caller ann = device("north", "ann@example.com", 0xa1);
  Caller bob = device("north", "bob@example.com", 0xb0b);
  TeamFeed feed;
  CountingSubscriber listener;
  feed.subscribe(ann.team_id, &listener);
  PushWriter writer(*service_, feed);
  const pb::PushRequest a = pushOf({createDeal(1, 0xa1, "d1", "A", hlc(0, 1))});
  const pb::PushRequest b = pushOf({createDeal(1, 0xb0b, "d2", "B", hlc(0, 2))});
  std::promise<Reply<pb::PushResponse>> done_a, done_b;
  // Queued before the thread starts: both go into one transaction.
  ASSERT_EQ(writer.submit(ann, &a, [&](auto r) { done_a.set_value(std::move(r)); }),
            PushWriter::Admission::kQueued);
  ASSERT_EQ(writer.submit(bob, &b, [&](auto r) { done_b.set_value(std::move(r)); }),
            PushWriter::Admission::kQueued);
  writer.start();
  auto ra = done_a.get_future().get();
  auto rb = done_b.get_future().get();
  ASSERT_TRUE(ra.ok());
  ASSERT_TRUE(rb.ok());
  EXPECT_EQ(ra->head(), 1u);  // each push's head as of its own operations
  EXPECT_EQ(rb->head(), 2u);
  EXPECT_EQ(feed.read(ann.team_id, 0, 1 << 20).ops.size(), 2u);
  writer.stop();
  EXPECT_EQ(writer.submit(ann, &a, [](auto) {}), PushWriter::Admission::kStopped);
  feed.unsubscribe(ann.team_id, &listener);
}

TEST_P(PushWriterTest, AFullQueueIsRefusedNotGrown) {
  Caller ann = device("north", "ann@example.com", 0xa1);
  TeamFeed feed;
  PushWriter writer(*service_, feed, PushWriterLimits{.max_queued = 2});
  const pb::PushRequest a = pushOf({createDeal(1, 0xa1, "d1", "A", hlc(0, 1))});
  int answered = 0;
  EXPECT_EQ(writer.submit(ann, &a, [&](auto) { ++answered; }), PushWriter::Admission::kQueued);
  EXPECT_EQ(writer.submit(ann, &a, [&](auto) { ++answered; }), PushWriter::Admission::kQueued);
  EXPECT_EQ(writer.submit(ann, &a, [&](auto) { ++answered; }), PushWriter::Admission::kFull);
  writer.start();
  writer.stop();  // drains what was queued
  EXPECT_EQ(answered, 2);
  EXPECT_EQ(pullAll(ann).operations_size(), 1);
}

INSTANTIATE_TEST_SUITE_P(Stores, PushWriterTest, everyStore(), storeTestName);

}  // namespace
}  // namespace nextstep::server::test
