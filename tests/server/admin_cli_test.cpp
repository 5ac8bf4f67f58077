// The admin commands of the real program: what they print, and one clear line for bad input.
#include <gtest/gtest.h>

#include "server_process.h"

namespace nextstep::server::test {
namespace {

class AdminCliTest : public ProcessTest {
 protected:
  // Fails with exactly one line on stderr and nothing on stdout.
  void expectRefused(const std::vector<std::string>& args, const std::string& stdin_text,
                     const std::string& mentions) {
    const CommandRun run = runProgram(args, stdin_text);
    EXPECT_NE(run.exit_code, 0);
    EXPECT_EQ(run.out, "");
    EXPECT_EQ(std::count(run.err.begin(), run.err.end(), '\n'), 1) << run.err;
    EXPECT_NE(run.err.find(mentions), std::string::npos) << run.err;
  }
  std::vector<std::string> adminArgs(std::vector<std::string> rest) const {
    std::vector<std::string> args = {"admin", "--data", data_.string()};
    args.insert(args.end(), rest.begin(), rest.end());
    return args;
  }
};

TEST_F(AdminCliTest, CreatesTeamsUsersAndTokens) {
  EXPECT_EQ(admin({"create-team", "north"}), "created team north");
  EXPECT_EQ(admin({"add-user", "--team", "north", "--email", "ann@example.com"}, "password123\n"),
            "added ann@example.com to team north");
  const std::string token = admin({"issue-token", "--team", "north", "--email", "ann@example.com"});
  EXPECT_EQ(token.rfind("nst1_", 0), 0u);
  EXPECT_GE(token.size(), 40u);
  EXPECT_NE(token, admin({"issue-token", "--team", "north", "--email", "ann@example.com"}));
  EXPECT_EQ(admin({"revoke-tokens", "--email", "ann@example.com"}),
            "revoked 2 tokens of ann@example.com");
  EXPECT_TRUE(std::filesystem::exists(data_ / "nextstep-server.db"));
}

TEST_F(AdminCliTest, BadInputIsOneClearLine) {
  admin({"create-team", "north"});
  expectRefused(adminArgs({"create-team", "north"}), "", "already exists");
  expectRefused(adminArgs({"create-team", ""}), "", "team name");
  expectRefused(adminArgs({"add-user", "--team", "north", "--email", "ann@example.com"}), "short\n",
                "at least 8");
  expectRefused(adminArgs({"add-user", "--team", "south", "--email", "ann@example.com"}),
                "password123\n", "no team");
  expectRefused(adminArgs({"add-user", "--team", "north", "--email", "nobody"}), "password123\n",
                "not an email");
  expectRefused(adminArgs({"issue-token", "--team", "north", "--email", "bob@example.com"}), "",
                "no user");
  expectRefused(adminArgs({"revoke-tokens", "--email", "bob@example.com"}), "", "no user");
  expectRefused(adminArgs({"add-user", "--team", "north"}), "", "--email");
  expectRefused({"admin", "create-team", "x"}, "", "--data");
  expectRefused({"--listen", "127.0.0.1:0"}, "", "--data");
  expectRefused({"--data", data_.string(), "--bogus"}, "", "--bogus");
  expectRefused({"--data", data_.string(), "--listen", "nowhere"}, "", "HOST:PORT");
}

TEST_F(AdminCliTest, AStoreUrlThatIsWrongOrUnreachableIsOneClearLine) {
  const std::string nobody_listens = "postgresql://postgres@127.0.0.1:1/nextstep";
  expectRefused({"--store", "mysql://root@127.0.0.1/nextstep"}, "", "postgresql://");
  expectRefused({"--data", data_.string(), "--store", nobody_listens}, "", "not both");
  expectRefused({"--store", nobody_listens, "--listen", "127.0.0.1:0"}, "", "cannot be reached");
  expectRefused({"admin", "--store", nobody_listens, "create-team", "north"}, "",
                "cannot be reached");
}

}  // namespace
}  // namespace nextstep::server::test
