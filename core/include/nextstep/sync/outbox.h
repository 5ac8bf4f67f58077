// This device's changes on their way to the team: what to send next, what the server took or
// set aside, and the restamping that keeps them deliverable (a former identity's changes, a
// clock that ran ahead of the server's).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "nextstep/storage/op.h"
#include "nextstep/storage/store.h"

namespace nextstep::sync {

struct Rejection {
  std::int64_t seq = 0;
  std::string reason;
};

class Outbox {
 public:
  explicit Outbox(Store& store) : store_(store) {}

  // The oldest unacknowledged changes, in device_seq order, all of one device identity (a
  // database that forked may still hold changes of its former identity, which go first).
  Result<std::vector<Op>> next(int limit);
  // Drops `device`'s changes up to `acked_through`; rejected ones move to the set-aside archive
  // with their reason instead of disappearing.
  Result<void> acknowledge(DeviceId device, std::int64_t acked_through,
                           const std::vector<Rejection>& rejected);
  // The same, for this database's current identity.
  Result<void> acknowledge(std::int64_t acked_through, const std::vector<Rejection>& rejected);
  // Moves a former identity's unsent changes to the current one, when they cannot be sent as
  // the former (its numbers were used by another copy, or no token of it is left): restamped
  // with the current device and numbered after its own. Returns how many moved.
  Result<std::int64_t> adopt(DeviceId former);
  // The server's clock bounds ours: when the device's clock runs ahead of the server by more
  // than max_ahead_ms, the device follows the server from now on, and unsent changes stamped
  // in the future are restamped, so a wrong date cannot win every conflict. Returns how many.
  Result<int> boundClock(std::int64_t server_time_ms, std::int64_t max_ahead_ms);
  // Changes not yet acknowledged by the server.
  Result<std::int64_t> pending();
  // The highest device_seq `device` (current or former identity) has given a change.
  Result<std::uint64_t> lastSeq(DeviceId device);

 private:
  Store& store_;
};

}  // namespace nextstep::sync
