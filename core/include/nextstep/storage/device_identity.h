// A device's identity in its team: the id its writes are stamped with, and the sequence numbers
// its operations carry on the wire. Two databases must never speak as one device, or the server
// keeps one's change and refuses the other's: a copied file or a restored backup becomes a new
// device, and its unsent changes move to the new identity, so they still reach the team.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "nextstep/model/stamp.h"
#include "nextstep/storage/database.h"
#include "nextstep/time/civil_time.h"

namespace nextstep {

struct DeviceFork {
  DeviceId from = 0;
  DeviceId to = 0;
  std::int64_t carried = 0;  // unsent changes moved to the new identity
  std::string reason;
};

// How many sequence numbers this database has given its changes, under all its identities: 0
// for a database that never wrote anything of its own.
std::int64_t assignedSeqs(Database& db);

// Where the database file lives on its disk ("device:inode"); empty when it cannot be told. A
// copy of the file has another one, which is how a store notices it was copied.
std::string databaseFileIdentity(const std::string& path);

// Inside a write transaction: new writes are stamped as device `to` and numbered from 1. The
// unsent operations stay the old device's, with their numbers, until they are delivered under
// the old token (Outbox::adopt moves any that cannot be to the new identity).
DeviceFork forkDeviceIdentity(Database& db, DeviceId to, std::string_view reason,
                              const std::string& file_identity, Instant now);

// An operation's device_seq on the wire is its outbox sequence minus its device's base (0 until
// the database first forks), so each identity numbers from 1.
std::int64_t wireSeqBase(Database& db, DeviceId device);
// The highest device_seq `device` (this database's current or a former identity) has given.
std::int64_t lastWireSeq(Database& db, DeviceId device);

// Why this database last became a new device; absent if it never did.
std::optional<std::string> lastForkReason(Database& db);

// local_meta keys of the identity.
namespace identity_keys {
inline constexpr std::string_view kDeviceId = "device_id";
inline constexpr std::string_view kFile = "device_file";
inline constexpr std::string_view kSeqBase = "device_seq_base";
inline constexpr std::string_view kForkedFrom = "device_forked_from";
inline constexpr std::string_view kForkReason = "device_fork_reason";
inline constexpr std::string_view kForkedAt = "device_forked_at";
// The device the stored sync token belongs to: after a fork it is the old one until the
// server gives the new identity a token of its own.
inline constexpr std::string_view kTokenDevice = "sync_token_device";
}  // namespace identity_keys

}  // namespace nextstep
