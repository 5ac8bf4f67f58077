// A token goes in plain text only to this machine: decided from where the name resolves.
#include "nextstep/sync/loopback_target.h"

#include <gtest/gtest.h>

namespace nextstep::sync {
namespace {

TEST(LoopbackTarget, LoopbackAddressesAndLocalhostArePlainTextSafe) {
  EXPECT_EQ(loopbackTarget("127.0.0.1:7443"), "127.0.0.1:7443");
  EXPECT_EQ(loopbackTarget("127.1.2.3:7443"), "127.1.2.3:7443");
  EXPECT_EQ(loopbackTarget("[::1]:7443"), "[::1]:7443");
  // The connection goes to the address the check saw, not to a second lookup of the name.
  const auto local = loopbackTarget("localhost:7443");
  ASSERT_TRUE(local);
  EXPECT_TRUE(*local == "127.0.0.1:7443" || *local == "[::1]:7443") << *local;
}

TEST(LoopbackTarget, ANameThatOnlyLooksLocalIsNot) {
  EXPECT_FALSE(loopbackTarget("127.attacker.invalid:7443"));
  EXPECT_FALSE(loopbackTarget("127.0.0.1.attacker.invalid:7443"));
  EXPECT_FALSE(loopbackTarget("localhost.attacker.invalid:7443"));
  EXPECT_FALSE(loopbackTarget("10.0.0.1:7443"));
  EXPECT_FALSE(loopbackTarget("[2001:db8::1]:7443"));
  EXPECT_FALSE(loopbackTarget("127.0.0.1"));  // no port
  EXPECT_FALSE(loopbackTarget(":7443"));
}

}  // namespace
}  // namespace nextstep::sync
