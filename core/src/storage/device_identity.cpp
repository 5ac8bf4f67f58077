#include "nextstep/storage/device_identity.h"

#include <sys/stat.h>

#include "nextstep/storage/local_meta.h"

namespace nextstep {
namespace {

std::string formerKey(DeviceId device, std::string_view what) {
  return "device_former:" + deviceIdToHex(device) + ":" + std::string(what);
}

DeviceId currentDevice(Database& db) {
  DeviceId id = 0;
  parseDeviceId(local_meta::text(db, identity_keys::kDeviceId).value_or(""), id);
  return id;
}

}  // namespace

std::int64_t assignedSeqs(Database& db) {
  return db.scalar("SELECT coalesce(max(seq), 0) FROM sqlite_sequence WHERE name = 'outbox'");
}

std::string databaseFileIdentity(const std::string& path) {
  struct stat st {};
  if (path.empty() || ::stat(path.c_str(), &st) != 0) return {};
  return std::to_string(static_cast<unsigned long long>(st.st_dev)) + ":" +
         std::to_string(static_cast<unsigned long long>(st.st_ino));
}

std::int64_t wireSeqBase(Database& db, DeviceId device) {
  if (device == currentDevice(db)) {
    return local_meta::integer(db, identity_keys::kSeqBase).value_or(0);
  }
  return local_meta::integer(db, formerKey(device, "seq_base")).value_or(0);
}

std::int64_t lastWireSeq(Database& db, DeviceId device) {
  if (device == currentDevice(db)) {
    return std::max<std::int64_t>(0, assignedSeqs(db) - wireSeqBase(db, device));
  }
  return local_meta::integer(db, formerKey(device, "last_seq")).value_or(0);
}

DeviceFork forkDeviceIdentity(Database& db, DeviceId to, std::string_view reason,
                              const std::string& file_identity, Instant now) {
  using namespace identity_keys;
  DeviceFork fork;
  fork.from = currentDevice(db);
  fork.to = to;
  fork.reason = std::string(reason);
  fork.carried = db.scalar("SELECT count(*) FROM outbox");

  // The old identity keeps its unsent operations and their numbers: they are delivered as its
  // own (a copy that the server already has is then a harmless duplicate, not a second write).
  local_meta::put(db, formerKey(fork.from, "seq_base"), Value(wireSeqBase(db, fork.from)));
  local_meta::put(db, formerKey(fork.from, "last_seq"), Value(lastWireSeq(db, fork.from)));
  if (!local_meta::text(db, kTokenDevice)) {
    local_meta::put(db, kTokenDevice, Value(deviceIdToHex(fork.from)));
  }
  local_meta::put(db, kDeviceId, Value(deviceIdToHex(to)));
  // The new identity's first operation is its number 1.
  local_meta::put(db, kSeqBase, Value(assignedSeqs(db)));
  local_meta::put(db, kFile, Value(file_identity));
  local_meta::put(db, kForkedFrom, Value(deviceIdToHex(fork.from)));
  local_meta::put(db, kForkReason, Value(fork.reason));
  local_meta::put(db, kForkedAt, Value(toUnix(now)));
  return fork;
}

std::optional<std::string> lastForkReason(Database& db) {
  return local_meta::text(db, identity_keys::kForkReason);
}

}  // namespace nextstep
