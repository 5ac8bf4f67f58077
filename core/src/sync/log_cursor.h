// Where this device is in its team's log: the version the next pull starts after. Kept in
// local_meta and moved in the same transaction as what moved it (a merged page, a snapshot
// taken over, a set-aside change dropped).
#pragma once

#include <cstdint>

#include "nextstep/storage/database.h"
#include "nextstep/storage/local_meta.h"

namespace nextstep::sync::log_cursor {

inline constexpr char kKey[] = "sync_cursor";

inline std::uint64_t read(Database& db) {
  return static_cast<std::uint64_t>(local_meta::integer(db, kKey).value_or(0));
}

inline void move(Database& db, std::uint64_t version) {
  local_meta::put(db, kKey, Value(static_cast<std::int64_t>(version)));
}

}  // namespace nextstep::sync::log_cursor
