// A new device starts from the team's snapshot instead of replaying the log, on both stores.
#include <algorithm>
#include <chrono>
#include <fstream>
#include <initializer_list>
#include <string_view>
#include <thread>

#include "faulty_link.h"
#include "team_on_loopback.h"

namespace nextstep::testing {
namespace {

class TeamSnapshot : public TeamOnLoopback, public ::testing::WithParamInterface<StoreKind> {
 protected:
  TeamSnapshot() : TeamOnLoopback(GetParam()) {}
  void SetUp() override {
    TeamOnLoopback::SetUp();
    if (IsSkipped()) return;
    addUser("alpha", "ana@alpha.example");
    addUser("alpha", "ben@alpha.example");
    // Any team with a log gets a snapshot; PostgreSQL keeps them only where told.
    std::vector<std::string> args{"--snapshot-min-ops", "1", "--snapshots", snapshots().string()};
    args.insert(args.end(), server_extra_.begin(), server_extra_.end());
    startServer(args);
  }
  // The lines of the server's log that hold every one of `words`.
  int serverLogLines(std::initializer_list<std::string_view> words) {
    std::ifstream log(dir_ / ("server-" + std::to_string(starts_) + ".log"));
    int n = 0;
    for (std::string line; std::getline(log, line);) {
      n += std::all_of(words.begin(), words.end(),
                       [&](std::string_view w) { return line.find(w) != std::string::npos; });
    }
    return n;
  }
  // How many times the server's log says it compacted a team's log, once it said so `at_least`
  // times (within ten seconds).
  int compactions(int at_least) {
    int n = 0;
    for (int i = 0; i < 200 && (n = serverLogLines({"\"log_compacted\""})) < at_least; ++i) {
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    return n;
  }
  std::vector<std::string> server_extra_;
  std::filesystem::path snapshots() const { return dir_ / "snapshots"; }
  // Whether the server has written a snapshot file, within ten seconds.
  bool snapshotWritten() {
    for (int i = 0; i < 200; ++i) {
      std::error_code ec;
      for (const auto& entry : std::filesystem::directory_iterator(snapshots(), ec)) {
        const std::string name = entry.path().filename().string();
        if (name.starts_with("team-") && name.find("-v") != std::string::npos) return true;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    return false;
  }
  // The download's size: the newest snapshot's zstd frame, as a device that reads one gets it.
  std::uintmax_t compressedSnapshotBytes() {
    std::uintmax_t bytes = 0;
    std::error_code ec;
    for (const auto& entry : std::filesystem::directory_iterator(snapshots(), ec)) {
      if (entry.path().extension() == ".zst") bytes = std::max(bytes, entry.file_size());
    }
    return bytes;
  }
  // Whether the server's log says it sent a snapshot as a zstd frame.
  bool sentCompressed() {
    return serverLogLines({"\"stream_start\"", "\"compressed_bytes\""}) >
           serverLogLines({"\"stream_start\"", "\"compressed_bytes\":0"});
  }
  nlohmann::json deals(const std::string& name) {
    return deviceJson(name, {"deal", "list", "--status", "all", "--limit", "0"});
  }
};

TEST_P(TeamSnapshot, ANewDeviceStartsFromTheSnapshotThenFollowsTheLog) {
  login("phone", "ana@alpha.example");
  const std::string pilot = addFleetPilot("phone");
  device("phone", {"deal", "add", "--title", "Harbour cranes", "--account", "Nordlys"});
  device("phone", {"sync"});

  // The first device to join finds no snapshot yet: it reads the log, and one is built.
  login("laptop", "ben@alpha.example");
  EXPECT_EQ(deviceJson("laptop", {"sync"})["snapshot_rows"], 0);
  ASSERT_TRUE(snapshotWritten());

  // Written after the snapshot: it reaches the next device through the log.
  device("phone", {"deal", "set", pilot, "--stage", "proposal"});
  device("phone", {"deal", "add", "--title", "Depot lighting", "--account", "Fjord"});
  device("phone", {"sync"});

  login("tablet", "ana@alpha.example");
  const auto synced = deviceJson("tablet", {"sync"});
  EXPECT_GT(synced["snapshot_rows"], 0) << synced.dump();
  EXPECT_TRUE(sentCompressed()) << "a device reads the snapshot's zstd frame";
  EXPECT_EQ(deals("tablet"), deals("phone"));
  EXPECT_EQ(dealTitles(deals("tablet")),
            (std::set<std::string>{"Fleet pilot", "Harbour cranes", "Depot lighting"}));
  const auto shown = deviceJson("tablet", {"deal", "show", pilot});
  EXPECT_EQ(shown["deal"]["stage"], "proposal");
  EXPECT_EQ(shown["next_step"]["place"], "Oslo");
  // The search index came with it.
  EXPECT_NE(device("tablet", {"search", "Harbour"}).find("Harbour cranes"), std::string::npos);

  // The tablet is a device of its own: its edit reaches the others, nothing of the mirror's.
  device("tablet", {"deal", "set", pilot, "--stage", "negotiation"});
  EXPECT_EQ(deviceJson("tablet", {"sync"})["pushed"], 1);
  device("phone", {"sync"});
  device("laptop", {"sync"});
  EXPECT_EQ(deviceJson("phone", {"deal", "show", pilot})["deal"]["stage"], "negotiation");
  EXPECT_EQ(deals("laptop"), deals("tablet"));
  // Signed in still: a second sync is an ordinary one.
  EXPECT_EQ(deviceJson("tablet", {"sync"})["snapshot_rows"], 0);
}

TEST_P(TeamSnapshot, ADeviceWithChangesOfItsOwnSendsThemFirstAndLosesNothing) {
  login("phone", "ana@alpha.example");
  device("phone", {"deal", "add", "--title", "Fleet pilot", "--account", "Fjord"});
  device("phone", {"sync"});
  login("laptop", "ben@alpha.example");
  device("laptop", {"sync"});
  ASSERT_TRUE(snapshotWritten());

  // Written before its first sync: sent before the snapshot takes the database's place.
  login("tablet", "ana@alpha.example");
  device("tablet", {"deal", "add", "--title", "Written offline", "--account", "Nordlys"});
  const auto synced = deviceJson("tablet", {"sync"});
  EXPECT_GT(synced["snapshot_rows"], 0) << synced.dump();
  EXPECT_EQ(synced["pushed"], 2) << "the deal and its new account";
  EXPECT_EQ(dealTitles(deals("tablet")), (std::set<std::string>{"Fleet pilot", "Written offline"}));
  device("phone", {"sync"});
  EXPECT_EQ(deals("phone"), deals("tablet"));
  // Still itself: its next change is not taken for a copy's.
  device("tablet", {"deal", "add", "--title", "Written after", "--account", "Nordlys"});
  const auto again = deviceJson("tablet", {"sync"});
  EXPECT_EQ(again["pushed"], 1);
  EXPECT_TRUE(again["new_device"].is_null()) << again.dump();
}

TEST_P(TeamSnapshot, ADownloadCutShortLeavesNothingBehindAndLosesNothing) {
  login("phone", "ana@alpha.example");
  addFleetPilot("phone");
  device("phone", {"deal", "add", "--title", "Harbour cranes", "--account", "Nordlys"});
  device("phone", {"sync"});
  login("laptop", "ben@alpha.example");
  device("laptop", {"sync"});
  ASSERT_TRUE(snapshotWritten());

  auto link = FaultyLink::open(port());
  ASSERT_TRUE(link.ok()) << link.error().message;
  const ProgramRun signed_in =
      tryDevice("tablet", {"login", "--server", (*link)->address(), "--email", "ana@alpha.example"},
                std::string(kPassword) + "\n");
  ASSERT_EQ(signed_in.exit_code, 0) << signed_in.err;
  // Halfway through the download (a small team's snapshot is some ten KB as a zstd frame, after
  // a few KB of sign-in and handshake): the stream breaks mid-file.
  const std::uintmax_t frame = compressedSnapshotBytes();
  ASSERT_GT(frame, 4'000u);
  (*link)->strikeAfter(Direction::kToClient, 3'000 + frame / 2, Fault::kReset);
  tryDevice("tablet", {"sync"});  // tried again, or the log read, or the round failed: any is fine
  EXPECT_EQ((*link)->strikes(), 1);
  device("tablet", {"sync"});

  EXPECT_EQ(deals("tablet"), deals("phone"));
  EXPECT_FALSE(std::filesystem::exists(dbOf("tablet") + ".snapshot"));
  EXPECT_EQ(deviceJson("tablet", {"check"})["ok"], true);
}

INSTANTIATE_TEST_SUITE_P(Stores, TeamSnapshot, everyStore(), storeTestName);

// The server keeps only the newest two operations of the log behind each new snapshot, and
// builds a new snapshot whenever a device asks for one and the log moved on.
class TeamLogCompaction : public TeamSnapshot {
 protected:
  TeamLogCompaction() { server_extra_ = {"--keep-log-ops", "2", "--snapshot-refresh-ops", "1"}; }
};

TEST_P(TeamLogCompaction, ADeviceAwayPastACompactionStartsAgainAndItsUnsentChangesReachTheTeam) {
  login("phone", "ana@alpha.example");
  const std::string pilot = addFleetPilot("phone");
  device("phone", {"deal", "add", "--title", "Harbour cranes", "--account", "Nordlys"});
  device("phone", {"sync"});
  login("laptop", "ben@alpha.example");
  device("laptop", {"sync"});
  ASSERT_GE(compactions(1), 1);

  // The laptop goes on the road: written there, not sent.
  device("laptop", {"deal", "add", "--title", "Written on the road", "--account", "Fjord"});
  device("laptop", {"deal", "set", pilot, "--stage", "proposal"});
  // Meanwhile the team works on, a new rep joins, and the log is compacted past the laptop.
  for (const char* title : {"Depot lighting", "Quay sensors", "Tunnel fans"}) {
    device("phone", {"deal", "add", "--title", title, "--account", "Fjord"});
  }
  device("phone", {"deal", "set", pilot, "--value", "120000"});
  device("phone", {"sync"});
  login("tablet", "ana@alpha.example");
  device("tablet", {"sync"});
  ASSERT_GE(compactions(2), 2);

  const auto back = deviceJson("laptop", {"sync"});
  EXPECT_EQ(back["past_log_start"], true) << back.dump();
  EXPECT_GT(back["snapshot_rows"], 0) << back.dump();
  EXPECT_EQ(back["pushed"], 2) << "the deal and the stage: " << back.dump();
  EXPECT_TRUE(back["new_device"].is_null()) << back.dump();
  device("phone", {"sync"});
  device("tablet", {"sync"});
  EXPECT_EQ(deals("laptop"), deals("phone"));
  EXPECT_EQ(deals("tablet"), deals("phone"));
  EXPECT_EQ(dealTitles(deals("laptop")),
            (std::set<std::string>{"Fleet pilot", "Harbour cranes", "Depot lighting",
                                   "Quay sensors", "Tunnel fans", "Written on the road"}));
  const auto shown = deviceJson("laptop", {"deal", "show", pilot});
  EXPECT_EQ(shown["deal"]["stage"], "proposal");
  EXPECT_EQ(shown["next_step"]["place"], "Oslo");
  EXPECT_EQ(deviceJson("laptop", {"check"})["ok"], true);

  // The same device still: its next change reaches the team as its own.
  device("laptop", {"deal", "set", pilot, "--stage", "negotiation"});
  EXPECT_EQ(deviceJson("laptop", {"sync"})["pushed"], 1);
  device("phone", {"sync"});
  EXPECT_EQ(deviceJson("phone", {"deal", "show", pilot})["deal"]["stage"], "negotiation");
}

INSTANTIATE_TEST_SUITE_P(Stores, TeamLogCompaction, everyStore(), storeTestName);

}  // namespace
}  // namespace nextstep::testing
