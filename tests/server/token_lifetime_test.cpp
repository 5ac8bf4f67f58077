// Device tokens expire, and a handshake asks for a new one before they do: the new token keeps
// the device, and the old one stops working at once.
#include <gtest/gtest.h>

#include "service_fixture.h"

namespace nextstep::server::test {
namespace {

using grpc::StatusCode;

constexpr std::int64_t kDayMs = std::int64_t{24} * 60 * 60 * 1000;

class TokenLifetimeTest : public ServiceTest {
 protected:
  pb::HandshakeResponse hello(Caller& caller) {
    pb::HandshakeRequest req;
    req.set_protocol_version(kProtocolVersion);
    req.set_schema_version(kCatalogVersion);
    req.set_device_id(kPhone);
    auto reply = service_->handshake(caller, req);
    EXPECT_TRUE(reply.ok()) << reply.error().message;
    return reply.ok() ? *reply : pb::HandshakeResponse();
  }
};

TEST_P(TokenLifetimeTest, AnExpiredTokenIsRefusedWithAMessageToSignInAgain) {
  const std::string token = issueToken("north", "ann@example.com");
  now_ms_ += SyncLimits{}.token_lifetime_ms - 1;
  ASSERT_TRUE(service_->authenticate(token).ok());
  auto caller = *service_->authenticate(token);
  now_ms_ += 1;
  auto expired = service_->authenticate(token);
  ASSERT_FALSE(expired.ok());
  EXPECT_EQ(expired.error().code, StatusCode::UNAUTHENTICATED);
  EXPECT_NE(expired.error().message.find("expired"), std::string::npos);
  EXPECT_NE(expired.error().message.find("sign in again"), std::string::npos);
  EXPECT_NE(expired.error().message.find("90 days"), std::string::npos);
  // A stream opened before the expiry is cut at its next check.
  auto recheck = service_->recheck(caller);
  ASSERT_TRUE(recheck.has_value());
  EXPECT_EQ(recheck->code, StatusCode::UNAUTHENTICATED);
}

TEST_P(TokenLifetimeTest, TheHandshakeAsksForRotationFromAQuarterOfTheLifetime) {
  Caller phone = device("north", "ann@example.com", kPhone);
  EXPECT_FALSE(hello(phone).rotate_token());
  now_ms_ += SyncLimits{}.tokenRotateAfterMs();
  EXPECT_TRUE(hello(phone).rotate_token());
  EXPECT_EQ(SyncLimits{}.tokenRotateAfterMs(), 90 * kDayMs / 4);
}

TEST_P(TokenLifetimeTest, RenewingMintsATokenForTheSameDeviceAndRevokesTheOld) {
  Caller phone = device("north", "ann@example.com", kPhone);
  pushOk(phone, pushOf({createDeal(1, kPhone, "d1", "One", hlc(0, 1))}));
  now_ms_ += 30 * kDayMs;
  auto old = service_->authenticate(issueToken("north", "ann@example.com"));  // unrelated token
  ASSERT_TRUE(old.ok());
  auto renewed = service_->renewToken(phone, pb::RenewTokenRequest());
  ASSERT_TRUE(renewed.ok()) << renewed.error().message;
  EXPECT_EQ(renewed->team(), "north");

  auto fresh = service_->authenticate(renewed->token());
  ASSERT_TRUE(fresh.ok());
  ASSERT_TRUE(fresh->device.has_value());
  EXPECT_EQ(*fresh->device, kPhone);  // the binding carries over: no handshake needed to push
  EXPECT_EQ(fresh->user_id, phone.user_id);
  EXPECT_EQ(fresh->token_issued_ms, now_ms_);
  EXPECT_FALSE(hello(*fresh).rotate_token());
  const auto r = pushOk(*fresh, pushOf({createDeal(2, kPhone, "d2", "Two", hlc(0, 2))}));
  EXPECT_EQ(r.acked_through_seq(), 2u);

  // The old token is gone for good: new calls, open streams and a second renewal all fail.
  EXPECT_EQ(service_->recheck(phone)->code, StatusCode::UNAUTHENTICATED);
  EXPECT_EQ(service_->renewToken(phone, pb::RenewTokenRequest()).code(),
            StatusCode::UNAUTHENTICATED);
  // Other tokens of the user are not touched.
  EXPECT_FALSE(service_->recheck(*old).has_value());
}

TEST_P(TokenLifetimeTest, ARenewedTokenLivesAFullLifetimeFromItsRenewal) {
  Caller phone = device("north", "ann@example.com", kPhone);
  now_ms_ += 80 * kDayMs;
  auto renewed = service_->renewToken(phone, pb::RenewTokenRequest());
  ASSERT_TRUE(renewed.ok());
  now_ms_ += 80 * kDayMs;  // 160 days after the first token was issued
  EXPECT_TRUE(service_->authenticate(renewed->token()).ok());
}

INSTANTIATE_TEST_SUITE_P(Stores, TokenLifetimeTest, everyStore(), storeTestName);

}  // namespace
}  // namespace nextstep::server::test
