// Record ids are UUIDv7 strings made on the device: unique without coordination, time-ordered.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "nextstep/stamp.h"

namespace nextstep {

std::string newRecordId(std::int64_t unix_millis);
std::string newRecordId();
DeviceId newDeviceId();
bool looksLikeRecordId(std::string_view s);

}  // namespace nextstep
