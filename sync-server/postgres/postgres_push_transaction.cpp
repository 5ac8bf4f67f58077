#include "postgres_push_transaction.h"

#include <algorithm>
#include <map>
#include <span>
#include <stdexcept>
#include <string>
#include <tuple>

#include "postgres_head_watch.h"
#include "postgres_rows.h"
#include "push_batch.h"

namespace nextstep::server {
namespace {

// Prepared once per connection, since parsing and planning them each time cost more than their
// work. The bulk writes are built per push (their row count varies).
struct Statement {
  const char* name;
  std::string sql;
};
const Statement kStatements[] = {
    // The head row's lock is held to the commit: the team's next push waits for it, so
    // versions commit in order (a sequence would hand out 12 before 11 commits).
    {"lock_head", "SELECT head, log_start FROM team_heads WHERE team_id = $1 FOR UPDATE"},
    {"move_head", "UPDATE team_heads SET head = $2 WHERE team_id = $1"},
    {"merge_incoming_registers",
     "WITH incoming AS (DELETE FROM incoming_registers RETURNING *) "
     "INSERT INTO registers(team_id, record_type, record_id, key, value_type, value, stamp, "
     "base, author, version) SELECT team_id, record_type, record_id, key, value_type, value, "
     "stamp, base, author, version FROM incoming "
     "ON CONFLICT (team_id, record_type, record_id, key) DO UPDATE SET "
     "value_type = excluded.value_type, value = excluded.value, stamp = excluded.stamp, "
     "base = excluded.base, author = excluded.author, version = excluded.version"},
    {"stored_op", "SELECT " + std::string(pg::kOpColumns) +
                      " FROM ops WHERE team_id = $1 AND device_id = $2 AND device_seq = $3"},
    {"compacted_digest",
     "SELECT digest FROM compacted_ops WHERE team_id = $1 AND device_id = $2 AND device_seq = $3"},
    {"stored_rejection",
     "SELECT reason, operation FROM rejected WHERE team_id = "
     "(SELECT team_id FROM devices WHERE device_id = $1) AND device_id = $1 AND "
     "device_seq = $2 ORDER BY rejection_id LIMIT 1"},
    {"add_rejection",
     "INSERT INTO rejected(team_id, device_id, device_seq, reason, operation, rejected_at) "
     "VALUES ($1, $2, $3, $4, $5, $6)"},
    {"read_member",
     "SELECT add_stamp, removed_upto, add_author FROM members WHERE team_id = $1 AND "
     "record_type = $2 AND record_id = $3 AND set_name = $4 AND member = $5"},
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

// Rows in one multi-row statement: big enough that a push's writes take a few round trips,
// small enough that a statement's text stays well under a megabyte.
constexpr std::size_t kRowsPerStatement = 500;

// SQL literals of one row of a bulk write, quoted by the connection's rules.
class Literals {
 public:
  explicit Literals(pqxx::transaction_base& tx) : tx_(tx) {}
  Literals& number(std::int64_t v) { return next(std::to_string(v)); }
  Literals& text(const std::string& v) { return next(tx_.quote(v)); }
  Literals& bytes(const pqxx::binarystring& b) { return next(tx_.quote_raw(b.data(), b.size())); }
  // A zero stamp is NULL, as the SQLite store stores it.
  Literals& stamp(const Stamp& s) { return s.isZero() ? next("NULL") : bytes(stampBytes(s)); }
  std::string row() {
    std::string out = "(" + row_ + ")";
    row_.clear();
    return out;
  }

 private:
  Literals& next(const std::string& literal) {
    if (!row_.empty()) row_ += ',';
    row_ += literal;
    return *this;
  }
  pqxx::transaction_base& tx_;
  std::string row_;
};

// bytea in the text form COPY reads ("\x" and hex digits).
std::string byteaText(const void* data, std::size_t size) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string hex = "\\x";
  hex.reserve(2 + 2 * size);
  for (const auto* b = static_cast<const unsigned char*>(data); size > 0; ++b, --size) {
    hex += kHex[*b >> 4];
    hex += kHex[*b & 0xF];
  }
  return hex;
}

// A stamp's COPY field: a null pointer for the zero stamp (NULL, as the SQLite store keeps it).
const char* stampField(const Stamp& stamp, std::string& text) {
  if (stamp.isZero()) return nullptr;
  const auto b = stamp.encode();
  text = byteaText(b.data(), b.size());
  return text.c_str();
}

// Runs `head VALUES rows... tail` in statements of kRowsPerStatement rows.
template <typename Row, typename Fill>
void insertRows(pqxx::transaction_base& tx, std::string_view head, std::string_view tail,
                std::span<const Row> rows, Fill fill) {
  Literals literals(tx);
  for (std::size_t from = 0; from < rows.size(); from += kRowsPerStatement) {
    std::string statement(head);
    statement += " VALUES ";
    const std::size_t to = std::min(rows.size(), from + kRowsPerStatement);
    for (std::size_t i = from; i < to; ++i) {
      if (i > from) statement += ',';
      fill(literals, rows[i]);
      statement += literals.row();
    }
    statement += tail;
    tx.exec(statement);
  }
}

class PostgresPushRows final : public PushRows {
 public:
  explicit PostgresPushRows(pqxx::transaction_base& tx) : tx_(tx) {}

  LogBounds lockHead(TeamId team) override {
    const auto r = tx_.exec_prepared("lock_head", team);
    if (r.empty()) return {};
    return {unsql(r[0][0].as<std::int64_t>()), unsql(r[0][1].as<std::int64_t>())};
  }

  std::uint64_t lastSeq(DeviceId device) override { return pg::lastSeqOf(tx_, device); }

  std::optional<LoggedOp> storedOp(TeamId team, DeviceId device, std::uint64_t seq) override {
    const auto r = tx_.exec_prepared("stored_op", team, sql(device), sql(seq));
    if (r.empty()) return std::nullopt;
    return pg::loggedOpOf(r[0]);
  }

  std::optional<std::string> compactedDigest(TeamId team, DeviceId device,
                                             std::uint64_t seq) override {
    const auto r = tx_.exec_prepared("compacted_digest", team, sql(device), sql(seq));
    if (r.empty()) return std::nullopt;
    const pqxx::binarystring digest(r[0][0]);
    return std::string(digest.str());
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

  std::vector<std::pair<RegisterKey, RegisterState>> registersOf(
      TeamId team, std::span<const RecordKey> records) override {
    std::vector<std::pair<RegisterKey, RegisterState>> out;
    // The records of a group commit in a statement per record type (and per
    // kRowsPerStatement records). The lateral subquery (OFFSET 0 keeps the planner from
    // flattening it) probes the key's index once per record: a register table that grew since
    // its last ANALYZE otherwise looks empty, and a hash join then read all of the type's rows.
    std::map<RecordType, std::vector<const std::string*>> ids;
    for (const RecordKey& r : records) ids[r.type].push_back(&r.record_id);
    for (const auto& [type, of_type] : ids) {
      for (std::size_t from = 0; from < of_type.size(); from += kRowsPerStatement) {
        std::string statement =
            "SELECT r.record_id, r.key, r.value_type, r.value, r.stamp, r.base, r.author, "
            "r.version FROM unnest(ARRAY[";
        const std::size_t to = std::min(of_type.size(), from + kRowsPerStatement);
        for (std::size_t i = from; i < to; ++i) {
          if (i > from) statement += ',';
          statement += tx_.quote(*of_type[i]);
        }
        statement +=
            "]::text[]) AS wanted(id) CROSS JOIN LATERAL (SELECT * FROM registers WHERE "
            "team_id = " +
            std::to_string(team) + " AND record_type = " + std::to_string(static_cast<int>(type)) +
            " AND record_id = wanted.id OFFSET 0) r";
        for (const pqxx::row& row : tx_.exec(statement)) {
          out.emplace_back(RegisterKey{type, row[0].as<std::string>(), row[1].as<std::string>()},
                           registerAt(row, 2));
        }
      }
    }
    return out;
  }

  std::optional<MemberState> readMember(TeamId team, const MemberKey& key) override {
    const auto r = tx_.exec_prepared("read_member", team, static_cast<int>(key.type), key.record_id,
                                     key.set, key.member);
    if (r.empty()) return std::nullopt;
    return MemberState{pg::stampOf(r[0][0]), pg::stampOf(r[0][1]), r[0][2].as<std::string>()};
  }

  void writeLog(TeamId team, std::span<const LogEntry> entries) override {
    // COPY: the log is most of a push's rows, and PostgreSQL takes them fastest this way.
    pqxx::stream_to copy(
        tx_, "ops",
        std::vector<std::string>{"team_id", "version", "device_id", "device_seq", "record_type",
                                 "record_id", "kind", "key", "value_type", "value", "stamp", "base",
                                 "author", "accepted_at"});
    std::string stamp;
    std::string base;
    for (const LogEntry& e : entries) {
      const pg::ValueColumns value = valueColumns(e.op.value);
      copy << std::make_tuple(
          team, sql(e.version), sql(e.device), e.op.seq, static_cast<int>(e.op.type),
          e.op.record_id, static_cast<int>(e.op.kind), e.op.key, value.type,
          byteaText(value.bytes.data(), value.bytes.size()), stampField(e.op.stamp, stamp),
          stampField(e.op.base, base), e.author, e.accepted_ms);
    }
    copy.complete();
    const auto moved = tx_.exec_prepared("move_head", team, sql(entries.back().version));
    if (moved.affected_rows() != 1) throw std::runtime_error("no team " + std::to_string(team));
  }

  void writeRegisters(TeamId team,
                      std::span<const std::pair<RegisterKey, RegisterState>> rows) override {
    // COPY into this session's table, then one upsert from it: a statement of literals costs
    // PostgreSQL more to parse than to run.
    pqxx::stream_to copy(
        tx_, "incoming_registers",
        std::vector<std::string>{"team_id", "record_type", "record_id", "key", "value_type",
                                 "value", "stamp", "base", "author", "version"});
    std::string stamp;
    std::string base;
    for (const auto& [key, state] : rows) {
      const pg::ValueColumns value = valueColumns(state.value);
      copy << std::make_tuple(team, static_cast<int>(key.type), key.record_id, key.key, value.type,
                              byteaText(value.bytes.data(), value.bytes.size()),
                              stampField(state.stamp, stamp), stampField(state.base, base),
                              state.author, sql(state.version));
    }
    copy.complete();
    tx_.exec_prepared("merge_incoming_registers");
  }

  void writeMembers(TeamId team, std::span<const std::pair<MemberKey, MemberState>> rows) override {
    insertRows(tx_,
               "INSERT INTO members(team_id, record_type, record_id, set_name, member, add_stamp, "
               "removed_upto, add_author)",
               " ON CONFLICT (team_id, record_type, record_id, set_name, member) DO UPDATE SET "
               "add_stamp = excluded.add_stamp, removed_upto = excluded.removed_upto, "
               "add_author = excluded.add_author",
               rows, [&](Literals& l, const std::pair<MemberKey, MemberState>& m) {
                 l.number(team)
                     .number(static_cast<int>(m.first.type))
                     .text(m.first.record_id)
                     .text(m.first.set)
                     .text(m.first.member)
                     .stamp(m.second.add_stamp)
                     .stamp(m.second.removed_upto)
                     .text(m.second.add_author);
               });
  }

  void setLastSeqs(std::span<const std::pair<DeviceId, std::uint64_t>> seqs) override {
    insertRows(tx_,
               "INSERT INTO device_seqs(team_id, device_id, last_seq) SELECT d.team_id, "
               "d.device_id, s.last_seq FROM devices d JOIN (",
               ") AS s(device_id, last_seq) ON d.device_id = s.device_id "
               "ON CONFLICT (team_id, device_id) DO UPDATE SET last_seq = excluded.last_seq",
               seqs, [&](Literals& l, const std::pair<DeviceId, std::uint64_t>& s) {
                 l.number(sql(s.first)).number(sql(s.second));
               });
  }

  void archiveConflict(const ConflictRecord& c) override {
    const pg::ValueColumns kept = valueColumns(c.kept_value);
    const pg::ValueColumns lost = valueColumns(c.lost_value);
    tx_.exec_prepared("archive_conflict", c.team, static_cast<int>(c.type), c.record_id, c.key,
                      pg::kindColumn(c), kept.type, kept.bytes, stampBytes(c.kept_stamp),
                      c.kept_author, lost.type, lost.bytes, stampBytes(c.lost_stamp), c.lost_author,
                      sql(c.version), c.detected_at_ms);
  }

 private:
  static RegisterState registerAt(const pqxx::row& row, int from) {
    return RegisterState{pg::valueOf(row[from], row[from + 1]), pg::stampOf(row[from + 2]),
                         pg::stampOf(row[from + 3]), row[from + 4].as<std::string>(),
                         unsql(row[from + 5].as<std::int64_t>())};
  }

  pqxx::transaction_base& tx_;
};

}  // namespace

void preparePushStatements(pqxx::connection& conn) {
  // A push's registers pass through this session's own table (see writeRegisters).
  pqxx::nontransaction(conn).exec(
      "CREATE TEMP TABLE incoming_registers(team_id bigint, record_type smallint, "
      "record_id text, key text, value_type smallint, value bytea, stamp bytea, base bytea, "
      "author text, version bigint)");
  for (const Statement& s : kStatements) conn.prepare(s.name, s.sql);
}

void withPostgresPushTransaction(pqxx::transaction_base& tx,
                                 const std::function<void(PushTransaction&)>& work) {
  PostgresPushRows rows(tx);
  announceHeads(tx, writeBatched(rows, work));
}

}  // namespace nextstep::server
