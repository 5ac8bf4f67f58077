#include <signal.h>

#include <chrono>
#include <fstream>
#include <set>
#include <thread>

#include "team_on_loopback.h"

namespace nextstep::testing {
namespace {

// Every test on both stores: the embedded one and PostgreSQL.
class SyncIntegration : public TeamOnLoopback, public ::testing::WithParamInterface<StoreKind> {
 protected:
  SyncIntegration() : TeamOnLoopback(GetParam()) {}
  void SetUp() override {
    TeamOnLoopback::SetUp();
    if (IsSkipped()) return;
    addUser("alpha", "ana@alpha.example");
    addUser("alpha", "ben@alpha.example");
    addUser("beta", "cy@beta.example");
    startServer();
  }
  nlohmann::json deals(const std::string& name) {
    return deviceJson(name, {"deal", "list", "--status", "all", "--limit", "0"});
  }
};

TEST_P(SyncIntegration, TwoRepsEditOfflineThenConverge) {
  login("phone", "ana@alpha.example");
  login("laptop", "ben@alpha.example");
  // Offline, on both devices.
  const std::string pilot = addFleetPilot("phone");
  device("laptop", {"deal", "add", "--title", "Warehouse rollout", "--account", "Nordlys"});
  device("phone", {"sync"});
  device("laptop", {"sync"});
  // Both change the pilot; the laptop's later value wins, the phone's stays in the archive.
  device("phone", {"deal", "set", pilot, "--stage", "proposal"});
  std::this_thread::sleep_for(std::chrono::milliseconds(20));
  device("laptop", {"deal", "set", pilot, "--stage", "negotiation", "--value", "52000"});
  for (const char* d : {"phone", "laptop", "phone"}) device(d, {"sync"});

  const auto onPhone = deals("phone");
  const auto onLaptop = deals("laptop");
  EXPECT_EQ(onPhone, onLaptop);
  EXPECT_EQ(dealTitles(onPhone), (std::set<std::string>{"Fleet pilot", "Warehouse rollout"}));
  const auto shown = deviceJson("laptop", {"deal", "show", pilot});
  EXPECT_EQ(shown["deal"]["stage"], "negotiation");
  EXPECT_EQ(shown["next_step"]["place"], "Oslo");
  EXPECT_EQ(shown["next_step"]["tz"], "Europe/Berlin");
  const auto conflicts = deviceJson("phone", {"conflicts"});
  ASSERT_EQ(conflicts["count"], 1);
  EXPECT_EQ(conflicts["conflicts"][0]["lost"], "proposal");
  EXPECT_EQ(conflicts["conflicts"][0]["kept_by"], "ben@alpha.example");
  // Restoring the lost value is a new change that reaches everyone.
  device("phone", {"conflicts", "restore", conflicts["conflicts"][0]["id"]});
  device("phone", {"sync"});
  device("laptop", {"sync"});
  EXPECT_EQ(deviceJson("laptop", {"deal", "show", pilot})["deal"]["stage"], "proposal");
  // The laptop found the same conflict; the restore closed it there too, and the phone.
  EXPECT_EQ(deviceJson("laptop", {"conflicts"})["count"], 0);
  EXPECT_EQ(deviceJson("phone", {"conflicts"})["count"], 0);
}

TEST_P(SyncIntegration, KeepOnOneDeviceLeavesTheConflictListOfEveryDevice) {
  login("phone", "ana@alpha.example");
  login("laptop", "ben@alpha.example");
  const std::string pilot = device("phone", {"deal", "add", "--title", "Fleet pilot"});
  device("phone", {"sync"});
  device("laptop", {"sync"});
  device("phone", {"deal", "set", pilot, "--stage", "proposal"});
  std::this_thread::sleep_for(std::chrono::milliseconds(20));
  device("laptop", {"deal", "set", pilot, "--stage", "negotiation"});
  for (const char* d : {"phone", "laptop", "phone"}) device(d, {"sync"});
  const auto onPhone = deviceJson("phone", {"conflicts"});
  const auto onLaptop = deviceJson("laptop", {"conflicts"});
  ASSERT_EQ(onPhone["count"], 1);
  ASSERT_EQ(onLaptop["count"], 1);
  EXPECT_EQ(onPhone["conflicts"][0]["id"], onLaptop["conflicts"][0]["id"]) << "one conflict";

  device("laptop", {"conflicts", "dismiss", onLaptop["conflicts"][0]["id"]});
  device("laptop", {"sync"});
  device("phone", {"sync"});
  EXPECT_EQ(deviceJson("phone", {"conflicts"})["count"], 0) << "kept on the laptop";
  EXPECT_EQ(deviceJson("laptop", {"conflicts"})["count"], 0);
  EXPECT_EQ(deviceJson("phone", {"deal", "show", pilot})["deal"]["stage"], "negotiation");
  // A later edit on the phone then starts no new conflict anywhere.
  device("phone", {"deal", "set", pilot, "--stage", "verbal"});
  device("phone", {"sync"});
  device("laptop", {"sync"});
  EXPECT_EQ(deviceJson("laptop", {"conflicts"})["count"], 0);
  EXPECT_EQ(deviceJson("laptop", {"deal", "show", pilot})["deal"]["stage"], "verbal");
}

TEST_P(SyncIntegration, TwoTeamsCannotSeeEachOther) {
  login("ana", "ana@alpha.example");
  login("cy", "cy@beta.example");
  device("ana", {"deal", "add", "--title", "Alpha secret"});
  device("cy", {"deal", "add", "--title", "Beta secret"});
  for (const char* d : {"ana", "cy", "ana", "cy"}) device(d, {"sync"});
  EXPECT_EQ(dealTitles(deals("ana")), std::set<std::string>{"Alpha secret"});
  EXPECT_EQ(dealTitles(deals("cy")), std::set<std::string>{"Beta secret"});
  // A token of one team is refused on the other's data: the server knows the caller's team only.
  const ProgramRun wrong =
      tryDevice("intruder", {"sync", "--server", address(), "--token", "not-a-token"});
  EXPECT_EQ(wrong.exit_code, 1);
  EXPECT_NE(wrong.err.find("signed out"), std::string::npos) << wrong.err;
}

TEST_P(SyncIntegration, WrongPasswordIsRefusedAndNothingIsStored) {
  const ProgramRun r =
      tryDevice("phone", {"login", "--server", address(), "--email", "ana@alpha.example"},
                "wrong password\n");
  EXPECT_EQ(r.exit_code, 1);
  const ProgramRun sync = tryDevice("phone", {"sync"});
  EXPECT_NE(sync.exit_code, 0);
  EXPECT_NE(sync.err.find("log in first"), std::string::npos) << sync.err;
}

TEST_P(SyncIntegration, AServerThatIsDownLosesNoLocalChange) {
  login("phone", "ana@alpha.example");
  killServer();
  device("phone", {"deal", "add", "--title", "Booked in a basement"});
  const ProgramRun r = tryDevice("phone", {"sync"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("offline"), std::string::npos) << r.err;
  EXPECT_EQ(deviceJson("phone", {"check"})["pending_changes"], 1);
  startServer();
  device("phone", {"sync"});
  EXPECT_EQ(deviceJson("phone", {"check"})["pending_changes"], 0);
}

TEST_P(SyncIntegration, TlsWithACertificateMadeByOpenssl) {
  const std::string key = (dir_ / "server.key").string(), cert = (dir_ / "server.pem").string();
  const ProgramRun made = runProgram(
      "/usr/bin/openssl",
      {"req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=localhost",
       "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1", "-keyout", key, "-out", cert});
  ASSERT_EQ(made.exit_code, 0) << made.err;
  killServer();
  address_.clear();
  startServer({"--tls-cert", cert, "--tls-key", key});
  login("phone", "ana@alpha.example", {"--ca", cert});
  device("phone", {"deal", "add", "--title", "Over TLS"});
  device("phone", {"sync"});
  login("laptop", "ben@alpha.example", {"--ca", cert});
  device("laptop", {"sync"});
  EXPECT_EQ(dealTitles(deals("laptop")), std::set<std::string>{"Over TLS"});
  // Plain text to a TLS server gets nowhere.
  const ProgramRun plain =
      tryDevice("plain", {"login", "--server", address(), "--email", "ana@alpha.example"},
                std::string(kPassword) + "\n");
  EXPECT_EQ(plain.exit_code, 1) << plain.out;
}

// The server dies with kill -9 again and again while a device pushes; the device's live sync
// recovers by itself, and every change it was told was stored is on the server.
TEST_P(SyncIntegration, KillNineDuringPushesLosesNoAcknowledgedChange) {
  login("phone", "ana@alpha.example");
  BackgroundProgram watcher(NEXTSTEP_CLI_BINARY,
                            {"--db", dbOf("phone"), "sync", "--watch", "--json"},
                            dir_ / "watch.log");
  int added = 0;
  for (int round = 0; round < 5; ++round) {
    for (int i = 0; i < 12; ++i) {
      device("phone",
             {"deal", "add", "--title", "Deal " + std::to_string(round) + "-" + std::to_string(i)});
      ++added;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(150 + 90 * round));
    killServer();
    device("phone",
           {"deal", "add", "--title", "Offline " + std::to_string(round)});  // while it is down
    ++added;
    startServer();
  }
  // The watcher pushes the rest by itself once it reconnects: within its longest back-off (30 s)
  // after the server is back, twice over for a loaded CI machine.
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(90);
  while (deviceJson("phone", {"check"})["pending_changes"] != 0 &&
         std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
  }
  EXPECT_EQ(deviceJson("phone", {"check"})["pending_changes"], 0) << "the watcher did not recover";
  watcher.signal(SIGTERM);
  EXPECT_EQ(watcher.wait(), 0);
  login("laptop", "ben@alpha.example");
  device("laptop", {"sync"});
  const auto onLaptop = deals("laptop");
  EXPECT_EQ(onLaptop["count"], added);
  EXPECT_EQ(dealTitles(onLaptop), dealTitles(deals("phone")));
}

INSTANTIATE_TEST_SUITE_P(Stores, SyncIntegration, everyStore(), storeTestName);

}  // namespace
}  // namespace nextstep::testing
