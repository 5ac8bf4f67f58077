// The device's own settings and bookkeeping (table local_meta): never synced, one value a key.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "nextstep/model/value.h"
#include "nextstep/storage/database.h"

namespace nextstep::local_meta {

// The newest stamp this database issued or saw: its hybrid clock goes on from there.
inline constexpr std::string_view kClock = "hlc";
// How far the device's clock is corrected towards the server's.
inline constexpr std::string_view kClockOffset = "clock_offset_ms";

std::optional<std::string> text(Database& db, std::string_view key);
std::optional<std::int64_t> integer(Database& db, std::string_view key);
void put(Database& db, std::string_view key, const Value& value);
void erase(Database& db, std::string_view key);

}  // namespace nextstep::local_meta
