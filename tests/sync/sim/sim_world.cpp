#include "sim_world.h"

#include <sstream>

#include "nextstep/data/backup.h"
#include "nextstep/model/ids.h"
#include "nextstep/storage/device_identity.h"
#include "nextstep/sync/device_session.h"
#include "nextstep/sync/sync_account.h"
#include "nextstep/sync/sync_round.h"
#include "random_edit.h"
#include "sim_transport.h"
#include "store_choice.h"
#include "token_auth.h"

namespace nextstep::sim {
namespace {

namespace fs = std::filesystem;

constexpr std::int64_t kStartMs = 1'795'000'000'000;  // late November 2026

}  // namespace

World::World(SimOptions options)
    : options_(options), faults_(options.faults), rng_(options.seed), now_ms_(kStartMs) {
  server::initCrypto();
  const fs::path base = fs::exists("/dev/shm") ? fs::path("/dev/shm") : fs::temp_directory_path();
  dir_ = base / ("nextstep-sim-" + std::to_string(options.seed) + "-" + std::to_string(::getpid()));
  fs::remove_all(dir_);
  fs::create_directories(dir_);
  seedIdsForTesting(options.seed * 7919 + 17);

  server_store_ =
      std::move(server::openServerStore({dir_ / "server", options.server_store_url}).value());
  service_ = std::make_unique<server::SyncService>(*server_store_, server::SyncLimits{},
                                                   [this] { return now_ms_; });
  const auto team = server_store_->createTeam("sim", now_ms_);
  (void)team;
  // Any team with a log has a snapshot: the newcomer below starts from one.
  snapshots_ = std::make_unique<server::TeamSnapshots>(
      *server_store_, dir_ / "snapshots",
      server::SnapshotPolicy{
          .min_ops = 1, .refresh_after_ops = 1, .keep_log_ops = options.compactions ? 12u : 0u});
  // Devices hold references to their slots (clocks), so the newcomer's is there from the start.
  devices_.reserve(static_cast<std::size_t>(options.devices) + 1);
  for (int i = 0; i < options.devices; ++i) addDevice("rep" + std::to_string(i) + "@sim.example");
}

void World::addDevice(const std::string& email) {
  Device& d = devices_.emplace_back();
  d.index = static_cast<int>(devices_.size()) - 1;
  d.path = (dir_ / ("device-" + std::to_string(d.index) + ".db")).string();
  // Clocks drift by up to a few seconds; now and then one is days ahead.
  std::uniform_int_distribution<std::int64_t> drift(-5000, 5000);
  d.clock_offset_ms = drift(rng_);
  if (d.index == 0 && chance(0.3)) d.clock_offset_ms += 3LL * 86'400'000;
  const server::UserId user =
      server_store_->addUser("sim", email, "not-a-real-hash", now_ms_).value();
  d.token = server::newBearerToken();
  (void)server_store_->addToken(user, server::tokenHash(d.token), now_ms_);
  d.caller = service_->authenticate(d.token).value();
  openDevice(d);
}

World::~World() {
  devices_.clear();
  snapshots_.reset();
  service_.reset();
  server_store_.reset();
  std::error_code ec;
  fs::remove_all(dir_, ec);
}

fs::path World::closeServerStore() {
  snapshots_.reset();
  service_.reset();
  server_store_.reset();
  return dir_ / "server";
}

bool World::chance(double p) { return std::uniform_real_distribution<double>(0, 1)(rng_) < p; }

void World::openDevice(Device& d) {
  d.store = std::move(
      Store::open({d.path, true, [this, &d] { return now_ms_ + d.clock_offset_ms; }}).value());
}

void World::restart(Device& d) {
  d.store.reset();
  openDevice(d);
  ++counts_["restarts"];
}

void World::syncDevice(Device& d) {
  const int failAfter =
      faults_on_ && chance(faults_.fail_midway) ? static_cast<int>(rng_() % 6) : -1;
  sync::Replica replica(*d.store);
  // The token is the database's, as in the real clients: a restored backup brings its own.
  if (auto stored = sync::SyncAccount(*d.store).token().value()) {
    d.token = *stored;
    d.caller = service_->authenticate(d.token).value();
  } else {
    // Never signed in (or restored from before it): a new sign-in for this database, as a rep
    // would do; the token binds to the database's own device at the handshake.
    d.token = server::newBearerToken();
    (void)server_store_->addToken(d.caller.user_id, server::tokenHash(d.token), now_ms_);
    d.caller = service_->authenticate(d.token).value();
    (void)sync::SyncAccount(*d.store).update([&](sync::AccountFields& a) {
      a.token = d.token;
      a.token_device.reset();
    });
  }
  SimTransport t(*this, d, failAfter);
  auto hello = sync::beginSession(replica, t);
  if (!hello) {
    ++counts_["failed_rounds"];
    if (hello.error().code != ErrorCode::kUnavailable) {
      failures_.push_back("device " + std::to_string(d.index) +
                          ": session failed: " + hello.error().message);
    }
    return;
  }
  auto round = sync::syncRound(replica, t, *hello);
  if (!round) {
    ++counts_["failed_rounds"];
    if (round.error().code != ErrorCode::kUnavailable) {
      failures_.push_back("device " + std::to_string(d.index) +
                          ": sync failed: " + round.error().message);
    }
    if (failAfter >= 0) restart(d);  // died while the connection broke
    return;
  }
  ++counts_["rounds"];
  if (round->snapshot.rows > 0) ++counts_["snapshot_starts"];
  if (round->snapshot.past_log_start) ++counts_["log_restarts"];
  if (!round->snapshot.why_not.empty()) ++counts_["snapshot_skipped"];
}

// A rep backs the device up now and then, and once in a while restores the last backup: the
// device's newer changes since are gone from it (the server has the acknowledged ones), its
// unsent ones at backup time come back, and its identity must not be reused.
void World::backupOrRestore(Device& d) {
  const std::string backup = d.path + ".backup";
  if (!d.has_backup || chance(0.5)) {
    d.has_backup = data::backupDatabase(*d.store, backup).ok();
    ++counts_["backups"];
    return;
  }
  auto restored = data::restoreDatabase(*d.store, backup, d.store->now());
  if (!restored) {
    failures_.push_back("device " + std::to_string(d.index) +
                        ": restore failed: " + restored.error().message);
    return;
  }
  std::error_code ec;
  std::filesystem::remove(restored->kept_aside, ec);
  ++counts_["restores"];
}

void World::replayOldPush() {
  Device& d = devices_[rng_() % devices_.size()];
  if (d.sent.empty()) return;
  auto r = service_->push(d.caller, d.sent[rng_() % d.sent.size()]);
  ++counts_[r ? "replays" : "refused_replays"];
}

const std::vector<server::LoggedOp>& World::wholeLog() {
  const server::TeamId team = devices_.front().caller.team_id;
  for (;;) {
    const std::uint64_t after = history_.empty() ? 0 : history_.back().version;
    auto page = server_store_->readLog(team, after, 1000).value();
    for (auto& op : page.ops) history_.push_back(std::move(op));
    if (!page.more) return history_;
  }
}

Result<server::SnapshotRef> World::buildSnapshot() {
  wholeLog();
  return snapshots_->build(devices_.front().caller.team_id);
}

// The server builds the team's snapshot and drops the log before its newest few operations.
void World::compactLog() {
  auto built = buildSnapshot();
  if (!built) {
    failures_.push_back("compaction: the snapshot failed: " + built.error().message);
    return;
  }
  ++counts_["compactions"];
}

void World::run() {
  for (int step = 0; step < options_.steps; ++step) {
    now_ms_ += static_cast<std::int64_t>(rng_() % 60'000);
    if (step == options_.steps / 2) {
      addDevice("newcomer@sim.example");
      ++counts_["newcomers"];
    }
    Device& d = devices_[rng_() % devices_.size()];
    const double roll = std::uniform_real_distribution<double>(0, 1)(rng_);
    if (roll < 0.62) {
      ++counts_[randomEdit(*d.store, rng_, now_ms_) ? "edits" : "refused_edits"];
    } else if (roll < 0.92) {
      syncDevice(d);
    } else if (roll < 0.945) {
      restart(d);
    } else if (roll < 0.965) {
      if (options_.restores) backupOrRestore(d);
    } else if (roll < 0.975) {
      if (options_.compactions) compactLog();
    } else if (chance(faults_.replay_push / 0.025)) {
      replayOldPush();
    }
  }
  quiesce();
  checkNothingLost();
  checkConvergence();
  checkArchive();
}

void World::quiesce() {
  faults_on_ = false;
  for (int round = 0; round < 3; ++round) {
    for (Device& d : devices_) syncDevice(d);
  }
}

std::string World::summary() const {
  std::ostringstream out;
  out << "seed " << options_.seed << ":";
  for (const auto& [k, v] : counts_) out << " " << k << "=" << v;
  return out.str();
}

}  // namespace nextstep::sim
