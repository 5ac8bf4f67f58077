// How the server's values meet PostgreSQL's columns, and the rows read in more than one place
// (the push transaction and the store's own calls). Throws pqxx errors.
#pragma once

#include <pqxx/pqxx>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "server_store.h"

namespace nextstep::server::pg {

// 64-bit ids and sequence numbers keep their bits in PostgreSQL's signed bigint.
inline std::int64_t sql(std::uint64_t v) { return static_cast<std::int64_t>(v); }
inline std::uint64_t unsql(std::int64_t v) { return static_cast<std::uint64_t>(v); }

inline pqxx::binarystring bytes(std::string_view s) {
  return pqxx::binarystring(s.data(), s.size());
}

// A stamp as bytea; the zero stamp as empty bytes, which the SQL turns into NULL with
// NULLIF($n, ''::bytea), as the SQLite store stores it.
pqxx::binarystring stampBytes(const Stamp& stamp);
Stamp stampOf(const pqxx::field& f);

// A Value as its (value_type, value) pair of columns.
struct ValueColumns {
  int type = 0;
  pqxx::binarystring bytes;
};
ValueColumns valueColumns(const Value& v);
Value valueOf(const pqxx::field& type, const pqxx::field& bytes);

// The one place a conflict's kind meets the database.
std::string kindColumn(const ConflictRecord& c);
void setKind(ConflictRecord& c, const pqxx::field& f);

// The columns loggedOpOf reads, in its order.
inline constexpr std::string_view kOpColumns =
    "version, device_id, device_seq, record_type, record_id, kind, key, value_type, value, "
    "stamp, base, author";
LoggedOp loggedOpOf(const pqxx::row& r);

// Registers the statements below on a new connection (they are prepared on first use).
void prepareRowStatements(pqxx::connection& conn);

std::uint64_t lastSeqOf(pqxx::transaction_base& tx, DeviceId device);
// The team's latest log version; 0 for a team with no ops (or none at all).
std::uint64_t headOf(pqxx::transaction_base& tx, TeamId team);
// The version the team's log is read from since its last compaction (0: all of it is kept).
std::uint64_t logStartOf(pqxx::transaction_base& tx, TeamId team);
std::optional<RegisterState> registerIn(pqxx::transaction_base& tx, TeamId team,
                                        const RegisterKey& key);
// Who owns the device, if anyone; and whether the user may use it.
DeviceBinding claimDevice(pqxx::transaction_base& tx, UserId user, DeviceId device,
                          std::int64_t now_ms);

}  // namespace nextstep::server::pg
