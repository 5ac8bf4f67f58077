// One edit a rep might make on a device, picked by the world's seed: deals added, moved, renamed,
// deleted and restored; meetings booked, moved and closed; people, notes, actions, team settings.
#pragma once

#include <cstdint>
#include <random>

#include "nextstep/storage/store.h"

namespace nextstep::sim {

// False when the core refused it (or there was nothing to edit): the sim counts those apart.
bool randomEdit(Store& store, std::mt19937_64& rng, std::int64_t now_ms);

}  // namespace nextstep::sim
