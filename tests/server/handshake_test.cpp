// The first call of every session: versions, device binding, and what the server says back.
#include <gtest/gtest.h>

#include "service_fixture.h"

namespace nextstep::server::test {
namespace {

using grpc::StatusCode;

pb::HandshakeRequest hello(std::uint32_t protocol, std::uint32_t schema, DeviceId device) {
  pb::HandshakeRequest h;
  h.set_protocol_version(protocol);
  h.set_schema_version(schema);
  h.set_device_id(device);
  h.set_client_name("test");
  return h;
}

using HandshakeTest = ServiceTest;

TEST_P(HandshakeTest, AnswersWithTeamHeadTimeAndLimits) {
  Caller ann = member("north", "ann@example.com");
  auto reply = service_->handshake(ann, hello(1, 1, 0xa1));
  ASSERT_TRUE(reply.ok()) << reply.error().message;
  EXPECT_EQ(reply->protocol_version(), 1u);
  EXPECT_EQ(reply->min_schema_version(), 1u);
  EXPECT_EQ(reply->max_schema_version(), kCatalogVersion);
  EXPECT_EQ(reply->server_time_ms(), now_ms_);
  EXPECT_EQ(reply->team(), "north");
  EXPECT_EQ(reply->user_email(), "ann@example.com");
  EXPECT_EQ(reply->head(), 0u);
  EXPECT_EQ(reply->max_ops_per_push(), 1000u);
  EXPECT_EQ(reply->max_message_bytes(), 4u * 1024 * 1024);
  EXPECT_EQ(reply->max_clock_ahead_ms(), 300'000);
  EXPECT_EQ(ann.device, DeviceId{0xa1});
}

TEST_P(HandshakeTest, AnOtherProtocolVersionIsAFailedPreconditionNamingBoth) {
  Caller ann = member("north", "ann@example.com");
  for (std::uint32_t version : {0u, 2u}) {
    auto reply = service_->handshake(ann, hello(version, 1, 0xa1));
    ASSERT_FALSE(reply.ok());
    EXPECT_EQ(reply.error().code, StatusCode::FAILED_PRECONDITION);
    EXPECT_NE(reply.error().message.find("protocol version " + std::to_string(version)),
              std::string::npos);
    EXPECT_NE(reply.error().message.find("protocol version 1"), std::string::npos);
  }
  EXPECT_FALSE(ann.device.has_value());
}

TEST_P(HandshakeTest, TheSchemaVersionMustBeInTheAcceptedRange) {
  Caller ann = member("north", "ann@example.com");
  EXPECT_EQ(service_->handshake(ann, hello(1, 0, 0xa1)).code(), StatusCode::FAILED_PRECONDITION);
  auto too_new = service_->handshake(ann, hello(1, kCatalogVersion + 1, 0xa1));
  ASSERT_FALSE(too_new.ok());
  EXPECT_EQ(too_new.error().code, StatusCode::FAILED_PRECONDITION);
  EXPECT_NE(too_new.error().message.find("1 to " + std::to_string(kCatalogVersion)),
            std::string::npos);
  EXPECT_TRUE(service_->handshake(ann, hello(1, 1, 0xa1)).ok());
}

TEST_P(HandshakeTest, DeviceZeroIsInvalid) {
  Caller ann = member("north", "ann@example.com");
  EXPECT_EQ(service_->handshake(ann, hello(1, 1, 0)).code(), StatusCode::INVALID_ARGUMENT);
}

TEST_P(HandshakeTest, ATokenStaysWithItsFirstDevice) {
  Caller ann = member("north", "ann@example.com");
  ASSERT_TRUE(service_->handshake(ann, hello(1, 1, 0xa1)).ok());
  auto other = service_->handshake(ann, hello(1, 1, 0xa2));
  ASSERT_FALSE(other.ok());
  EXPECT_EQ(other.error().code, StatusCode::PERMISSION_DENIED);
  // Authenticating again shows the binding.
  const std::string token = issueToken("north", "ann@example.com");
  Caller second = *service_->authenticate(token);
  EXPECT_TRUE(service_->handshake(second, hello(1, 1, 0xa2)).ok());
}

TEST_P(HandshakeTest, ADeviceBelongsToOneUser) {
  Caller ann = member("north", "ann@example.com");
  Caller bob = member("north", "bob@example.com");
  Caller eve = member("south", "eve@example.com");
  ASSERT_TRUE(service_->handshake(ann, hello(1, 1, 0xa1)).ok());
  EXPECT_EQ(service_->handshake(bob, hello(1, 1, 0xa1)).code(), StatusCode::PERMISSION_DENIED);
  EXPECT_EQ(service_->handshake(eve, hello(1, 1, 0xa1)).code(), StatusCode::PERMISSION_DENIED);
  // Ann's second token may use her own device.
  Caller ann_again = member("north", "ann@example.com");
  EXPECT_TRUE(service_->handshake(ann_again, hello(1, 1, 0xa1)).ok());
}

TEST_P(HandshakeTest, PushNeedsAHandshakeFirst) {
  Caller ann = member("north", "ann@example.com");
  auto reply = service_->push(ann, pushOf({createDeal(1, 0xa1, "d1", "Deal", hlc())}));
  ASSERT_FALSE(reply.ok());
  EXPECT_EQ(reply.error().code, StatusCode::FAILED_PRECONDITION);
  EXPECT_NE(reply.error().message.find("handshake first"), std::string::npos);
}

INSTANTIATE_TEST_SUITE_P(Stores, HandshakeTest, everyStore(), storeTestName);

}  // namespace
}  // namespace nextstep::server::test
