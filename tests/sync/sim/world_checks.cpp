// The checks after quiescence: every device equals a fresh one synced from the server, no
// acknowledged change is missing from the server's log, and every value lost to a concurrent
// write is in the conflict archives.
#include "sim_world.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <tuple>

#include "nextstep/model/ids.h"
#include "nextstep/storage/catalog.h"
#include "nextstep/sync/conflict_archive.h"
#include "token_auth.h"

namespace nextstep::sim {

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
  for (const auto& op : wholeLog())
    logged.insert({op.device, static_cast<std::uint64_t>(op.op.seq)});
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
  {
    for (const auto& logged : wholeLog()) {
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
  const auto serverConflicts = server_store_->conflicts(devices_[0].caller.team_id).value();
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
    const auto deviceConflicts = sync::ConflictArchive(*d.store).list(true, 100'000).value();
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

}  // namespace nextstep::sim
