#include "postgres_push_transaction.h"

#include <map>
#include <stdexcept>
#include <string>

#include "postgres_head_watch.h"
#include "postgres_rows.h"

namespace nextstep::server {
namespace {

// A push runs these for each of its operations: prepared once per connection, since parsing and
// planning them each time cost more than their work.
struct Statement {
  const char* name;
  std::string sql;
};
const Statement kStatements[] = {
    {"set_last_seq",
     "INSERT INTO device_seqs(team_id, device_id, last_seq) "
     "SELECT team_id, device_id, $2 FROM devices WHERE device_id = $1 "
     "ON CONFLICT (team_id, device_id) DO UPDATE SET last_seq = excluded.last_seq"},
    {"stored_op", "SELECT " + std::string(pg::kOpColumns) +
                      " FROM ops WHERE team_id = $1 AND device_id = $2 AND device_seq = $3"},
    {"stored_rejection",
     "SELECT reason, operation FROM rejected WHERE team_id = "
     "(SELECT team_id FROM devices WHERE device_id = $1) AND device_id = $1 AND "
     "device_seq = $2 ORDER BY rejection_id LIMIT 1"},
    {"add_rejection",
     "INSERT INTO rejected(team_id, device_id, device_seq, reason, operation, rejected_at) "
     "VALUES ($1, $2, $3, $4, $5, $6)"},
    // The head row's lock is held to the commit: the team's next append waits for it, so
    // versions commit in order (a sequence would hand out 12 before 11 commits).
    {"append",
     "WITH next AS (UPDATE team_heads SET head = head + 1 WHERE team_id = $1 RETURNING head) "
     "INSERT INTO ops(team_id, version, device_id, device_seq, record_type, record_id, kind, "
     "key, value_type, value, stamp, base, author, accepted_at) SELECT $1, next.head, $2, $3, "
     "$4, $5, $6, $7, $8, $9, NULLIF($10, ''::bytea), NULLIF($11, ''::bytea), $12, $13 "
     "FROM next RETURNING version"},
    {"write_register",
     "INSERT INTO registers(team_id, record_type, record_id, key, value_type, value, stamp, "
     "base, author, version) VALUES ($1, $2, $3, $4, $5, $6, NULLIF($7, ''::bytea), "
     "NULLIF($8, ''::bytea), $9, $10) "
     "ON CONFLICT (team_id, record_type, record_id, key) DO UPDATE SET "
     "value_type = excluded.value_type, value = excluded.value, stamp = excluded.stamp, "
     "base = excluded.base, author = excluded.author, version = excluded.version"},
    {"read_member",
     "SELECT add_stamp, removed_upto, add_author FROM members WHERE team_id = $1 AND "
     "record_type = $2 AND record_id = $3 AND set_name = $4 AND member = $5"},
    {"write_member",
     "INSERT INTO members(team_id, record_type, record_id, set_name, member, add_stamp, "
     "removed_upto, add_author) VALUES ($1, $2, $3, $4, $5, NULLIF($6, ''::bytea), "
     "NULLIF($7, ''::bytea), $8) "
     "ON CONFLICT (team_id, record_type, record_id, set_name, member) DO UPDATE SET "
     "add_stamp = excluded.add_stamp, removed_upto = excluded.removed_upto, "
     "add_author = excluded.add_author"},
    {"archive_conflict",
     "INSERT INTO conflicts(team_id, record_type, record_id, key, kind, kept_value_type, "
     "kept_value, kept_stamp, kept_author, lost_value_type, lost_value, lost_stamp, "
     "lost_author, version, detected_at) VALUES ($1, $2, $3, $4, $5, $6, $7, "
     "NULLIF($8, ''::bytea), $9, $10, $11, NULLIF($12, ''::bytea), $13, $14, $15)"},
};

using pg::bytes;
using pg::sql;
using pg::stampBytes;
using pg::unsql;
using pg::valueColumns;

class PostgresPushTransaction final : public PushTransaction {
 public:
  explicit PostgresPushTransaction(pqxx::transaction_base& tx) : tx_(tx) {}

  std::uint64_t lastSeq(DeviceId device) override { return pg::lastSeqOf(tx_, device); }

  void setLastSeq(DeviceId device, std::uint64_t seq) override {
    tx_.exec_prepared("set_last_seq", sql(device), sql(seq));
  }

  std::optional<LoggedOp> storedOp(TeamId team, DeviceId device, std::uint64_t seq) override {
    const auto r = tx_.exec_prepared("stored_op", team, sql(device), sql(seq));
    if (r.empty()) return std::nullopt;
    return pg::loggedOpOf(r[0]);
  }

  std::optional<RejectionRecord> storedRejection(DeviceId device, std::uint64_t seq) override {
    const auto r = tx_.exec_prepared("stored_rejection", sql(device), sql(seq));
    if (r.empty()) return std::nullopt;
    RejectionRecord rejection{device, seq, r[0][0].as<std::string>(), {}};
    const pqxx::binarystring op(r[0][1]);
    rejection.operation.ParseFromArray(op.data(), static_cast<int>(op.size()));
    return rejection;
  }

  void addRejection(TeamId team, const RejectionRecord& r, std::int64_t now_ms) override {
    tx_.exec_prepared("add_rejection", team, sql(r.device), sql(r.device_seq), r.reason,
                      bytes(r.operation.SerializeAsString()), now_ms);
  }

  std::uint64_t append(TeamId team, DeviceId device, const Op& op, const std::string& author,
                       std::int64_t now_ms) override {
    const pg::ValueColumns value = valueColumns(op.value);
    const auto appended =
        tx_.exec_prepared("append", team, sql(device), op.seq, static_cast<int>(op.type),
                          op.record_id, static_cast<int>(op.kind), op.key, value.type, value.bytes,
                          stampBytes(op.stamp), stampBytes(op.base), author, now_ms);
    if (appended.empty()) throw std::runtime_error("no team " + std::to_string(team));
    const std::uint64_t version = unsql(appended[0][0].as<std::int64_t>());
    heads_[team] = version;
    return version;
  }

  std::uint64_t head(TeamId team) override { return pg::headOf(tx_, team); }

  std::optional<RegisterState> readRegister(TeamId team, const RegisterKey& key) override {
    return pg::registerIn(tx_, team, key);
  }

  void writeRegister(TeamId team, const RegisterKey& key, const RegisterState& state) override {
    const pg::ValueColumns value = valueColumns(state.value);
    tx_.exec_prepared("write_register", team, static_cast<int>(key.type), key.record_id, key.key,
                      value.type, value.bytes, stampBytes(state.stamp), stampBytes(state.base),
                      state.author, sql(state.version));
  }

  std::optional<MemberState> readMember(TeamId team, const MemberKey& key) override {
    const auto r = tx_.exec_prepared("read_member", team, static_cast<int>(key.type), key.record_id,
                                     key.set, key.member);
    if (r.empty()) return std::nullopt;
    return MemberState{pg::stampOf(r[0][0]), pg::stampOf(r[0][1]), r[0][2].as<std::string>()};
  }

  void writeMember(TeamId team, const MemberKey& key, const MemberState& state) override {
    tx_.exec_prepared("write_member", team, static_cast<int>(key.type), key.record_id, key.set,
                      key.member, stampBytes(state.add_stamp), stampBytes(state.removed_upto),
                      state.add_author);
  }

  void archiveConflict(const ConflictRecord& c) override {
    const pg::ValueColumns kept = valueColumns(c.kept_value);
    const pg::ValueColumns lost = valueColumns(c.lost_value);
    tx_.exec_prepared("archive_conflict", c.team, static_cast<int>(c.type), c.record_id, c.key,
                      pg::kindColumn(c), kept.type, kept.bytes, stampBytes(c.kept_stamp),
                      c.kept_author, lost.type, lost.bytes, stampBytes(c.lost_stamp), c.lost_author,
                      sql(c.version), c.detected_at_ms);
  }

  // The heads this push moved, for the other replicas (announced before the caller commits).
  const std::map<TeamId, std::uint64_t>& heads() const { return heads_; }

 private:
  pqxx::transaction_base& tx_;
  std::map<TeamId, std::uint64_t> heads_;
};

}  // namespace

void preparePushStatements(pqxx::connection& conn) {
  for (const Statement& s : kStatements) conn.prepare(s.name, s.sql);
}

void withPostgresPushTransaction(pqxx::transaction_base& tx,
                                 const std::function<void(PushTransaction&)>& work) {
  PostgresPushTransaction push(tx);
  work(push);
  announceHeads(tx, push.heads());
}

}  // namespace nextstep::server
