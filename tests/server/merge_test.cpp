// The server's merged state: registers ordered by stamp, and concurrent losers archived.
#include <gtest/gtest.h>

#include "service_fixture.h"

namespace nextstep::server::test {
namespace {

class MergeTest : public ServiceTest {
 protected:
  void SetUp() override {
    ServiceTest::SetUp();
    if (IsSkipped()) return;
    ann_ = device("north", "ann@example.com", kAnn);
    bob_ = device("north", "bob@example.com", kBob);
    created_ = stampOf(hlc(0, 1), kAnn);
    pushOk(ann_, pushOf({createDeal(1, kAnn, "d1", "Original", created_.hlc())}));
  }
  std::vector<ConflictRecord> conflicts() {
    auto c = store_->conflicts(ann_.team_id);
    EXPECT_TRUE(c.ok());
    return c ? *c : std::vector<ConflictRecord>{};
  }
  Value title() {
    auto r = store_->readRegister(ann_.team_id, RegisterKey{RecordType::kDeal, "d1", "title"});
    EXPECT_TRUE(r.ok() && r->has_value());
    return r.ok() && r->has_value() ? (*r)->value : Value();
  }
  Caller ann_;
  Caller bob_;
  pb::Stamp created_;
};

TEST_P(MergeTest, ConcurrentWritesToOneRegisterArchiveTheLoserWithBothValues) {
  // Both edit the title having seen only the create.
  pushOk(ann_,
         pushOf({setText(2, kAnn, RecordType::kDeal, "d1", "title", "Ann's", hlc(10), created_)}));
  pushOk(bob_,
         pushOf({setText(1, kBob, RecordType::kDeal, "d1", "title", "Bob's", hlc(20), created_)}));
  EXPECT_EQ(title(), Value("Bob's"));
  const auto c = conflicts();
  ASSERT_EQ(c.size(), 1u);
  EXPECT_EQ(c[0].record_id, "d1");
  EXPECT_EQ(c[0].key, "title");
  EXPECT_EQ(c[0].kind, ConflictKind::kOverwritten);
  EXPECT_EQ(c[0].kept_value, Value("Bob's"));
  EXPECT_EQ(c[0].kept_author, "bob@example.com");
  EXPECT_EQ(c[0].kept_stamp, (Stamp{hlc(20), kBob}));
  EXPECT_EQ(c[0].lost_value, Value("Ann's"));
  EXPECT_EQ(c[0].lost_author, "ann@example.com");
  EXPECT_EQ(c[0].lost_stamp, (Stamp{hlc(10), kAnn}));
  EXPECT_EQ(c[0].version, 3u);
  EXPECT_EQ(c[0].detected_at_ms, now_ms_);
}

TEST_P(MergeTest, AnOlderConcurrentWriteArrivingLateLosesAndIsArchived) {
  pushOk(bob_,
         pushOf({setText(1, kBob, RecordType::kDeal, "d1", "title", "Bob's", hlc(20), created_)}));
  pushOk(ann_,
         pushOf({setText(2, kAnn, RecordType::kDeal, "d1", "title", "Ann's", hlc(10), created_)}));
  EXPECT_EQ(title(), Value("Bob's"));
  const auto c = conflicts();
  ASSERT_EQ(c.size(), 1u);
  EXPECT_EQ(c[0].kept_value, Value("Bob's"));
  EXPECT_EQ(c[0].lost_value, Value("Ann's"));
  EXPECT_EQ(c[0].lost_author, "ann@example.com");
}

TEST_P(MergeTest, AWriteThatSawThePreviousOneIsNoConflict) {
  pushOk(ann_,
         pushOf({setText(2, kAnn, RecordType::kDeal, "d1", "title", "Ann's", hlc(10), created_)}));
  pushOk(bob_, pushOf({setText(1, kBob, RecordType::kDeal, "d1", "title", "Bob's", hlc(20),
                               stampOf(hlc(10), kAnn))}));
  EXPECT_EQ(title(), Value("Bob's"));
  EXPECT_TRUE(conflicts().empty());
}

TEST_P(MergeTest, ConcurrentWritesOfTheSameValueAreNoConflict) {
  pushOk(ann_,
         pushOf({setText(2, kAnn, RecordType::kDeal, "d1", "title", "Same", hlc(10), created_)}));
  pushOk(bob_,
         pushOf({setText(1, kBob, RecordType::kDeal, "d1", "title", "Same", hlc(20), created_)}));
  EXPECT_TRUE(conflicts().empty());
}

TEST_P(MergeTest, AFirstEditAgainstTheCreateComparesWithTheCreatedValue) {
  // Bob never saw the create (base zero): concurrent with it, and the values differ.
  pushOk(bob_, pushOf({setText(1, kBob, RecordType::kDeal, "d1", "title", "Bob's", hlc(20))}));
  const auto c = conflicts();
  ASSERT_EQ(c.size(), 1u);
  EXPECT_EQ(c[0].lost_value, Value("Original"));
  EXPECT_EQ(c[0].lost_author, "ann@example.com");
}

TEST_P(MergeTest, ARegisterMergesAsOneValue) {
  const std::string slot_a =
      R"({"duration_min":30,"place":"Office","start_at":1795100000,"tz":"Europe/Berlin"})";
  const std::string slot_b =
      R"({"duration_min":60,"place":null,"start_at":1795200000,"tz":"Europe/Berlin"})";
  const pb::Operation meeting = createMeeting(2, kAnn, "m1", hlc(1));
  pushOk(ann_, pushOf({meeting}));
  pushOk(ann_, pushOf({setText(3, kAnn, RecordType::kMeeting, "m1", "slot", slot_a, hlc(10),
                               meeting.stamp())}));
  pushOk(bob_, pushOf({setText(1, kBob, RecordType::kMeeting, "m1", "slot", slot_b, hlc(20),
                               meeting.stamp())}));
  const auto c = conflicts();
  ASSERT_EQ(c.size(), 1u);
  EXPECT_EQ(c[0].key, "slot");
  EXPECT_EQ(c[0].kept_value, Value(slot_b));
  EXPECT_EQ(c[0].lost_value, Value(slot_a));
}

TEST_P(MergeTest, ARemoveThatMissedANewerAddLeavesTheMemberAndSaysSo) {
  const pb::Operation meeting = createMeeting(2, kAnn, "m1", hlc(1));
  auto member = [&](std::uint64_t seq, DeviceId dev, pb::OpKind kind, std::uint64_t at,
                    pb::Stamp base) {
    pb::Operation op;
    op.set_device_seq(seq);
    op.set_record_type(static_cast<std::uint32_t>(RecordType::kMeeting));
    op.set_record_id("m1");
    op.set_kind(kind);
    op.set_key("attendees");
    op.mutable_value()->set_text_value("c1");
    *op.mutable_stamp() = stampOf(at, dev);
    if (base.hlc() != 0) *op.mutable_base() = base;
    return op;
  };
  pushOk(ann_, pushOf({meeting, member(3, kAnn, pb::OP_KIND_ADD, hlc(5), {})}));
  // Ann adds c1 again later; Bob removes the first add only.
  pushOk(ann_, pushOf({member(4, kAnn, pb::OP_KIND_ADD, hlc(30), {})}));
  pushOk(bob_, pushOf({member(1, kBob, pb::OP_KIND_REMOVE, hlc(20), stampOf(hlc(5), kAnn))}));
  const auto c = conflicts();
  ASSERT_EQ(c.size(), 1u);
  EXPECT_EQ(c[0].kind, ConflictKind::kRemovedWhileAdded);
  EXPECT_EQ(c[0].kept_value, Value("c1"));
  EXPECT_EQ(c[0].lost_author, "bob@example.com");
}

INSTANTIATE_TEST_SUITE_P(Stores, MergeTest, everyStore(), storeTestName);

}  // namespace
}  // namespace nextstep::server::test
