// The server's merged state, the same registers a device keeps: each accepted operation runs the
// shared rule nextstep::sync::decide against the register it writes, and a loser that did not
// know of the winner goes to the conflict archive with both values.
#pragma once

#include <cstdint>
#include <string>

#include "nextstep/storage/op.h"
#include "server_store.h"

namespace nextstep::server {

struct AcceptedOp {
  TeamId team = 0;
  const Op& op;
  std::uint64_t version = 0;
  const std::string& author;
  std::int64_t now_ms = 0;
};

// Inside the push's transaction; throws what the transaction throws.
void mergeAccepted(PushTransaction& tx, const AcceptedOp& accepted);

}  // namespace nextstep::server
