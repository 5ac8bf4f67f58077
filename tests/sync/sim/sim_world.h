// A deterministic world for the sync simulator: the real server service and several devices with
// real databases, a seeded network that drops, duplicates and replays messages, device clocks
// that drift, and devices that die and restart. A failing seed replays exactly.
#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <random>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "nextstep/storage/store.h"
#include "nextstep/sync/replica.h"
#include "nextstep/sync/transport.h"
#include "server_store.h"
#include "sync_service.h"
#include "team_snapshots.h"

namespace nextstep::sim {

struct Faults {
  double drop_request = 0.08;  // lost before the server saw it
  double drop_reply = 0.08;    // the server acted, the device never heard
  double duplicate = 0.08;     // the server gets the same request twice
  double replay_push = 0.05;   // an old push arrives again later
  double stale_page = 0.05;    // an old pull answer arrives instead of the fresh one
  double fail_midway = 0.03;   // the connection breaks in the middle of a round
};

struct SimOptions {
  std::uint32_t seed = 1;
  int devices = 3;
  int steps = 160;
  bool restores = true;  // devices restored from their backups now and then
  // The server compacts the team's log now and then, keeping only its newest few operations: a
  // device away since then starts again from the snapshot.
  bool compactions = true;
  Faults faults;
  // The server's store: a fresh PostgreSQL database's URL, or empty for the embedded SQLite one.
  std::string server_store_url;
};

class World;

// One device: its database file, its clock and its connection to the server.
struct Device {
  int index = 0;
  std::string path;
  std::int64_t clock_offset_ms = 0;  // how wrong this device's clock is
  std::unique_ptr<Store> store;
  server::Caller caller;
  std::string token;
  // (device id, device_seq) the server told this device it stored; the id changes when a
  // restored database continues as a new device.
  std::set<std::pair<DeviceId, std::int64_t>> acknowledged;
  bool has_backup = false;
  int forks = 0;
  std::vector<server::pb::PushRequest> sent;  // for replays
  // Earlier answers and the position each was asked from, for stale answers.
  std::vector<std::pair<std::uint64_t, sync::PullReply>> pages;
};

class World {
 public:
  explicit World(SimOptions options);
  ~World();

  void run();  // random steps, then quiescence and the checks
  // What went wrong, one line each; empty when the world converged and lost nothing.
  const std::vector<std::string>& failures() const { return failures_; }
  std::string summary() const;
  // Closes the server's service and store (no step may follow) and returns the folder of its
  // embedded store, which lasts as long as the world: a database made by the simulator.
  std::filesystem::path closeServerStore();

  // Used by the devices' transport.
  std::mt19937_64& rng() { return rng_; }
  bool chance(double p);
  server::SyncService& service() { return *service_; }
  // The team's snapshot built now, the log it may compact kept for the checks first.
  Result<server::SnapshotRef> buildSnapshot();
  const Faults& faults() const { return faults_; }
  bool faultsOn() const { return faults_on_; }
  std::int64_t nowMs() const { return now_ms_; }

 private:
  // A new rep's device joins the team late: its first sync may start from the team's snapshot.
  void addDevice(const std::string& email);
  void openDevice(Device& d);
  void restart(Device& d);
  void syncDevice(Device& d);
  void replayOldPush();
  void compactLog();
  void backupOrRestore(Device& d);
  void quiesce();
  void checkConvergence();
  void checkNothingLost();
  void checkArchive();
  // Everything the team's log ever held, in version order: the checks read it whole, and
  // compaction drops its front.
  const std::vector<server::LoggedOp>& wholeLog();
  std::string dump(Store& store);

  SimOptions options_;
  Faults faults_;
  bool faults_on_ = true;
  std::mt19937_64 rng_;
  std::int64_t now_ms_;
  std::filesystem::path dir_;
  std::unique_ptr<server::ServerStore> server_store_;
  std::unique_ptr<server::SyncService> service_;
  std::unique_ptr<server::TeamSnapshots> snapshots_;
  std::vector<Device> devices_;
  std::vector<server::LoggedOp> history_;  // see wholeLog()
  std::vector<std::string> failures_;
  std::map<std::string, int> counts_;
};

}  // namespace nextstep::sim
