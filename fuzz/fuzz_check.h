// What every fuzz target shares: a fixed clock, and a check that stops the run where a property
// fails (libFuzzer keeps the input that made it).
#pragma once

#include <cstdint>
#include <cstdio>
#include <cstdlib>

namespace nextstep::fuzz {

// 2026-12-01T09:00:00Z, fixed: what is past, due or merged must not depend on when it runs.
constexpr std::int64_t kNowMs = 1'796'115'600'000;

inline void check(bool ok, const char* what) {
  if (ok) return;
  std::fprintf(stderr, "fuzz check failed: %s\n", what);
  std::abort();
}

}  // namespace nextstep::fuzz
