#include "nextstep/device_identity.h"

#include <sys/stat.h>

#include "nextstep/local_meta.h"
#include "stamp_renames.h"

namespace nextstep {

std::string databaseFileIdentity(const std::string& path) {
  struct stat st {};
  if (path.empty() || ::stat(path.c_str(), &st) != 0) return {};
  return std::to_string(static_cast<unsigned long long>(st.st_dev)) + ":" +
         std::to_string(static_cast<unsigned long long>(st.st_ino));
}

std::int64_t wireSeqBase(Database& db) {
  return local_meta::integer(db, identity_keys::kSeqBase).value_or(0);
}

std::int64_t lastWireSeq(Database& db) {
  const std::int64_t assigned =
      db.scalar("SELECT coalesce(max(seq), 0) FROM sqlite_sequence WHERE name = 'outbox'");
  return std::max<std::int64_t>(0, assigned - wireSeqBase(db));
}

DeviceFork forkDeviceIdentity(Database& db, DeviceId to, std::string_view reason,
                              const std::string& file_identity, Instant now) {
  using namespace identity_keys;
  DeviceFork fork;
  parseDeviceId(local_meta::text(db, kDeviceId).value_or(""), fork.from);
  fork.to = to;
  fork.reason = std::string(reason);
  fork.carried = db.scalar("SELECT count(*) FROM outbox");

  StampRenames renames(db);
  renames.addOutboxOf(fork.from, to);
  renames.apply();
  // The first unsent operation becomes the new device's operation 1.
  const std::int64_t base = db.scalar(
      "SELECT coalesce((SELECT min(seq) - 1 FROM outbox), "
      "(SELECT seq FROM sqlite_sequence WHERE name = 'outbox'), 0)");

  if (!local_meta::text(db, kTokenDevice)) {
    local_meta::put(db, kTokenDevice, Value(deviceIdToHex(fork.from)));
  }
  local_meta::put(db, kDeviceId, Value(deviceIdToHex(to)));
  local_meta::put(db, kSeqBase, Value(base));
  local_meta::put(db, kFile, Value(file_identity));
  local_meta::put(db, kForkedFrom, Value(deviceIdToHex(fork.from)));
  local_meta::put(db, kForkReason, Value(fork.reason));
  local_meta::put(db, kForkedAt, Value(toUnix(now)));
  return fork;
}

}  // namespace nextstep
