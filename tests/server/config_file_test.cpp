// The server's options from a file (--config), as a service's deployment keeps them: the file's
// options apply, a flag given beside it wins, and a missing file or an unknown key stops the
// server with the reason instead of starting it on defaults.
#include <gtest/gtest.h>

#include <fstream>

#include "server_process.h"

namespace nextstep::server::test {
namespace {

class ConfigFileTest : public ProcessTest {
 protected:
  std::string writeConfig(const std::string& text) {
    const auto path = dir_ / "server.toml";
    std::ofstream(path) << text;
    return path.string();
  }
};

TEST_F(ConfigFileTest, TheFilesOptionsApplyAndAFlagWinsOverThem) {
  const std::string config =
      writeConfig("listen = \"0.0.0.0:0\"\ndata = \"" + data_.string() + "\"\n");
  // Off loopback without TLS is refused: the file's address was read.
  const CommandRun refused = runProgram({"--config", config});
  EXPECT_EQ(refused.exit_code, 2);
  EXPECT_NE(refused.err.find("loopback"), std::string::npos) << refused.err;

  // The same file with the address as a flag: it starts and serves the file's data folder.
  const std::string ann = userToken("north", "ann@example.com");
  startServer({"--config", config, "--listen", "127.0.0.1:0"});
  auto plain = stub(grpc::InsecureChannelCredentials());
  EXPECT_EQ(handshake(*plain, ann, 0xa1).team(), "north");
}

TEST_F(ConfigFileTest, AMissingFileOrAnUnknownKeyIsAClearError) {
  const std::string missing = (dir_ / "none.toml").string();
  const CommandRun no_file = runProgram({"--config", missing});
  EXPECT_EQ(no_file.exit_code, 2);
  EXPECT_NE(no_file.err.find("none.toml"), std::string::npos) << no_file.err;
  EXPECT_EQ(no_file.out, "");

  const std::string config = writeConfig("listen = \"127.0.0.1:0\"\nheartbeat-secs = 5\n");
  const CommandRun misspelt = runProgram({"--config", config, "--data", data_.string()});
  EXPECT_EQ(misspelt.exit_code, 2);
  EXPECT_NE(misspelt.err.find("does not know: heartbeat-secs"), std::string::npos) << misspelt.err;
  EXPECT_EQ(misspelt.out, "");
}

// Compaction drops the log a snapshot covers: a server with nowhere to keep snapshots (PostgreSQL
// without --snapshots) would drop what no device could start from again.
TEST_F(ConfigFileTest, CompactionWithNowhereToKeepSnapshotsIsRefusedBeforeAnythingStarts) {
  const CommandRun refused =
      runProgram({"--store", "postgresql://nobody@127.0.0.1:1/none", "--keep-log-ops", "5000"});
  EXPECT_EQ(refused.exit_code, 2);
  EXPECT_NE(refused.err.find("--keep-log-ops"), std::string::npos) << refused.err;
  EXPECT_NE(refused.err.find("--snapshots DIR"), std::string::npos) << refused.err;
}

}  // namespace
}  // namespace nextstep::server::test
