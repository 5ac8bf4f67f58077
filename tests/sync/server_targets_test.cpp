// What `--server` and the app's server field accept: one HOST:PORT, or replicas separated by
// commas, each checked, in the order given.
#include <gtest/gtest.h>

#include "nextstep/sync/grpc_transport.h"

namespace nextstep::sync {
namespace {

using Targets = std::vector<std::string>;

TEST(ServerTargets, OneAddressOrSeveralInTheOrderGiven) {
  EXPECT_EQ(serverTargets("sync.example.com:443").value(), Targets{"sync.example.com:443"});
  EXPECT_EQ(serverTargets("a.example.com:7443,b.example.com:7443").value(),
            (Targets{"a.example.com:7443", "b.example.com:7443"}));
  EXPECT_EQ(serverTargets(" 127.0.0.1:1 , [::1]:2 ").value(), (Targets{"127.0.0.1:1", "[::1]:2"}));
}

TEST(ServerTargets, AnythingElseIsRefusedNamingThePartThatIsWrong) {
  for (const char* bad : {"", "sync.example.com", ":443", "host:", "host:0", "host:65536",
                          "host:44x", "a:1,", ",a:1", "a:1,,b:2", "a b:1", "[::1:2"}) {
    auto targets = serverTargets(bad);
    ASSERT_FALSE(targets.ok()) << "'" << bad << "' was accepted";
    EXPECT_EQ(targets.error().code, ErrorCode::kInvalidArgument);
    EXPECT_NE(targets.error().message.find("must be HOST:PORT"), std::string::npos)
        << targets.error().message;
  }
  auto twice = serverTargets("a:1,a:1");
  ASSERT_FALSE(twice.ok());
  EXPECT_EQ(twice.error().message, "server address 'a:1' is given twice");
}

}  // namespace
}  // namespace nextstep::sync
