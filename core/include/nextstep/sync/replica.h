// A device's side of sync, independent of any transport: what to push, what the server
// acknowledged, and how the team's operations merge into the local database.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "nextstep/storage/op.h"
#include "nextstep/storage/store.h"

namespace nextstep::sync {

// An operation as it comes back from the team's log.
struct RemoteOp {
  std::uint64_t version = 0;
  Op op;
  std::string author;  // the user's email, as the server knows it
};

struct Rejection {
  std::int64_t seq = 0;
  std::string reason;
};

struct ApplyStats {
  int applied = 0;    // changed the local state
  int ignored = 0;    // older than what is here, or already here
  int conflicts = 0;  // concurrent values archived
  int parked = 0;     // waiting for their record to arrive
  int own = 0;        // this device's own operations coming back
};

// A change of this device that the server will never accept as it is (a field it refuses, a
// clock far ahead): kept aside, listed, and resent or dropped by the rep.
struct SetAsideChange {
  std::int64_t id = 0;  // the change's number on this device
  RecordType type = RecordType::kDeal;
  std::string record_id;
  std::string record_title;
  OpKind kind = OpKind::kSet;
  std::string key;
  Value value;
  std::string reason;  // the server's words
  Instant set_aside_at{};
};

class Replica {
 public:
  explicit Replica(Store& store) : store_(store) {}

  Store& store() { return store_; }

  // The oldest unacknowledged local operations, in device_seq order, all of one device identity
  // (a database that forked may still hold operations of its former identity, which go first).
  Result<std::vector<Op>> outbox(int limit);
  // Drops `device`'s operations up to `acked_through` from the outbox; rejected ones move to the
  // rejected archive with their reason instead of disappearing.
  Result<void> acknowledge(DeviceId device, std::int64_t acked_through,
                           const std::vector<Rejection>& rejected);
  // The same, for this database's current identity.
  Result<void> acknowledge(std::int64_t acked_through, const std::vector<Rejection>& rejected);
  // Moves a former identity's unsent operations to the current one, when they cannot be sent as
  // the former (its numbers were used by another copy, or no token of it is left): restamped
  // with the current device and numbered after its own. Returns how many moved.
  Result<std::int64_t> adopt(DeviceId former);
  // Merges a page of the team's log (in version order) and moves the cursor to `next_cursor`, in
  // one transaction: a crash leaves either all of the page or none of it.
  Result<ApplyStats> apply(const std::vector<RemoteOp>& page, std::uint64_t next_cursor);
  // Makes the team's snapshot, merged up to `version`, this device's database; the log after
  // `version` follows as usual. kFailedPrecondition, and nothing changed, while the outbox holds
  // changes the server does not have (Store::takeOver).
  Result<void> startFrom(const std::string& snapshot_file, std::uint64_t version);
  Result<std::uint64_t> cursor();
  Result<std::int64_t> pending();
  // The highest device_seq `device` (current or former identity) has given an operation.
  Result<std::uint64_t> lastSeq(DeviceId device);

  // Changes the server set aside, newest first; a sync that leaves any never says "up to date".
  Result<std::vector<SetAsideChange>> setAside(int limit = 200);
  Result<std::int64_t> setAsideCount();
  // Sends a set-aside change again, as a new change under a fresh stamp.
  Result<void> resendSetAside(std::int64_t id);
  // Forgets a set-aside change; the device reads the team's log again at the next sync, so the
  // record takes the team's value back.
  Result<void> dropSetAside(std::int64_t id);

  // The server's clock bounds ours: when the device's clock runs ahead of the server by more
  // than max_ahead_ms, the device follows the server from now on, and unsent operations stamped
  // in the future are restamped, so a wrong date cannot win every conflict.
  Result<int> boundClock(std::int64_t server_time_ms, std::int64_t max_ahead_ms);

  // Local sync settings kept in the database (server address, token, the signed-in email).
  Result<std::optional<std::string>> setting(std::string_view key);
  Result<void> setSetting(std::string_view key, std::optional<std::string> value);

 private:
  Store& store_;
};

}  // namespace nextstep::sync
