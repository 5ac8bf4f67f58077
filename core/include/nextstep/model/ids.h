// Record ids are UUIDv7 strings made on the device: unique without coordination, time-ordered.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "nextstep/model/stamp.h"

namespace nextstep {

std::string newRecordId(std::int64_t unix_millis);
std::string newRecordId();
DeviceId newDeviceId();
bool looksLikeRecordId(std::string_view s);

// Makes this thread's ids and device ids a function of `seed`, so that a simulated run replays
// exactly. Tests only.
void seedIdsForTesting(std::uint64_t seed);

}  // namespace nextstep
