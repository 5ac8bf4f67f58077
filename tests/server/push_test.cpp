// Push: the rules every operation and every push must keep, and idempotency.
#include <gtest/gtest.h>

#include <functional>
#include <limits>
#include <tuple>

#include "service_fixture.h"

namespace nextstep::server::test {
namespace {

using grpc::StatusCode;

class PushFixture : public ServiceFixture {
 protected:
  explicit PushFixture(StoreKind kind) : ServiceFixture(kind, SyncLimits{.max_ops_per_push = 5}) {}
  void SetUp() override {
    ServiceFixture::SetUp();
    if (IsSkipped()) return;
    ann_ = device("north", "ann@example.com", kAnn);
  }
  Caller ann_;
};

class PushTest : public PushFixture, public ::testing::WithParamInterface<StoreKind> {
 protected:
  PushTest() : PushFixture(GetParam()) {}
};

struct BadField {
  const char* name;
  std::function<void(pb::Operation&)> spoil;
  const char* reason_names;  // a word the rejection's reason must contain
};

class BadFieldTest : public PushFixture,
                     public ::testing::WithParamInterface<std::tuple<StoreKind, BadField>> {
 protected:
  BadFieldTest() : PushFixture(std::get<0>(GetParam())) {}
  static const BadField& field() { return std::get<1>(GetParam()); }
};

TEST_P(BadFieldTest, IsRejectedWithAReasonNamingIt) {
  pb::Operation bad = createDeal(2, kAnn, "d2", "Bad", hlc(0, 2));
  field().spoil(bad);
  const pb::PushRequest request = pushOf({createDeal(1, kAnn, "d1", "One", hlc(0, 1)), bad,
                                          createDeal(3, kAnn, "d3", "Three", hlc(0, 3))});
  const pb::PushResponse response = pushOk(ann_, request);
  EXPECT_EQ(response.acked_through_seq(), 3u);
  ASSERT_EQ(response.rejected_size(), 1);
  EXPECT_EQ(response.rejected(0).device_seq(), 2u);
  EXPECT_NE(response.rejected(0).reason().find(field().reason_names), std::string::npos)
      << response.rejected(0).reason();
  // The good ones around it are logged; the bad one is kept for review, not dropped.
  const pb::PullResponse log = pullAll(ann_);
  ASSERT_EQ(log.operations_size(), 2);
  EXPECT_EQ(log.operations(0).operation().device_seq(), 1u);
  EXPECT_EQ(log.operations(1).operation().device_seq(), 3u);
  auto kept = store_->rejections(kAnn);
  ASSERT_TRUE(kept.ok());
  ASSERT_EQ(kept->size(), 1u);
  EXPECT_EQ(kept->front().device_seq, 2u);
  EXPECT_EQ(kept->front().reason, response.rejected(0).reason());
  EXPECT_EQ(kept->front().operation.SerializeAsString(), request.operations(1).SerializeAsString());
}

void setValue(pb::Operation& op, const std::string& text) {
  op.mutable_value()->set_text_value(text);
}

INSTANTIATE_TEST_SUITE_P(
    EveryField, BadFieldTest,
    ::testing::Combine(everyStore(), ::testing::Values(
        BadField{"UnknownRecordType", [](auto& op) { op.set_record_type(99); }, "record_type"},
        BadField{"EmptyRecordId", [](auto& op) { op.set_record_id(""); }, "record_id"},
        BadField{"LongRecordId", [](auto& op) { op.set_record_id(std::string(65, 'x')); },
                 "record_id"},
        BadField{"ControlInRecordId", [](auto& op) { op.set_record_id("d\n2"); }, "record_id"},
        BadField{"UnknownKind", [](auto& op) { op.set_kind(pb::OP_KIND_UNSPECIFIED); }, "kind"},
        BadField{"CreateWithKey", [](auto& op) { op.set_key("title"); }, "key"},
        BadField{"LongKey",
                 [](auto& op) {
                   op.set_kind(pb::OP_KIND_SET);
                   op.set_key(std::string(65, 'k'));
                 },
                 "key"},
        BadField{"DeleteCarryingANaN",
                 [](auto& op) {
                   op.set_kind(pb::OP_KIND_DELETE);
                   op.set_key("deleted");
                   op.mutable_value()->set_real_value(std::numeric_limits<double>::quiet_NaN());
                 },
                 "a delete carries deleted = 1"},
        BadField{"RestoreCarryingText",
                 [](auto& op) {
                   op.set_kind(pb::OP_KIND_RESTORE);
                   op.set_key("deleted");
                   setValue(op, "0");
                 },
                 "a restore carries deleted = 0"},
        BadField{"UnknownField",
                 [](auto& op) {
                   op.set_kind(pb::OP_KIND_SET);
                   op.set_key("nope");
                 },
                 "nope"},
        BadField{"WrongValueType",
                 [](auto& op) {
                   op.set_kind(pb::OP_KIND_SET);
                   op.set_key("value_minor");
                   setValue(op, "lots");
                 },
                 "value_minor"},
        BadField{"CreateValueNotJson", [](auto& op) { op.mutable_value()->set_int_value(1); },
                 "value"},
        BadField{"CreateMissingRequiredField",
                 [](auto& op) { setValue(op, R"({"title":"No money"})"); }, "value_minor"},
        BadField{"ValueTooLarge",
                 [](auto& op) {
                   op.set_kind(pb::OP_KIND_SET);
                   op.set_key("title");
                   setValue(op, std::string(256 * 1024 + 1, 'v'));
                 },
                 "value"},
        BadField{"MissingStamp", [](auto& op) { op.clear_stamp(); }, "stamp"},
        BadField{"StampWithoutClock", [](auto& op) { op.mutable_stamp()->set_hlc(0); }, "stamp"},
        BadField{"StampWithoutDevice", [](auto& op) { op.mutable_stamp()->set_device(0); },
                 "stamp"},
        BadField{"BaseNotOlder", [](auto& op) { *op.mutable_base() = op.stamp(); }, "base"},
        BadField{"DeleteWithOtherKey",
                 [](auto& op) {
                   op.set_kind(pb::OP_KIND_DELETE);
                   op.set_key("title");
                 },
                 "deleted"},
        BadField{"NoteEdited",
                 [](auto& op) {
                   op.set_record_type(static_cast<std::uint32_t>(RecordType::kNote));
                   op.set_kind(pb::OP_KIND_SET);
                   op.set_key("text");
                 },
                 "note"},
        BadField{"AddToUnknownSet",
                 [](auto& op) {
                   op.set_kind(pb::OP_KIND_ADD);
                   op.set_key("attendees");
                   setValue(op, "c1");
                 },
                 "attendees"},
        BadField{"RemoveWithoutBase",
                 [](auto& op) {
                   op.set_record_type(static_cast<std::uint32_t>(RecordType::kMeeting));
                   op.set_kind(pb::OP_KIND_REMOVE);
                   op.set_key("attendees");
                   setValue(op, "c1");
                 },
                 "remove"},
        BadField{
            "ClockTooFarAhead",
            [](auto& op) { op.mutable_stamp()->set_hlc(packHlc(1'795'000'000'000 + 300'001, 0)); },
            "ahead"})),
    [](const auto& test) {
      return std::string(std::get<1>(test.param).name) + "_" + storeName(std::get<0>(test.param));
    });

TEST_P(PushTest, AStampJustWithinTheClockLimitIsAccepted) {
  const pb::PushResponse r =
      pushOk(ann_, pushOf({createDeal(1, kAnn, "d1", "Soon", hlc(300'000))}));
  EXPECT_EQ(r.rejected_size(), 0);
  EXPECT_EQ(r.head(), 1u);
}

TEST_P(PushTest, AStampFromAnotherDeviceFailsTheWholePush) {
  auto reply = service_->push(ann_, pushOf({createDeal(1, kAnn, "d1", "Mine", hlc(0, 1)),
                                            createDeal(2, 0xb0b, "d2", "Forged", hlc(0, 2))}));
  ASSERT_FALSE(reply.ok());
  EXPECT_EQ(reply.error().code, StatusCode::PERMISSION_DENIED);
  EXPECT_EQ(pullAll(ann_).operations_size(), 0);
  // Nothing was acknowledged: the honest operation is accepted when sent alone.
  EXPECT_EQ(pushOk(ann_, pushOf({createDeal(1, kAnn, "d1", "Mine", hlc(0, 1))})).head(), 1u);
}

TEST_P(PushTest, SequenceNumbersMustIncreaseWithinAPush) {
  auto equal = service_->push(ann_, pushOf({createDeal(4, kAnn, "d1", "A", hlc(0, 1)),
                                            createDeal(4, kAnn, "d2", "B", hlc(0, 2))}));
  EXPECT_EQ(equal.code(), StatusCode::INVALID_ARGUMENT);
  auto down = service_->push(ann_, pushOf({createDeal(5, kAnn, "d1", "A", hlc(0, 1)),
                                           createDeal(3, kAnn, "d2", "B", hlc(0, 2))}));
  EXPECT_EQ(down.code(), StatusCode::INVALID_ARGUMENT);
  auto zero = service_->push(ann_, pushOf({createDeal(0, kAnn, "d1", "A", hlc(0, 1))}));
  EXPECT_EQ(zero.code(), StatusCode::INVALID_ARGUMENT);
  EXPECT_EQ(pullAll(ann_).operations_size(), 0);
}

TEST_P(PushTest, TooManyOperationsIsResourceExhausted) {
  pb::PushRequest request;
  for (std::uint64_t i = 1; i <= 6; ++i) {
    *request.add_operations() =
        createDeal(i, kAnn, "d" + std::to_string(i), "D", hlc(0, static_cast<std::uint16_t>(i)));
  }
  auto reply = service_->push(ann_, request);
  ASSERT_FALSE(reply.ok());
  EXPECT_EQ(reply.error().code, StatusCode::RESOURCE_EXHAUSTED);
  request.mutable_operations()->RemoveLast();
  EXPECT_EQ(pushOk(ann_, request).head(), 5u);
}

TEST_P(PushTest, TheSamePushTwiceIsAppliedOnce) {
  const pb::PushRequest request = pushOf({createDeal(1, kAnn, "d1", "One", hlc(0, 1)),
                                          setText(2, kAnn, RecordType::kDeal, "d1", "title", "Uno",
                                                  hlc(0, 2), stampOf(hlc(0, 1), kAnn))});
  const pb::PushResponse first = pushOk(ann_, request);
  const pb::PushResponse second = pushOk(ann_, request);
  EXPECT_EQ(first.acked_through_seq(), 2u);
  EXPECT_EQ(second.acked_through_seq(), 2u);
  EXPECT_EQ(first.head(), 2u);
  EXPECT_EQ(second.head(), 2u);
  EXPECT_EQ(second.rejected_size(), 0);
  EXPECT_EQ(pullAll(ann_).operations_size(), 2);
  // Overlapping: the known part is skipped, the new part applied.
  const pb::PushResponse third =
      pushOk(ann_, pushOf({request.operations(1), createDeal(3, kAnn, "d3", "Three", hlc(0, 3))}));
  EXPECT_EQ(third.acked_through_seq(), 3u);
  EXPECT_EQ(third.head(), 3u);
}

TEST_P(PushTest, AUsedSequenceNumberWithADifferentOperationStoresNothingAndSaysTheDeviceIsReused) {
  pushOk(ann_, pushOf({createDeal(1, kAnn, "d1", "One", hlc(0, 1))}));
  // A restored copy of the device sends other operations under numbers it already used.
  const pb::PushResponse r = pushOk(ann_, pushOf({createDeal(1, kAnn, "d9", "Other", hlc(0, 9)),
                                                  createDeal(2, kAnn, "d2", "Two", hlc(0, 10))}));
  EXPECT_TRUE(r.device_reused());
  EXPECT_EQ(r.acked_through_seq(), 0u);
  EXPECT_EQ(r.rejected_size(), 0);
  EXPECT_EQ(pullAll(ann_).operations_size(), 1);
  EXPECT_TRUE(store_->rejections(kAnn)->empty());
  // The same operation again is still a harmless duplicate.
  EXPECT_FALSE(pushOk(ann_, pushOf({createDeal(1, kAnn, "d1", "One", hlc(0, 1))})).device_reused());
  // What the server has is acknowledged up to the first number used differently.
  pushOk(ann_, pushOf({createDeal(2, kAnn, "d2", "Two", hlc(0, 2)),
                       createDeal(3, kAnn, "d3", "Three", hlc(0, 3))}));
  const pb::PushResponse partly =
      pushOk(ann_, pushOf({createDeal(2, kAnn, "d2", "Two", hlc(0, 2)),
                           createDeal(3, kAnn, "d8", "Other three", hlc(0, 8)),
                           createDeal(4, kAnn, "d4", "Four", hlc(0, 11))}));
  EXPECT_TRUE(partly.device_reused());
  EXPECT_EQ(partly.acked_through_seq(), 2u);
  EXPECT_EQ(pullAll(ann_).operations_size(), 3);
}

TEST_P(PushTest, ARejectedOperationSentAgainIsRejectedAgainWithItsReason) {
  pb::Operation bad = createDeal(1, kAnn, "", "No id", hlc(0, 1));
  const pb::PushResponse first = pushOk(ann_, pushOf({bad}));
  const pb::PushResponse again = pushOk(ann_, pushOf({bad}));
  ASSERT_EQ(first.rejected_size(), 1);
  ASSERT_EQ(again.rejected_size(), 1);
  EXPECT_EQ(first.rejected(0).reason(), again.rejected(0).reason());
  EXPECT_EQ(store_->rejections(kAnn)->size(), 1u);
}

// The devices' schema keeps a cadence above zero: a zero is refused here, so no device's page
// fails on it.
TEST_P(PushTest, AValueNoDeviceCanStoreIsRejectedWithItsReason) {
  pb::Operation zero =
      setText(1, kAnn, RecordType::kSettings, "team", "cadence_days", "", hlc(0, 1));
  zero.mutable_value()->set_int_value(0);
  const pb::PushResponse r = pushOk(ann_, pushOf({zero}));
  ASSERT_EQ(r.rejected_size(), 1);
  EXPECT_NE(r.rejected(0).reason().find("settings.cadence_days: must be above zero"),
            std::string::npos)
      << r.rejected(0).reason();
  EXPECT_EQ(pullAll(ann_).operations_size(), 0);
}

// Found by fuzzing: a NaN is never equal to itself, so a retried batch holding one read as a
// restored copy of the device.
TEST_P(PushTest, ABatchWithANaNSentAgainIsAHarmlessDuplicate) {
  pb::Operation odd = setText(2, kAnn, RecordType::kDeal, "d1", "value_minor", "", hlc(0, 2),
                              stampOf(hlc(0, 1), kAnn));
  odd.mutable_value()->set_real_value(std::numeric_limits<double>::quiet_NaN());
  const pb::PushRequest request = pushOf({createDeal(1, kAnn, "d1", "One", hlc(0, 1)), odd});
  const pb::PushResponse first = pushOk(ann_, request);
  const pb::PushResponse again = pushOk(ann_, request);
  EXPECT_FALSE(again.device_reused());
  EXPECT_EQ(again.acked_through_seq(), first.acked_through_seq());
  EXPECT_EQ(again.rejected_size(), first.rejected_size());
}

TEST_P(PushTest, APushThatSkipsNumbersIsRefusedWholeAndAcknowledgesOnlyWhatArrived) {
  pushOk(ann_, pushOf({createDeal(1, kAnn, "d1", "One", hlc(0, 1))}));
  auto skipped = service_->push(ann_, pushOf({createDeal(50, kAnn, "d50", "Fifty", hlc(0, 50))}));
  ASSERT_FALSE(skipped.ok());
  EXPECT_EQ(skipped.code(), StatusCode::FAILED_PRECONDITION);
  EXPECT_NE(skipped.error().message.find("operation 2 onwards never arrived"), std::string::npos)
      << skipped.error().message;
  // Nothing of it was stored, and "acknowledged through" still means every number up to it.
  EXPECT_EQ(pullAll(ann_).operations_size(), 1);
  EXPECT_EQ(pushOk(ann_, pb::PushRequest{}).acked_through_seq(), 1u);
  // Within one push too: 2 and 3 arrive, 5 does not follow them.
  auto gap = service_->push(ann_, pushOf({createDeal(2, kAnn, "d2", "Two", hlc(0, 2)),
                                          createDeal(3, kAnn, "d3", "Three", hlc(0, 3)),
                                          createDeal(5, kAnn, "d5", "Five", hlc(0, 5))}));
  EXPECT_EQ(gap.code(), StatusCode::FAILED_PRECONDITION);
  EXPECT_EQ(pullAll(ann_).operations_size(), 1);
  // A push that repeats what arrived and continues from there is fine.
  const pb::PushResponse r = pushOk(ann_, pushOf({createDeal(1, kAnn, "d1", "One", hlc(0, 1)),
                                                  createDeal(2, kAnn, "d2", "Two", hlc(0, 2))}));
  EXPECT_EQ(r.acked_through_seq(), 2u);
  EXPECT_EQ(r.head(), 2u);
}

TEST_P(PushTest, TheServerNumbersAndAttributesEveryOperation) {
  pushOk(ann_, pushOf({createDeal(1, kAnn, "d1", "One", hlc(0, 1)),
                       createDeal(2, kAnn, "d2", "Two", hlc(0, 2))}));
  const pb::PullResponse log = pullAll(ann_);
  ASSERT_EQ(log.operations_size(), 2);
  EXPECT_EQ(log.operations(0).version(), 1u);
  EXPECT_EQ(log.operations(1).version(), 2u);
  EXPECT_EQ(log.operations(0).author(), "ann@example.com");
  EXPECT_EQ(log.operations(1).operation().device_seq(), 2u);
  EXPECT_EQ(log.operations(1).operation().stamp().device(), kAnn);
}

TEST_P(PushTest, AnEmptyPushAcknowledgesWhatIsStored) {
  pushOk(ann_, pushOf({createDeal(1, kAnn, "d1", "One", hlc(0, 1))}));
  EXPECT_EQ(pushOk(ann_, pb::PushRequest{}).acked_through_seq(), 1u);
}

TEST_P(PushTest, PushesOfOneGroupCommitKeepTheirOwnOutcomes) {
  Caller bob = device("north", "bob@example.com", 0xb0b);
  const pb::PushRequest good_ann = pushOf({createDeal(1, kAnn, "d1", "Ann", hlc(0, 1))});
  const pb::PushRequest forged = pushOf({createDeal(1, kAnn, "d2", "Forged", hlc(0, 2))});
  const pb::PushRequest good_bob = pushOf({createDeal(1, 0xb0b, "d3", "Bob", hlc(0, 3))});
  const PushCall calls[] = {{&ann_, &good_ann}, {&bob, &forged}, {&bob, &good_bob}};
  auto outcomes = service_->pushBatch(calls);
  ASSERT_EQ(outcomes.size(), 3u);
  ASSERT_TRUE(outcomes[0].reply.ok());
  EXPECT_EQ(outcomes[1].reply.code(), StatusCode::PERMISSION_DENIED);
  ASSERT_TRUE(outcomes[2].reply.ok());
  EXPECT_EQ(outcomes[0].accepted.size(), 1u);
  EXPECT_EQ(outcomes[0].accepted[0].version(), 1u);
  EXPECT_EQ(outcomes[2].accepted[0].version(), 2u);
  EXPECT_EQ(outcomes[2].accepted[0].author(), "bob@example.com");
  EXPECT_EQ(outcomes[2].reply->head(), 2u);
}

// A group commit keeps what it reads and writes until its end: two teams' pushes, the same
// record id in both, and one device's push sent twice within the group.
TEST_P(PushTest, AGroupCommitOfTwoTeamsAndARetryMergesEachTeamApart) {
  Caller carl = device("south", "carl@example.com", 0xca71);
  const pb::PushRequest ann_push =
      pushOf({createDeal(1, kAnn, "d1", "North deal", hlc(0, 1)),
              setText(2, kAnn, RecordType::kDeal, "d1", "title", "North renamed", hlc(0, 2),
                      stampOf(hlc(0, 1), kAnn))});
  const pb::PushRequest carl_push = pushOf({createDeal(1, 0xca71, "d1", "South deal", hlc(0, 3))});
  const PushCall calls[] = {{&ann_, &ann_push}, {&carl, &carl_push}, {&ann_, &ann_push}};
  auto outcomes = service_->pushBatch(calls);
  ASSERT_EQ(outcomes.size(), 3u);
  for (const auto& o : outcomes) ASSERT_TRUE(o.reply.ok());
  EXPECT_EQ(outcomes[0].accepted.size(), 2u);
  EXPECT_EQ(outcomes[1].accepted.size(), 1u);
  EXPECT_TRUE(outcomes[2].accepted.empty());  // the same push again: acknowledged, not applied
  EXPECT_EQ(outcomes[2].reply->acked_through_seq(), 2u);
  EXPECT_EQ(outcomes[0].reply->head(), 2u);
  EXPECT_EQ(outcomes[1].reply->head(), 1u);
  EXPECT_EQ(pullAll(ann_).operations_size(), 2);
  EXPECT_EQ(pullAll(carl).operations_size(), 1);

  // Each team's merged title is its own, and a later push reads the state the group left.
  const auto north = store_->readRegister(ann_.team_id, {RecordType::kDeal, "d1", "title"});
  ASSERT_TRUE(north.ok() && north->has_value());
  EXPECT_EQ(std::get<std::string>((*north)->value), "North renamed");
  const auto south = store_->readRegister(carl.team_id, {RecordType::kDeal, "d1", ""});
  ASSERT_TRUE(south.ok() && south->has_value());
  EXPECT_NE(std::get<std::string>((*south)->value).find("South deal"), std::string::npos);
  const pb::PushResponse later =
      pushOk(ann_, pushOf({setText(3, kAnn, RecordType::kDeal, "d1", "title", "Later", hlc(0, 4),
                                   stampOf(hlc(0, 1), kAnn))}));
  EXPECT_EQ(later.head(), 3u);
  const auto kept = store_->readRegister(ann_.team_id, {RecordType::kDeal, "d1", "title"});
  ASSERT_TRUE(kept.ok() && kept->has_value());
  // Written against the create, like the rename in the group: the later stamp wins, and the
  // rename is set aside as a conflict.
  EXPECT_EQ(std::get<std::string>((*kept)->value), "Later");
  const auto conflicts = store_->conflicts(ann_.team_id);
  ASSERT_TRUE(conflicts.ok());
  ASSERT_EQ(conflicts->size(), 1u);
  EXPECT_EQ(std::get<std::string>(conflicts->front().lost_value), "North renamed");
}

INSTANTIATE_TEST_SUITE_P(Stores, PushTest, everyStore(), storeTestName);

}  // namespace
}  // namespace nextstep::server::test
