// The real program over gRPC: every call, the live stream, tokens, teams and health.
#include <grpcpp/generic/generic_stub.h>
#include <gtest/gtest.h>

#include <cstdio>
#include <future>
#include <thread>

#include "server_process.h"

namespace nextstep::server::test {
namespace {

constexpr std::uint64_t kAnnDevice = 0xa1;

using RoundTripTest = ProcessTest;

// Reads events until one carries operations (heartbeats skipped); false when the stream ends.
bool readOperations(grpc::ClientReader<pb::SubscribeEvent>& reader, pb::PullResponse& out) {
  pb::SubscribeEvent event;
  while (reader.Read(&event)) {
    if (event.has_operations()) {
      out = event.operations();
      return true;
    }
  }
  return false;
}

TEST_F(RoundTripTest, HandshakePushPullAndAPushSeenByASubscriber) {
  const std::string ann = userToken("north", "ann@example.com");
  const std::string bob = userToken("north", "bob@example.com");
  startServer();
  auto s = stub();
  const pb::HandshakeResponse hello = handshake(*s, ann, kAnnDevice);
  EXPECT_EQ(hello.team(), "north");
  EXPECT_EQ(hello.user_email(), "ann@example.com");
  EXPECT_EQ(hello.head(), 0u);
  EXPECT_NEAR(static_cast<double>(hello.server_time_ms()), static_cast<double>(nowMillis()), 60e3);
  EXPECT_EQ(hello.heartbeat_ms(), 1000u);  // --heartbeat-seconds 1: clients time silence by it

  // Bob listens; the first event (nothing to catch up on) is a heartbeat.
  auto listen = context(bob);
  pb::SubscribeRequest from_start;
  auto reader = s->Subscribe(listen.get(), from_start);
  pb::SubscribeEvent first;
  ASSERT_TRUE(reader->Read(&first));
  EXPECT_TRUE(first.has_heartbeat());

  pb::PushRequest push;
  const std::int64_t now = nowMillis();
  for (std::uint64_t seq = 1; seq <= 3; ++seq) {
    *push.add_operations() = createDeal(seq, kAnnDevice, "d" + std::to_string(seq), now,
                                        static_cast<std::uint16_t>(seq));
  }
  pb::PushResponse pushed;
  auto push_ctx = context(ann);
  ASSERT_TRUE(s->Push(push_ctx.get(), push, &pushed).ok());
  EXPECT_EQ(pushed.acked_through_seq(), 3u);
  EXPECT_EQ(pushed.head(), 3u);
  EXPECT_EQ(pushed.rejected_size(), 0);

  int seen = 0;
  while (seen < 3) {
    pb::PullResponse live;
    ASSERT_TRUE(readOperations(*reader, live));
    for (const auto& op : live.operations()) {
      EXPECT_EQ(op.version(), static_cast<std::uint64_t>(seen + 1));
      EXPECT_EQ(op.author(), "ann@example.com");
      EXPECT_EQ(op.operation().record_id(), "d" + std::to_string(seen + 1));
      ++seen;
    }
  }
  listen->TryCancel();
  reader->Finish();

  pb::PullRequest pull;
  pb::PullResponse pulled;
  auto pull_ctx = context(bob);
  ASSERT_TRUE(s->Pull(pull_ctx.get(), pull, &pulled).ok());
  ASSERT_EQ(pulled.operations_size(), 3);
  EXPECT_EQ(pulled.next_cursor(), 3u);
  EXPECT_FALSE(pulled.more());
  EXPECT_EQ(pulled.head(), 3u);

  // A subscriber that starts later catches up from its cursor.
  auto late = context(bob);
  pb::SubscribeRequest after_one;
  after_one.set_after_version(1);
  auto late_reader = s->Subscribe(late.get(), after_one);
  pb::PullResponse backlog;
  ASSERT_TRUE(readOperations(*late_reader, backlog));
  ASSERT_EQ(backlog.operations_size(), 2);
  EXPECT_EQ(backlog.operations(0).version(), 2u);
  late->TryCancel();
  late_reader->Finish();
}

TEST_F(RoundTripTest, LoginGivesAWorkingToken) {
  userToken("north", "ann@example.com");
  startServer();
  auto s = stub();
  pb::LoginRequest login;
  login.set_email("ann@example.com");
  login.set_password("password123");
  login.set_device_id(0x77);
  pb::LoginResponse token;
  auto ctx = context("");
  ASSERT_TRUE(s->Login(ctx.get(), login, &token).ok());
  EXPECT_EQ(token.team(), "north");
  EXPECT_EQ(handshake(*s, token.token(), 0x77).team(), "north");

  login.set_password("password124");
  auto wrong = context("");
  EXPECT_EQ(s->Login(wrong.get(), login, &token).error_code(), grpc::StatusCode::UNAUTHENTICATED);
}

TEST_F(RoundTripTest, EveryCallButLoginNeedsAValidToken) {
  const std::string ann = userToken("north", "ann@example.com");
  startServer();
  auto s = stub();
  for (const std::string& token : {std::string(), std::string("nst1_forged")}) {
    SCOPED_TRACE("token '" + token + "'");
    pb::HandshakeResponse h;
    EXPECT_EQ(s->Handshake(context(token).get(), pb::HandshakeRequest{}, &h).error_code(),
              grpc::StatusCode::UNAUTHENTICATED);
    pb::PushResponse p;
    EXPECT_EQ(s->Push(context(token).get(), pb::PushRequest{}, &p).error_code(),
              grpc::StatusCode::UNAUTHENTICATED);
    pb::PullResponse l;
    EXPECT_EQ(s->Pull(context(token).get(), pb::PullRequest{}, &l).error_code(),
              grpc::StatusCode::UNAUTHENTICATED);
    auto ctx = context(token);
    auto reader = s->Subscribe(ctx.get(), pb::SubscribeRequest{});
    pb::SubscribeEvent e;
    EXPECT_FALSE(reader->Read(&e));
    EXPECT_EQ(reader->Finish().error_code(), grpc::StatusCode::UNAUTHENTICATED);
  }
  // A revoked token stops working on the running server.
  handshake(*s, ann, kAnnDevice);
  admin({"revoke-tokens", "--email", "ann@example.com"});
  pb::PullResponse l;
  EXPECT_EQ(s->Pull(context(ann).get(), pb::PullRequest{}, &l).error_code(),
            grpc::StatusCode::UNAUTHENTICATED);
}

TEST_F(RoundTripTest, ARevokedTokensStreamEndsWithinAHeartbeat) {
  const std::string ann = userToken("north", "ann@example.com");
  startServer();
  auto s = stub();
  auto ctx = context(ann);
  auto reader = s->Subscribe(ctx.get(), pb::SubscribeRequest{});
  pb::SubscribeEvent e;
  ASSERT_TRUE(reader->Read(&e));
  admin({"revoke-tokens", "--email", "ann@example.com"});
  const auto revoked_at = std::chrono::steady_clock::now();
  while (reader->Read(&e)) {
  }
  EXPECT_EQ(reader->Finish().error_code(), grpc::StatusCode::UNAUTHENTICATED);
  EXPECT_LT(std::chrono::steady_clock::now() - revoked_at, std::chrono::seconds(5));
}

TEST_F(RoundTripTest, ARevokedTokensStalledStreamIsCutOffNotDrainedLater) {
  const std::string ann = userToken("north", "ann@example.com");
  const std::string bob = userToken("north", "bob@example.com");
  startServer();
  auto s = stub();
  handshake(*s, ann, kAnnDevice);
  // A backlog of sixty pages, far more than the connection's buffers on both sides hold.
  constexpr int kBacklog = 60'000;
  const std::int64_t now = nowMillis();
  for (std::uint64_t push_no = 0; push_no < kBacklog / 1000; ++push_no) {
    pb::PushRequest push;
    for (std::uint64_t i = 1; i <= 1000; ++i) {
      const std::uint64_t seq = push_no * 1000 + i;
      *push.add_operations() = createDeal(seq, kAnnDevice, "d" + std::to_string(seq), now,
                                          static_cast<std::uint16_t>(seq % 60000));
    }
    pb::PushResponse pushed;
    ASSERT_TRUE(s->Push(context(ann).get(), push, &pushed).ok());
  }
  // Bob reads one page, then stops reading; his token is revoked while the stream is stalled.
  auto ctx = context(bob);
  auto reader = s->Subscribe(ctx.get(), pb::SubscribeRequest{});
  pb::SubscribeEvent e;
  ASSERT_TRUE(reader->Read(&e));
  admin({"revoke-tokens", "--email", "bob@example.com"});
  std::this_thread::sleep_for(std::chrono::seconds(3));  // three heartbeat intervals
  // Reading again, only what had already left the server before the revocation arrives, then
  // the end: the rest of the backlog is never sent.
  int delivered = e.has_operations() ? e.operations().operations_size() : 0;
  while (reader->Read(&e)) {
    if (e.has_operations()) delivered += e.operations().operations_size();
  }
  const grpc::Status end = reader->Finish();
  EXPECT_NE(end.error_code(), grpc::StatusCode::OK);
  std::printf("operations delivered of %d: %d; status %d %s\n", kBacklog, delivered,
              static_cast<int>(end.error_code()), end.error_message().c_str());
  EXPECT_LT(delivered, kBacklog / 2);
}

TEST_F(RoundTripTest, TwoTeamsAreIsolated) {
  const std::string ann = userToken("north", "ann@example.com");
  const std::string eve = userToken("south", "eve@example.com");
  startServer();
  auto s = stub();
  handshake(*s, ann, kAnnDevice);
  handshake(*s, eve, 0xe1);
  pb::PushRequest push;
  *push.add_operations() = createDeal(1, kAnnDevice, "secret", nowMillis());
  pb::PushResponse pushed;
  ASSERT_TRUE(s->Push(context(ann).get(), push, &pushed).ok());

  pb::PullResponse pulled;
  ASSERT_TRUE(s->Pull(context(eve).get(), pb::PullRequest{}, &pulled).ok());
  EXPECT_EQ(pulled.operations_size(), 0);
  EXPECT_EQ(pulled.head(), 0u);
  // Eve cannot push as Ann's device either.
  pb::PushResponse forged;
  EXPECT_EQ(s->Push(context(eve).get(), push, &forged).error_code(),
            grpc::StatusCode::PERMISSION_DENIED);
  // Eve's stream stays quiet about the north team.
  auto ctx = context(eve, 3);
  auto reader = s->Subscribe(ctx.get(), pb::SubscribeRequest{});
  pb::SubscribeEvent e;
  ASSERT_TRUE(reader->Read(&e));
  EXPECT_TRUE(e.has_heartbeat());
  EXPECT_EQ(e.heartbeat().head(), 0u);
  ctx->TryCancel();
  reader->Finish();
}

TEST_F(RoundTripTest, TheHealthServiceAnswersServing) {
  startServer();
  EXPECT_EQ(health(server_->address()), Health::kServing);
}

// gRPC's callback API answers a request it cannot parse with UNIMPLEMENTED before the service
// sees it; the server registers its methods so that such a request gets INVALID_ARGUMENT.
TEST_F(RoundTripTest, BytesThatAreNotAMessageGetInvalidArgument) {
  startServer();
  const std::string token = userToken("north", "ann@example.com");
  auto channel = grpc::CreateChannel(server_->address(), grpc::InsecureChannelCredentials());
  grpc::GenericStub generic(channel);
  // Field 1, length-delimited, claims 5 bytes and carries 2.
  const std::string truncated(
      "\x0a\x05"
      "ab",
      4);
  for (const char* method :
       {"/nextstep.sync.v1.Sync/Push", "/nextstep.sync.v1.Sync/Login",
        "/nextstep.sync.v1.Sync/Handshake", "/nextstep.sync.v1.Sync/RenewToken"}) {
    auto ctx = context(token);
    grpc::Slice slice(truncated);
    const grpc::ByteBuffer request(&slice, 1);
    grpc::ByteBuffer response;
    std::promise<grpc::Status> done;
    generic.UnaryCall(ctx.get(), method, grpc::StubOptions(), &request, &response,
                      [&](const grpc::Status& status) { done.set_value(status); });
    const grpc::Status status = done.get_future().get();
    EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT)
        << method << ": " << status.error_message();
    EXPECT_NE(status.error_message().find("not a valid"), std::string::npos) << method;
  }
  // The same token still works for well-formed calls.
  auto stub = pb::Sync::NewStub(channel);
  auto ctx = context(token);
  pb::PullRequest pull;
  pb::PullResponse page;
  EXPECT_TRUE(stub->Pull(ctx.get(), pull, &page).ok());
}

}  // namespace
}  // namespace nextstep::server::test
