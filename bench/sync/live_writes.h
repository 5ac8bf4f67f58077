// The writes the live benchmarks time: one new deal, as a rep books it on device A.
#pragma once

#include <string>

#include "nextstep/storage/store.h"

namespace nextstep::bench {

// Creates deal `id` ("Live deal <n>") in one durable local write; throws on failure.
void createLiveDeal(Store& store, const std::string& id, int n);

}  // namespace nextstep::bench
