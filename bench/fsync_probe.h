// How long the disk takes to make a small write durable right now: the floor under every durable
// commit (synchronous=FULL syncs the WAL on each one), measured next to the bookings so a slow or
// busy disk is visible in the figures.
#pragma once

#include <filesystem>

#include "latency_summary.h"

namespace nextstep::bench {

// Appends 4 KiB and fdatasync()s it `samples` times in `file` (removed afterwards); milliseconds.
LatencySummary probeFsync(const std::filesystem::path& file, int samples);

}  // namespace nextstep::bench
