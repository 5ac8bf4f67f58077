// Over a limit the server answers RESOURCE_EXHAUSTED and keeps serving.
#include <gtest/gtest.h>

#include <thread>

#include "server_process.h"

namespace nextstep::server::test {
namespace {

using LimitsTest = ProcessTest;

TEST_F(LimitsTest, AnOversizedMessageIsRefused) {
  const std::string ann = userToken("north", "ann@example.com");
  startServer({"--max-message-bytes", "65536"});
  auto s = stub();
  EXPECT_EQ(handshake(*s, ann, 0xa1).max_message_bytes(), 65536u);
  pb::PushRequest push;
  pb::Operation op = createDeal(1, 0xa1, "d1", nowMillis());
  op.set_kind(pb::OP_KIND_SET);
  op.set_key("title");
  op.mutable_value()->set_text_value(std::string(100 * 1024, 'x'));
  *push.add_operations() = op;
  pb::PushResponse pushed;
  EXPECT_EQ(s->Push(context(ann).get(), push, &pushed).error_code(),
            grpc::StatusCode::RESOURCE_EXHAUSTED);
  EXPECT_TRUE(serving(*s, ann));
}

TEST_F(LimitsTest, TooManyStreamsForOneUserAreRefused) {
  const std::string ann = userToken("north", "ann@example.com");
  startServer({"--max-streams-per-user", "2"});
  auto s = stub();
  std::vector<std::unique_ptr<grpc::ClientContext>> contexts;
  std::vector<std::unique_ptr<grpc::ClientReader<pb::SubscribeEvent>>> readers;
  for (int i = 0; i < 2; ++i) {
    contexts.push_back(context(ann));
    readers.push_back(s->Subscribe(contexts.back().get(), pb::SubscribeRequest{}));
    pb::SubscribeEvent first;
    ASSERT_TRUE(readers.back()->Read(&first));  // open
  }
  auto third_ctx = context(ann);
  auto third = s->Subscribe(third_ctx.get(), pb::SubscribeRequest{});
  pb::SubscribeEvent e;
  EXPECT_FALSE(third->Read(&e));
  EXPECT_EQ(third->Finish().error_code(), grpc::StatusCode::RESOURCE_EXHAUSTED);
  EXPECT_TRUE(serving(*s, ann));
  // A closed stream frees its place.
  contexts[0]->TryCancel();
  readers[0]->Finish();
  bool reopened = false;
  for (int attempt = 0; attempt < 50 && !reopened; ++attempt) {
    auto ctx = context(ann);
    auto again = s->Subscribe(ctx.get(), pb::SubscribeRequest{});
    reopened = again->Read(&e);
    ctx->TryCancel();
    again->Finish();
    if (!reopened) std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  EXPECT_TRUE(reopened);
  for (std::size_t i = 1; i < contexts.size(); ++i) {
    contexts[i]->TryCancel();
    readers[i]->Finish();
  }
}

TEST_F(LimitsTest, AUserOverTheRateIsSlowedDownWhicheverTokenTheyUse) {
  const std::string ann = userToken("north", "ann@example.com");
  const std::string ann_again =
      admin({"issue-token", "--team", "north", "--email", "ann@example.com"});
  const std::string bob = userToken("north", "bob@example.com");
  startServer({"--rate-limit", "5"});
  auto s = stub();
  int refused = 0;
  for (int i = 0; i < 30; ++i) {
    pb::PullResponse pulled;
    const grpc::Status status = s->Pull(context(ann).get(), pb::PullRequest{}, &pulled);
    if (status.error_code() == grpc::StatusCode::RESOURCE_EXHAUSTED) ++refused;
  }
  EXPECT_GT(refused, 0);
  // A second token of the same user shares the bucket; another user is not affected, and the
  // bucket refills.
  pb::PullResponse pulled;
  EXPECT_EQ(s->Pull(context(ann_again).get(), pb::PullRequest{}, &pulled).error_code(),
            grpc::StatusCode::RESOURCE_EXHAUSTED);
  EXPECT_TRUE(serving(*s, bob));
  std::this_thread::sleep_for(std::chrono::milliseconds(600));
  EXPECT_TRUE(serving(*s, ann));
}

}  // namespace
}  // namespace nextstep::server::test
