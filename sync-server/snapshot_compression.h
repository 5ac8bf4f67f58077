// A team snapshot as the devices download it: one zstd frame of the file, written once per
// version. zstd -1: 666 MB -> 270 MB for the 100k-deal team, about 3 s of one core (level 3
// saves 4% more for 65% more time; measured in stop 27).
#pragma once

#include <cstdint>
#include <filesystem>

#include "nextstep/model/result.h"

namespace nextstep::server {

// Writes `to` (replaced when there) with `from` compressed, made durable; its size.
Result<std::uint64_t> compressSnapshot(const std::filesystem::path& from,
                                       const std::filesystem::path& to);

}  // namespace nextstep::server
