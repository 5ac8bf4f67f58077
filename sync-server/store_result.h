// The Result a store call gives for a body returning T or Result<T>: both backends' guards use it.
#pragma once

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

}  // namespace nextstep::server
