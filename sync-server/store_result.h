// The Result a store call gives for a body returning T or Result<T>: both backends' guards use it.
#pragma once

#include <cstdint>
#include <string>

#include "nextstep/model/result.h"

namespace nextstep::server {

template <typename T>
struct AsResult {
  using type = Result<T>;
};
template <typename T>
struct AsResult<Result<T>> {
  using type = Result<T>;
};

// A read of the log from before where it now starts (both backends' readLog).
inline Error compactedError(std::uint64_t after_version, std::uint64_t log_start) {
  return Error{ErrorCode::kCompacted,
               "the team's log is kept from version " + std::to_string(log_start) +
                   " on, and this device's place in it is version " +
                   std::to_string(after_version) + ": it starts again from the team's snapshot"};
}

}  // namespace nextstep::server
