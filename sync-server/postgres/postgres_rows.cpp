#include "postgres_rows.h"

#include <charconv>
#include <stdexcept>
#include <system_error>
#include <variant>

#include "nextstep/model/conflict_kind.h"

namespace nextstep::server::pg {
namespace {

enum ValueType { kNull = 0, kInteger = 1, kReal = 2, kText = 3 };

template <typename T>
std::string digitsOf(T v) {
  char buf[64];
  const auto done = std::to_chars(buf, buf + sizeof buf, v);
  return std::string(buf, done.ptr);
}

template <typename T>
T parsed(const std::string& text) {
  T v{};
  const auto done = std::from_chars(text.data(), text.data() + text.size(), v);
  if (done.ec != std::errc() || done.ptr != text.data() + text.size()) {
    throw std::runtime_error("a stored number does not read back: '" + text + "'");
  }
  return v;
}

}  // namespace

pqxx::binarystring stampBytes(const Stamp& stamp) {
  if (stamp.isZero()) return pqxx::binarystring("", 0);
  const auto b = stamp.encode();
  return pqxx::binarystring(b.data(), b.size());
}

Stamp stampOf(const pqxx::field& f) {
  if (f.is_null()) return Stamp{};
  const pqxx::binarystring b(f);
  return Stamp::decode(b.data(), b.size());
}

ValueColumns valueColumns(const Value& v) {
  if (const auto* i = std::get_if<std::int64_t>(&v)) {
    return {kInteger, bytes(digitsOf(*i))};
  }
  if (const auto* d = std::get_if<double>(&v)) return {kReal, bytes(digitsOf(*d))};
  if (const auto* s = std::get_if<std::string>(&v)) return {kText, bytes(*s)};
  return {kNull, bytes("")};
}

Value valueOf(const pqxx::field& type, const pqxx::field& value) {
  const int t = type.as<int>();
  if (t == kNull) return Value{};
  const std::string text = pqxx::binarystring(value).str();
  switch (t) {
    case kInteger:
      return Value(parsed<std::int64_t>(text));
    case kReal:
      return Value(parsed<double>(text));
    case kText:
      return Value(text);
    default:
      throw std::runtime_error("unknown value type " + std::to_string(t) + " in the database");
  }
}

std::string kindColumn(const ConflictRecord& c) { return std::string(nameOf(c.kind)); }

void setKind(ConflictRecord& c, const pqxx::field& f) {
  c.kind = parseEnum<ConflictKind>(f.as<std::string>()).value_or(ConflictKind::kOverwritten);
}

LoggedOp loggedOpOf(const pqxx::row& r) {
  LoggedOp l;
  l.version = unsql(r[0].as<std::int64_t>());
  l.device = unsql(r[1].as<std::int64_t>());
  l.op.seq = r[2].as<std::int64_t>();
  l.op.type = static_cast<RecordType>(r[3].as<int>());
  l.op.record_id = r[4].as<std::string>();
  l.op.kind = static_cast<OpKind>(r[5].as<int>());
  l.op.key = r[6].as<std::string>();
  l.op.value = valueOf(r[7], r[8]);
  l.op.stamp = stampOf(r[9]);
  l.op.base = stampOf(r[10]);
  l.author = r[11].as<std::string>();
  return l;
}

void prepareRowStatements(pqxx::connection& conn) {
  conn.prepare("last_seq",
               "SELECT last_seq FROM device_seqs WHERE team_id = "
               "(SELECT team_id FROM devices WHERE device_id = $1) AND device_id = $1");
  conn.prepare("head", "SELECT head FROM team_heads WHERE team_id = $1");
  conn.prepare("log_start", "SELECT log_start FROM team_heads WHERE team_id = $1");
  conn.prepare("read_register",
               "SELECT value_type, value, stamp, base, author, version FROM registers "
               "WHERE team_id = $1 AND record_type = $2 AND record_id = $3 AND key = $4");
}

std::uint64_t lastSeqOf(pqxx::transaction_base& tx, DeviceId device) {
  const auto r = tx.exec_prepared("last_seq", sql(device));
  return r.empty() ? 0 : unsql(r[0][0].as<std::int64_t>());
}

std::uint64_t headOf(pqxx::transaction_base& tx, TeamId team) {
  const auto r = tx.exec_prepared("head", team);
  return r.empty() ? 0 : unsql(r[0][0].as<std::int64_t>());
}

std::uint64_t logStartOf(pqxx::transaction_base& tx, TeamId team) {
  const auto r = tx.exec_prepared("log_start", team);
  return r.empty() ? 0 : unsql(r[0][0].as<std::int64_t>());
}

std::optional<RegisterState> registerIn(pqxx::transaction_base& tx, TeamId team,
                                        const RegisterKey& key) {
  const auto r =
      tx.exec_prepared("read_register", team, static_cast<int>(key.type), key.record_id, key.key);
  if (r.empty()) return std::nullopt;
  const pqxx::row row = r[0];
  return RegisterState{valueOf(row[0], row[1]), stampOf(row[2]), stampOf(row[3]),
                       row[4].as<std::string>(), unsql(row[5].as<std::int64_t>())};
}

DeviceBinding claimDevice(pqxx::transaction_base& tx, UserId user, DeviceId device,
                          std::int64_t now_ms) {
  // Claim first, then read the owner: two first handshakes of one device race safely.
  tx.exec_params(
      "INSERT INTO devices(device_id, user_id, team_id, created_at) "
      "SELECT $1, user_id, team_id, $3 FROM users WHERE user_id = $2 "
      "ON CONFLICT (device_id) DO NOTHING",
      sql(device), user, now_ms);
  const auto owner =
      tx.exec_params("SELECT user_id FROM devices WHERE device_id = $1", sql(device));
  if (owner.empty() || owner[0][0].as<UserId>() != user) return DeviceBinding::kDeviceOfOtherUser;
  return DeviceBinding::kBound;
}

}  // namespace nextstep::server::pg
