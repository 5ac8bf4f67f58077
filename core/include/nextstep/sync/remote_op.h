// What the team's log sends a device, and what merging it did.
#pragma once

#include <cstdint>
#include <string>

#include "nextstep/storage/op.h"

namespace nextstep::sync {

// An operation as it comes back from the team's log.
struct RemoteOp {
  std::uint64_t version = 0;
  Op op;
  std::string author;  // the user's email, as the server knows it
};

struct ApplyStats {
  int applied = 0;    // changed the local state
  int ignored = 0;    // older than what is here, or already here
  int conflicts = 0;  // concurrent values archived
  int parked = 0;     // waiting for their record to arrive
  int own = 0;        // this device's own operations coming back
};

}  // namespace nextstep::sync
