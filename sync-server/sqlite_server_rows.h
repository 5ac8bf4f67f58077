// The rows the server's SQLite store reads and writes in more than one place (the push
// transaction and the store's own calls), and the guard that turns a database failure into an
// Error value at the store's boundary.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>
#include <type_traits>

#include "nextstep/model/result.h"
#include "nextstep/storage/database.h"
#include "nextstep/storage/record_rows.h"
#include "server_store.h"
#include "store_result.h"

namespace nextstep::server {

using records::bindStamp;
using records::columnStamp;

// 64-bit ids and sequence numbers keep their bits in SQLite's signed integers.
inline std::int64_t sql(std::uint64_t v) { return static_cast<std::int64_t>(v); }
inline std::uint64_t unsql(std::int64_t v) { return static_cast<std::uint64_t>(v); }

// The columns loggedOpAt reads, in its order.
inline constexpr std::string_view kOpColumns =
    "version, device, device_seq, record_type, record_id, kind, key, value, stamp, base, author";

std::uint64_t lastSeqOf(Database& db, DeviceId device);
// The team's latest log version; 0 for a team with no ops (or none at all).
std::uint64_t headOf(Database& db, TeamId team);
// The version the team's log is read from since its last compaction (0: all of it is kept).
std::uint64_t logStartOf(Database& db, TeamId team);
LoggedOp loggedOpAt(const Statement& s);
std::optional<RegisterState> registerIn(Database& db, TeamId team, const RegisterKey& key);
// Who owns the device, if anyone; and whether the user may use it.
DeviceBinding claimDevice(Database& db, UserId user, DeviceId device, std::int64_t now_ms);
Error errorOf(const DbError& e);

// Runs one store call; a database failure becomes an Error value at this boundary.
template <typename F>
auto guarded(F&& f) -> typename AsResult<std::invoke_result_t<F>>::type {
  try {
    if constexpr (std::is_void_v<std::invoke_result_t<F>>) {
      f();
      return {};
    } else {
      return f();
    }
  } catch (const DbError& e) {
    return errorOf(e);
  }
}

}  // namespace nextstep::server
