// What a push's duplicate check compares once the operation itself left the log: a digest of
// the operation as the device sent it, equal where the protocol calls two operations equal.
#pragma once

#include <string>

#include "nextstep/sync/v1/sync.pb.h"

namespace nextstep::server {

// 16 bytes (BLAKE2b). Equal for operations that differ only where the protocol sees no
// difference: an absent message and an empty one, two NaNs.
std::string operationDigest(const ::nextstep::sync::v1::Operation& op);

}  // namespace nextstep::server
