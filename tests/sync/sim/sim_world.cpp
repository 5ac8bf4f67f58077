#include "sim_world.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>

#include "nextstep/data/backup.h"
#include "nextstep/follow_up/notes_touches.h"
#include "nextstep/meetings/booking.h"
#include "nextstep/meetings/call_close.h"
#include "nextstep/model/ids.h"
#include "nextstep/pipeline/pipeline.h"
#include "nextstep/pipeline/team_settings.h"
#include "nextstep/storage/catalog.h"
#include "nextstep/storage/device_identity.h"
#include "nextstep/storage/record_reads.h"
#include "nextstep/sync/device_session.h"
#include "nextstep/sync/grpc_transport.h"
#include "nextstep/sync/sync_round.h"
#include "nextstep/sync/wire.h"
#include "token_auth.h"

namespace nextstep::sim {
namespace {

namespace fs = std::filesystem;
namespace pb = ::nextstep::sync::v1;

constexpr std::int64_t kStartMs = 1'795'000'000'000;  // late November 2026

Error toError(const server::RpcError& e) {
  return sync::errorFromStatus(grpc::Status(e.code, e.message));
}
Error unavailable() { return Error{ErrorCode::kUnavailable, "simulated network failure"}; }

// A device's link to the server through the simulated network.
class SimTransport : public sync::Transport {
 public:
  SimTransport(World& world, Device& device, int fail_after)
      : w_(world), d_(device), fail_after_(fail_after) {}

  Result<sync::ServerHello> handshake(DeviceId device, std::uint32_t catalog_version,
                                      std::uint64_t last_seq) override {
    if (broken()) return unavailable();
    pb::HandshakeRequest req;
    req.set_protocol_version(1);
    req.set_schema_version(catalog_version);
    req.set_device_id(device);
    req.set_last_seq(last_seq);
    auto r = w_.service().handshake(d_.caller, req);
    if (!r) return toError(r.error());
    if (fault(w_.faults().drop_reply)) return unavailable();
    sync::ServerHello h;
    h.server_time_ms = r->server_time_ms();
    h.head = r->head();
    h.max_ops_per_push = 40;  // small batches: more messages to lose
    h.max_clock_ahead_ms = r->max_clock_ahead_ms();
    h.device_reused = r->device_reused();
    h.rotate_token = r->rotate_token();
    return h;
  }

  Result<std::string> renewToken() override {
    if (broken()) return unavailable();
    auto r = w_.service().renewToken(d_.caller, pb::RenewTokenRequest());
    if (!r) return toError(r.error());
    d_.token = r->token();
    d_.caller = w_.service().authenticate(d_.token).value();
    return r->token();
  }

  Result<std::string> forkDevice(DeviceId new_device, std::string_view reason) override {
    if (broken()) return unavailable();
    pb::ForkDeviceRequest req;
    req.set_new_device_id(new_device);
    req.set_reason(std::string(reason));
    auto r = w_.service().forkDevice(d_.caller, req);
    if (!r) return toError(r.error());
    if (fault(w_.faults().drop_reply)) return unavailable();
    d_.token = r->token();
    d_.caller = w_.service().authenticate(d_.token).value();
    ++d_.forks;
    return r->token();
  }

  Result<sync::PushReply> push(const std::vector<Op>& ops) override {
    if (broken()) return unavailable();
    pb::PushRequest req;
    for (const Op& op : ops) sync::toWire(op, *req.add_operations());
    d_.sent.push_back(req);
    if (d_.sent.size() > 12) d_.sent.erase(d_.sent.begin());
    if (fault(w_.faults().drop_request)) return unavailable();
    auto r = w_.service().push(d_.caller, req);
    if (r && fault(w_.faults().duplicate)) r = w_.service().push(d_.caller, req);
    if (!r) return toError(r.error());
    if (fault(w_.faults().drop_reply)) return unavailable();
    sync::PushReply reply;
    reply.acked_through_seq = static_cast<std::int64_t>(r->acked_through_seq());
    reply.head = r->head();
    reply.device_reused = r->device_reused();
    for (const auto& rej : r->rejected())
      reply.rejected.push_back({static_cast<std::int64_t>(rej.device_seq()), rej.reason()});
    for (const Op& op : ops) {
      if (!reply.device_reused && op.seq <= reply.acked_through_seq)
        d_.acknowledged.insert({op.stamp.device, op.seq});
    }
    return reply;
  }

  Result<sync::PullReply> pull(std::uint64_t after, std::uint32_t limit) override {
    if (broken()) return unavailable();
    if (fault(w_.faults().stale_page)) {
      // A late answer to an earlier request from this position or before: never one from
      // further on, which a device whose restored backup moved it back could not have asked.
      std::vector<const sync::PullReply*> earlier;
      for (const auto& [asked, page] : d_.pages) {
        if (asked <= after) earlier.push_back(&page);
      }
      if (!earlier.empty()) {
        std::uniform_int_distribution<std::size_t> pick(0, earlier.size() - 1);
        return *earlier[pick(w_.rng())];
      }
    }
    if (fault(w_.faults().drop_request)) return unavailable();
    pb::PullRequest req;
    req.set_after_version(after);
    req.set_limit(std::min<std::uint32_t>(limit, 25));  // small pages: more of them to go wrong
    auto r = w_.service().pull(d_.caller, req);
    if (!r) return toError(r.error());
    if (fault(w_.faults().drop_reply)) return unavailable();
    sync::PullReply page = sync::fromWire(*r);
    d_.pages.emplace_back(after, page);
    if (d_.pages.size() > 8) d_.pages.erase(d_.pages.begin());
    return page;
  }

  Result<void> subscribe(std::uint64_t,
                         const std::function<bool(const sync::PullReply&)>&) override {
    return unavailable();
  }
  void cancel() override {}

 private:
  bool fault(double p) { return w_.faultsOn() && w_.chance(p); }
  bool broken() { return fail_after_ >= 0 && calls_++ >= fail_after_; }

  World& w_;
  Device& d_;
  int fail_after_;
  int calls_ = 0;
};

std::string pick(std::mt19937_64& rng, const std::vector<std::string>& from) {
  if (from.empty()) return "";
  std::uniform_int_distribution<std::size_t> d(0, from.size() - 1);
  return from[d(rng)];
}

}  // namespace

World::World(SimOptions options)
    : options_(options), faults_(options.faults), rng_(options.seed), now_ms_(kStartMs) {
  server::initCrypto();
  const fs::path base = fs::exists("/dev/shm") ? fs::path("/dev/shm") : fs::temp_directory_path();
  dir_ = base / ("nextstep-sim-" + std::to_string(options.seed) + "-" + std::to_string(::getpid()));
  fs::remove_all(dir_);
  fs::create_directories(dir_);
  seedIdsForTesting(options.seed * 7919 + 17);

  server_store_ = std::move(server::SqliteServerStore::openDirectory(dir_ / "server").value());
  service_ = std::make_unique<server::SyncService>(*server_store_, server::SyncLimits{},
                                                   [this] { return now_ms_; });
  const auto team = server_store_->createTeam("sim", now_ms_);
  (void)team;
  devices_.resize(static_cast<std::size_t>(options.devices));
  for (int i = 0; i < options.devices; ++i) {
    Device& d = devices_[static_cast<std::size_t>(i)];
    d.index = i;
    d.path = (dir_ / ("device-" + std::to_string(i) + ".db")).string();
    // Clocks drift by up to a few seconds; now and then one is days ahead.
    std::uniform_int_distribution<std::int64_t> drift(-5000, 5000);
    d.clock_offset_ms = drift(rng_);
    if (i == 0 && chance(0.3)) d.clock_offset_ms += 3LL * 86'400'000;
    const std::string email = "rep" + std::to_string(i) + "@sim.example";
    const server::UserId user =
        server_store_->addUser("sim", email, "not-a-real-hash", now_ms_).value();
    d.token = server::newBearerToken();
    (void)server_store_->addToken(user, server::tokenHash(d.token), now_ms_);
    d.caller = service_->authenticate(d.token).value();
    openDevice(d);
  }
}

World::~World() {
  devices_.clear();
  service_.reset();
  server_store_.reset();
  std::error_code ec;
  fs::remove_all(dir_, ec);
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

std::vector<std::string> World::ids(Store& store, const char* sql) {
  return store
      .read([&](Database& db) {
        std::vector<std::string> out;
        auto s = db.prepare(sql);
        while (s->step()) out.push_back(s->text(0));
        return out;
      })
      .value();
}

void World::localEdit(Device& d) {
  Store& s = *d.store;
  const auto deals = ids(s, "SELECT id FROM deals WHERE deleted = 0 ORDER BY id LIMIT 12");
  const auto contacts = ids(s, "SELECT id FROM contacts WHERE deleted = 0 ORDER BY id LIMIT 12");
  const auto meetings = ids(
      s, "SELECT id FROM meetings WHERE deleted = 0 AND status = 'planned' ORDER BY id LIMIT 12");
  const auto deleted = ids(s, "SELECT id FROM deals WHERE deleted = 1 ORDER BY id LIMIT 5");
  static const std::vector<std::string> kStages = {"lead", "qualified", "discovery", "proposal",
                                                   "negotiation"};
  static const std::vector<std::string> kPlaces = {"HQ", "Video call", "Cafe", "Plant"};
  std::uniform_int_distribution<int> action(0, 13);
  const std::string deal = pick(rng_, deals);
  const std::string contact = pick(rng_, contacts);
  const std::string meeting = pick(rng_, meetings);
  const int n = static_cast<int>(rng_() % 1000);
  bool ok = true;
  switch (action(rng_)) {
    case 0:
      ok =
          addDeal(s, {.title = "Deal " + std::to_string(n), .account = n % 2 ? "Acme" : "Borealis"})
              .ok();
      break;
    case 1:
    case 2:
      ok = !deal.empty() && changeDeal(s, deal, {.stage = pick(rng_, kStages)}).ok();
      break;
    case 3:
      ok = !deal.empty() &&
           changeDeal(s, deal, {.title = "Renamed " + std::to_string(n), .value_minor = n * 100})
               .ok();
      break;
    case 4:
      ok = addContact(
               s, {.name = "Person " + std::to_string(n), .account = n % 2 ? "Acme" : "Borealis"})
               .ok();
      break;
    case 5: {
      const std::int64_t day = 1 + n % 20;
      const CivilDateTime at =
          TimeZone::utc().toLocal(instantFromUnix(now_ms_ / 1000 + day * 86400));
      ok = !deal.empty() &&
           bookMeeting(s, {.deal = deal,
                           .at = {at.date, 9 + n % 8, 0},
                           .tz = "Europe/Berlin",
                           .place = pick(rng_, kPlaces),
                           .attendees = contact.empty() ? std::vector<std::string>{}
                                                        : std::vector<std::string>{contact}})
               .ok();
      break;
    }
    case 6:
      ok = !meeting.empty() && rescheduleMeeting(s, meeting, {.place = pick(rng_, kPlaces)}).ok();
      break;
    case 7:
      ok = !meeting.empty() && !contact.empty() &&
           (n % 2 ? addAttendee(s, meeting, contact) : removeAttendee(s, meeting, contact)).ok();
      break;
    case 8:
      ok = !deal.empty() && deleteRecord(s, RecordType::kDeal, deal).ok();
      break;
    case 9:
      ok = !deleted.empty() && restoreRecord(s, RecordType::kDeal, pick(rng_, deleted)).ok();
      break;
    case 10:
      ok = !deal.empty() && addNote(s, {.deal = deal, .text = "Note " + std::to_string(n)}).ok();
      break;
    case 11:
      ok = !deal.empty() &&
           addAction(s, {.deal = deal,
                         .owner = ActionOwner::kCustomer,
                         .text = n % 2 ? "Send a proposal" : "Introduce us to the CFO"})
               .ok();
      break;
    case 12:
      ok = !meeting.empty() && closeCall(s, {.meeting = meeting,
                                             .result = OutcomeResult::kYes,
                                             .recap = "Recap " + std::to_string(n)})
                                   .ok();
      break;
    case 13:
      ok = changeTeamSettings(s, {.cadence_days = 10 + n % 50}).ok();
      break;
  }
  ++counts_[ok ? "edits" : "refused_edits"];
}

void World::syncDevice(Device& d) {
  const int failAfter =
      faults_on_ && chance(faults_.fail_midway) ? static_cast<int>(rng_() % 6) : -1;
  sync::Replica replica(*d.store);
  // The token is the database's, as in the real clients: a restored backup brings its own.
  if (auto stored = replica.setting("sync_token").value()) {
    d.token = *stored;
    d.caller = service_->authenticate(d.token).value();
  } else {
    // Never signed in (or restored from before it): a new sign-in for this database, as a rep
    // would do; the token binds to the database's own device at the handshake.
    d.token = server::newBearerToken();
    (void)server_store_->addToken(d.caller.user_id, server::tokenHash(d.token), now_ms_);
    d.caller = service_->authenticate(d.token).value();
    (void)replica.setSetting("sync_token", d.token);
    (void)replica.setSetting(identity_keys::kTokenDevice, std::nullopt);
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

void World::run() {
  for (int step = 0; step < options_.steps; ++step) {
    now_ms_ += static_cast<std::int64_t>(rng_() % 60'000);
    Device& d = devices_[rng_() % devices_.size()];
    const double roll = std::uniform_real_distribution<double>(0, 1)(rng_);
    if (roll < 0.62) {
      localEdit(d);
    } else if (roll < 0.92) {
      syncDevice(d);
    } else if (roll < 0.945) {
      restart(d);
    } else if (roll < 0.965) {
      if (options_.restores) backupOrRestore(d);
    } else if (chance(faults_.replay_push / 0.035)) {
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

std::string World::dump(Store& store) {
  return store
      .read([](Database& db) {
        std::ostringstream out;
        for (const RecordSpec& spec : allRecordSpecs()) {
          std::string cols = "id, deleted";
          for (const FieldSpec& f : spec.fields) cols += ", " + std::string(f.name);
          auto s =
              db.prepare("SELECT " + cols + " FROM " + std::string(spec.table) + " ORDER BY id");
          while (s->step()) {
            out << spec.name;
            for (int c = 0; c < s->columnCount(); ++c) out << " | " << describe(s->value(c));
            out << "\n";
          }
        }
        auto a = db.prepare(
            "SELECT meeting_id, contact_id FROM meeting_attendees WHERE present ORDER BY 1, 2");
        while (a->step()) out << "attendee | " << a->text(0) << " | " << a->text(1) << "\n";
        return out.str();
      })
      .value();
}

void World::checkConvergence() {
  // A device that never synced before must end up identical too: that is the server's state.
  Device fresh;
  fresh.index = static_cast<int>(devices_.size());
  fresh.path = (dir_ / "fresh.db").string();
  const server::UserId user =
      server_store_->addUser("sim", "fresh@sim.example", "x", now_ms_).value();
  fresh.token = server::newBearerToken();
  (void)server_store_->addToken(user, server::tokenHash(fresh.token), now_ms_);
  fresh.caller = service_->authenticate(fresh.token).value();
  openDevice(fresh);
  syncDevice(fresh);
  const std::string expected = dump(*fresh.store);
  for (Device& d : devices_) {
    const std::string got = dump(*d.store);
    if (got == expected) continue;
    if (std::getenv("NEXTSTEP_SIM_DEBUG") != nullptr) {
      // Whole states, for a diff: the message below names only the first differing line.
      const std::string prefix = dir_.string() + "-";  // the world's folder goes with it
      std::ofstream(prefix + "expected.txt") << expected;
      std::ofstream(prefix + "device-" + std::to_string(d.index) + ".txt") << got;
    }
    std::istringstream a(expected), b(got);
    std::string la, lb;
    while (std::getline(a, la) && std::getline(b, lb) && la == lb) {
    }
    failures_.push_back("device " + std::to_string(d.index) +
                        " differs from the server: expected '" + la + "', has '" + lb + "'");
  }
  for (Device& d : devices_) {
    if (auto p = d.store->pendingChanges(); p && *p != 0) {
      failures_.push_back("device " + std::to_string(d.index) + " still has " + std::to_string(*p) +
                          " unsent changes");
    }
    if (!d.store->checkIntegrity().ok())
      failures_.push_back("device " + std::to_string(d.index) + " is damaged");
  }
  counts_["records"] = static_cast<int>(std::count(expected.begin(), expected.end(), '\n'));
}

void World::checkNothingLost() {
  std::set<std::pair<DeviceId, std::uint64_t>> logged;
  std::uint64_t after = 0;
  for (;;) {
    auto page = server_store_->readLog(devices_[0].caller.team_id, after, 1000).value();
    for (const auto& op : page.ops) {
      logged.insert({op.device, static_cast<std::uint64_t>(op.op.seq)});
      after = op.version;
    }
    if (!page.more) break;
  }
  for (Device& d : devices_) {
    std::map<DeviceId, std::set<std::uint64_t>> rejected;
    for (const auto& [device, seq] : d.acknowledged) {
      if (rejected.count(device) > 0) continue;
      // Held in a local: a range-for over value() of a temporary would read freed memory.
      const auto stored = server_store_->rejections(device).value();
      for (const auto& r : stored) rejected[device].insert(r.device_seq);
      counts_["rejected"] += static_cast<int>(rejected[device].size());
    }
    for (const auto& [device, seq] : d.acknowledged) {
      const auto s = static_cast<std::uint64_t>(seq);
      if (!logged.count({device, s}) && !rejected[device].count(s)) {
        failures_.push_back("device " + std::to_string(d.index) + ": acknowledged op " +
                            deviceIdToHex(device) + "/" + std::to_string(seq) +
                            " is not on the server");
      }
    }
    counts_["acknowledged"] += static_cast<int>(d.acknowledged.size());
    counts_["forks"] += d.forks;
  }
  counts_["logged"] = static_cast<int>(logged.size());
}

void World::checkArchive() {
  // The oracle, from the server's log alone: a value is lost to a concurrent write when it is not
  // the final value of its register, no later writer had seen it (or anything newer), and the
  // final value differs. Every such value must be in the archive of the server and each device.
  struct Write {
    Stamp stamp, base;
    Value value;
  };
  std::map<std::tuple<int, std::string, std::string>, std::vector<Write>> writes;
  std::uint64_t after = 0;
  const server::TeamId team = devices_[0].caller.team_id;
  for (;;) {
    auto page = server_store_->readLog(team, after, 1000).value();
    for (const auto& logged : page.ops) {
      after = logged.version;
      const Op& op = logged.op;
      const RecordSpec& spec = specOf(op.type);
      if (op.kind == OpKind::kCreate) {
        const Fields fields = decodeFields(spec, std::get<std::string>(op.value));
        std::map<std::string_view, Fields> byKey;
        for (const FieldSpec& f : spec.fields) {
          Value v;
          for (const FieldValue& g : fields) {
            if (g.name == f.name) v = g.value;
          }
          byKey[f.clockKey()].push_back({f.name, v});
        }
        for (auto& [key, group] : byKey) {
          const Value v = spec.isRegister(key) ? Value(encodeFields(spec, group)) : group[0].value;
          writes[{static_cast<int>(op.type), op.record_id, std::string(key)}].push_back(
              {op.stamp, {}, v});
        }
      } else if (op.kind == OpKind::kSet) {
        writes[{static_cast<int>(op.type), op.record_id, op.key}].push_back(
            {op.stamp, op.base, op.value});
      }
    }
    if (!page.more) break;
  }
  std::vector<std::tuple<std::string, std::string, Value>> required;
  for (const auto& [key, ws] : writes) {
    const Write& last = *std::max_element(
        ws.begin(), ws.end(), [](const Write& a, const Write& b) { return a.stamp < b.stamp; });
    for (const Write& w : ws) {
      if (w.stamp == last.stamp || w.value == last.value) continue;
      const bool seen =
          std::any_of(ws.begin(), ws.end(), [&](const Write& x) { return x.base >= w.stamp; });
      if (!seen) required.emplace_back(std::get<1>(key), std::get<2>(key), w.value);
    }
    if (std::getenv("NEXTSTEP_SIM_DEBUG") != nullptr && ws.size() > 1) {
      std::printf("%s.%s\n", std::get<1>(key).c_str(), std::get<2>(key).c_str());
      for (const Write& w : ws) {
        std::printf("  stamp %s base %s value %s\n", w.stamp.toHex().c_str(),
                    w.base.toHex().c_str(), describe(w.value).c_str());
      }
    }
  }
  counts_["lost_values"] = static_cast<int>(required.size());

  auto check = [&](const std::string& who,
                   const std::set<std::tuple<std::string, std::string, Value>>& archive) {
    for (const auto& r : required) {
      if (!archive.count(r)) {
        failures_.push_back(who + ": lost value '" + describe(std::get<2>(r)) + "' of " +
                            std::get<0>(r) + "." + std::get<1>(r) +
                            " is not in the conflict archive");
      }
    }
  };
  std::set<std::tuple<std::string, std::string, Value>> serverArchive;
  const auto serverConflicts = server_store_->conflicts(team).value();
  for (const auto& c : serverConflicts) {
    serverArchive.insert({c.record_id, c.key, c.lost_value});
    if (std::getenv("NEXTSTEP_SIM_DEBUG") != nullptr) {
      std::printf("server archive %s.%s lost %s (%s) kept %s (%s)\n", c.record_id.c_str(),
                  c.key.c_str(), describe(c.lost_value).c_str(), c.lost_stamp.toHex().c_str(),
                  describe(c.kept_value).c_str(), c.kept_stamp.toHex().c_str());
    }
  }
  check("server", serverArchive);
  for (Device& d : devices_) {
    std::set<std::tuple<std::string, std::string, Value>> archive;
    const auto deviceConflicts = sync::Replica(*d.store).conflicts(true, 100'000).value();
    for (const auto& c : deviceConflicts) {
      archive.insert({c.record_id, c.key, c.lost_value});
      if (std::getenv("NEXTSTEP_SIM_DEBUG") != nullptr) {
        std::printf("device %d archive %s.%s lost %s kept %s\n", d.index, c.record_id.c_str(),
                    c.key.c_str(), describe(c.lost_value).c_str(), describe(c.kept_value).c_str());
      }
    }
    check("device " + std::to_string(d.index), archive);
  }
}

std::string World::summary() const {
  std::ostringstream out;
  out << "seed " << options_.seed << ":";
  for (const auto& [k, v] : counts_) out << " " << k << "=" << v;
  return out.str();
}

}  // namespace nextstep::sim
