// A device whose token is old enough is told so at its handshake, renews it, and keeps syncing
// with the new one after the old one would have expired. Real server process, real CLI devices;
// a lifetime of seconds (--token-lifetime-days 0.0003: 25.9 s, renewal from 6.5 s).
#include <chrono>
#include <optional>
#include <string>
#include <thread>

#include "nextstep/storage/store.h"
#include "nextstep/sync/replica.h"
#include "nextstep/sync/sync_account.h"
#include "team_on_loopback.h"

namespace nextstep::testing {
namespace {

using Clock = std::chrono::steady_clock;

class TokenRotation : public TeamOnLoopback {
 protected:
  std::optional<std::string> tokenOf(const std::string& name) {
    auto store = Store::open({dbOf(name), false});
    EXPECT_TRUE(store.ok()) << store.error().message;
    if (!store) return std::nullopt;
    auto token = sync::SyncAccount(**store).token();
    EXPECT_TRUE(token.ok());
    return token ? *token : std::nullopt;
  }
};

TEST_F(TokenRotation, AClientToldToRotateSyncsOnWithItsNewToken) {
  addUser("alpha", "ana@alpha.example");
  addUser("alpha", "ben@alpha.example");
  startServer({"--token-lifetime-days", "0.0003"});
  login("laptop", "ben@alpha.example");
  login("phone", "ana@alpha.example");
  // Both tokens were issued by now (logins can be slow on a busy machine): the waits count
  // from here.
  const auto signed_in = Clock::now();
  const auto first = tokenOf("phone");
  ASSERT_TRUE(first.has_value());
  device("phone", {"sync"});
  EXPECT_EQ(tokenOf("phone"), first);  // young: kept

  std::this_thread::sleep_until(signed_in + std::chrono::milliseconds(7000));
  device("phone", {"sync"});  // told to rotate
  const auto second = tokenOf("phone");
  ASSERT_TRUE(second.has_value());
  EXPECT_NE(*second, *first);

  // Past the first token's expiry: only the renewed token can still sync.
  std::this_thread::sleep_until(signed_in + std::chrono::milliseconds(27'000));
  const std::string deal = device("phone", {"deal", "add", "--title", "Fleet pilot"});
  const ProgramRun sync = tryDevice("phone", {"sync"});
  EXPECT_EQ(sync.exit_code, 0) << sync.err;
  // The laptop, never renewed, is now refused and told to sign in again.
  const ProgramRun stale = tryDevice("laptop", {"sync"});
  EXPECT_NE(stale.exit_code, 0);
  EXPECT_NE((stale.out + stale.err).find("token expired"), std::string::npos)
      << stale.out << stale.err;
  login("laptop", "ben@alpha.example");
  device("laptop", {"sync"});
  EXPECT_EQ(deviceJson("laptop", {"deal", "show", deal})["deal"]["title"].get<std::string>(),
            "Fleet pilot");
}

}  // namespace
}  // namespace nextstep::testing
