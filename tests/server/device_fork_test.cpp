// A restored or copied device database is told so by the server, and gets a new identity of its
// own: the server never keeps one copy's operation and refuses the other's.
#include <gtest/gtest.h>

#include "service_fixture.h"
#include "token_auth.h"

namespace nextstep::server::test {
namespace {

using grpc::StatusCode;

class DeviceForkTest : public ServiceTest {
 protected:
  void SetUp() override {
    ServiceTest::SetUp();
    if (IsSkipped()) return;
    phone_ = device("north", "ann@example.com", kPhone);
  }

  Reply<pb::HandshakeResponse> handshake(Caller& caller, DeviceId device, std::uint64_t last) {
    pb::HandshakeRequest req;
    req.set_protocol_version(kProtocolVersion);
    req.set_schema_version(kCatalogVersion);
    req.set_device_id(device);
    req.set_last_seq(last);
    return service_->handshake(caller, req);
  }
  Caller phone_;
};

TEST_P(DeviceForkTest, AHandshakeBehindWhatTheServerStoredSaysTheDeviceIsReused) {
  pushOk(phone_, pushOf({createDeal(1, kPhone, "d1", "One", hlc(0, 1)),
                         createDeal(2, kPhone, "d2", "Two", hlc(0, 2))}));
  auto current = handshake(phone_, kPhone, 2);
  ASSERT_TRUE(current.ok());
  EXPECT_FALSE(current->device_reused());
  auto ahead = handshake(phone_, kPhone, 5);  // assigned, not yet pushed
  ASSERT_TRUE(ahead.ok());
  EXPECT_FALSE(ahead->device_reused());
  auto restored = handshake(phone_, kPhone, 1);  // a backup from before operation 2
  ASSERT_TRUE(restored.ok());
  EXPECT_TRUE(restored->device_reused());
}

TEST_P(DeviceForkTest, ForkingGivesANewDeviceATokenBoundToIt) {
  pb::ForkDeviceRequest req;
  req.set_new_device_id(kPhoneRestored);
  req.set_reason("restored from a backup");
  auto forked = service_->forkDevice(phone_, req);
  ASSERT_TRUE(forked.ok()) << forked.error().message;
  EXPECT_EQ(forked->team(), "north");
  auto caller = service_->authenticate(forked->token());
  ASSERT_TRUE(caller.ok());
  ASSERT_TRUE(caller->device);
  EXPECT_EQ(*caller->device, kPhoneRestored);
  EXPECT_EQ(caller->user_id, phone_.user_id);
  // The new identity numbers from 1 and its operations are the team's like any other.
  auto hello = handshake(*caller, kPhoneRestored, 1);
  ASSERT_TRUE(hello.ok());
  EXPECT_FALSE(hello->device_reused());
  const auto r = pushOk(*caller, pushOf({createDeal(1, kPhoneRestored, "d7", "Seven", hlc(0, 7))}));
  EXPECT_EQ(r.acked_through_seq(), 1u);
  // The old token still works for the old device (a copied file's original goes on).
  auto old = handshake(phone_, kPhone, 0);
  EXPECT_TRUE(old.ok());
}

TEST_P(DeviceForkTest, AForkCannotTakeAnotherUsersDeviceOrItsOwn) {
  device("north", "ben@example.com", 0xc1);
  pb::ForkDeviceRequest req;
  req.set_new_device_id(0xc1);
  auto taken = service_->forkDevice(phone_, req);
  ASSERT_FALSE(taken.ok());
  EXPECT_EQ(taken.error().code, StatusCode::PERMISSION_DENIED);
  req.set_new_device_id(kPhone);
  auto same = service_->forkDevice(phone_, req);
  ASSERT_FALSE(same.ok());
  EXPECT_EQ(same.error().code, StatusCode::INVALID_ARGUMENT);
  req.set_new_device_id(0);
  EXPECT_EQ(service_->forkDevice(phone_, req).error().code, StatusCode::INVALID_ARGUMENT);
}

INSTANTIATE_TEST_SUITE_P(Stores, DeviceForkTest, everyStore(), storeTestName);

}  // namespace
}  // namespace nextstep::server::test
