// s(10) or s(20, 2): a stamp at hybrid time 10 by device 1 (or 20 by device 2), for the merge
// rule tests' tables.
#pragma once

#include <cstdint>

#include "nextstep/model/stamp.h"

namespace nextstep::sync {

constexpr Stamp s(std::uint64_t hlc, DeviceId d = 1) { return Stamp{hlc, d}; }

}  // namespace nextstep::sync
