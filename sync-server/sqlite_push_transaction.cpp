#include "sqlite_push_transaction.h"

#include <string>

#include "push_batch.h"
#include "sqlite_server_rows.h"

namespace nextstep::server {
namespace {

class SqlitePushRows final : public PushRows {
 public:
  explicit SqlitePushRows(Database& db) : db_(db) {}

  std::uint64_t lastSeq(DeviceId device) override { return lastSeqOf(db_, device); }

  std::optional<LoggedOp> storedOp(TeamId team, DeviceId device, std::uint64_t seq) override {
    auto s = db_.prepare(std::string("SELECT ") + std::string(kOpColumns) +
                         " FROM ops WHERE team = ?1 AND device = ?2 AND device_seq = ?3");
    s->bindAll(team, sql(device), sql(seq));
    if (!s->step()) return std::nullopt;
    return loggedOpAt(*s);
  }

  std::optional<std::string> compactedDigest(TeamId team, DeviceId device,
                                             std::uint64_t seq) override {
    auto s = db_.prepare(
        "SELECT digest FROM compacted_ops WHERE team = ?1 AND device = ?2 AND device_seq = ?3");
    s->bindAll(team, sql(device), sql(seq));
    if (!s->step()) return std::nullopt;
    return std::string(s->blob(0));
  }

  std::optional<RejectionRecord> storedRejection(DeviceId device, std::uint64_t seq) override {
    auto s = db_.prepare(
        "SELECT reason, operation FROM rejected WHERE device = ?1 AND device_seq = ?2 "
        "ORDER BY id LIMIT 1");
    s->bindAll(sql(device), sql(seq));
    if (!s->step()) return std::nullopt;
    RejectionRecord r{device, seq, s->text(0), {}};
    const std::string_view bytes = s->blob(1);
    r.operation.ParseFromArray(bytes.data(), static_cast<int>(bytes.size()));
    return r;
  }

  void addRejection(TeamId team, const RejectionRecord& r, std::int64_t now_ms) override {
    auto s = db_.prepare(
        "INSERT INTO rejected(team, device, device_seq, reason, operation, rejected_at) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
    const std::string bytes = r.operation.SerializeAsString();
    s->bindAll(team, sql(r.device), sql(r.device_seq), r.reason);
    s->bindBlob(5, bytes.data(), bytes.size());
    s->bind(6, now_ms);
    s->run();
  }

  std::optional<MemberState> readMember(TeamId team, const MemberKey& key) override {
    auto s = db_.prepare(
        "SELECT add_stamp, removed_upto, add_author FROM members WHERE team = ?1 AND "
        "record_type = ?2 AND record_id = ?3 AND set_name = ?4 AND member = ?5");
    s->bindAll(team, static_cast<std::int64_t>(key.type), key.record_id, key.set, key.member);
    if (!s->step()) return std::nullopt;
    return MemberState{columnStamp(*s, 0), columnStamp(*s, 1), s->text(2)};
  }

  LogBounds lockHead(TeamId team) override { return {headOf(db_, team), logStartOf(db_, team)}; }

  std::vector<std::pair<RegisterKey, RegisterState>> registersOf(
      TeamId team, std::span<const RecordKey> records) override {
    auto s = db_.prepare(
        "SELECT key, value, stamp, base, author, version FROM registers "
        "WHERE team = ?1 AND record_type = ?2 AND record_id = ?3");
    std::vector<std::pair<RegisterKey, RegisterState>> out;
    for (const RecordKey& r : records) {
      s->reset();
      s->bindAll(team, static_cast<std::int64_t>(r.type), r.record_id);
      while (s->step()) {
        out.emplace_back(RegisterKey{r.type, r.record_id, s->text(0)},
                         RegisterState{s->value(1), columnStamp(*s, 2), columnStamp(*s, 3),
                                       s->text(4), unsql(s->integer(5))});
      }
    }
    return out;
  }

  void writeLog(TeamId team, std::span<const LogEntry> entries) override {
    auto s = db_.prepare(
        "INSERT INTO ops(team, version, device, device_seq, record_type, record_id, kind, key, "
        "value, stamp, base, author, accepted_at) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)");
    for (const LogEntry& e : entries) {
      s->reset();
      s->bindAll(team, sql(e.version), sql(e.device), e.op.seq,
                 static_cast<std::int64_t>(e.op.type), e.op.record_id,
                 static_cast<std::int64_t>(e.op.kind), e.op.key, e.op.value);
      bindStamp(*s, 10, e.op.stamp);
      bindStamp(*s, 11, e.op.base);
      s->bind(12, e.author);
      s->bind(13, e.accepted_ms);
      s->run();
    }
    auto head = db_.prepare("UPDATE teams SET head = ?2 WHERE id = ?1");
    head->bindAll(team, sql(entries.back().version));
    head->run();
    if (db_.changes() != 1) throw DbError(0, "no team " + std::to_string(team));
  }

  void writeRegisters(TeamId team,
                      std::span<const std::pair<RegisterKey, RegisterState>> rows) override {
    auto s = db_.prepare(
        "INSERT INTO registers(team, record_type, record_id, key, value, stamp, base, author, "
        "version) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9) "
        "ON CONFLICT(team, record_type, record_id, key) DO UPDATE SET value = excluded.value, "
        "stamp = excluded.stamp, base = excluded.base, author = excluded.author, "
        "version = excluded.version");
    for (const auto& [key, state] : rows) {
      s->reset();
      s->bindAll(team, static_cast<std::int64_t>(key.type), key.record_id, key.key, state.value);
      bindStamp(*s, 6, state.stamp);
      bindStamp(*s, 7, state.base);
      s->bind(8, state.author);
      s->bind(9, sql(state.version));
      s->run();
    }
  }

  void writeMembers(TeamId team, std::span<const std::pair<MemberKey, MemberState>> rows) override {
    auto s = db_.prepare(
        "INSERT INTO members(team, record_type, record_id, set_name, member, add_stamp, "
        "removed_upto, add_author) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) "
        "ON CONFLICT DO UPDATE SET add_stamp = excluded.add_stamp, "
        "removed_upto = excluded.removed_upto, add_author = excluded.add_author");
    for (const auto& [key, state] : rows) {
      s->reset();
      s->bindAll(team, static_cast<std::int64_t>(key.type), key.record_id, key.set, key.member);
      bindStamp(*s, 6, state.add_stamp);
      bindStamp(*s, 7, state.removed_upto);
      s->bind(8, state.add_author);
      s->run();
    }
  }

  void setLastSeqs(std::span<const std::pair<DeviceId, std::uint64_t>> seqs) override {
    auto s = db_.prepare("UPDATE devices SET last_seq = ?2 WHERE id = ?1");
    for (const auto& [device, seq] : seqs) {
      s->reset();
      s->bindAll(sql(device), sql(seq));
      s->run();
    }
  }

  void archiveConflict(const ConflictRecord& c) override {
    auto s = db_.prepare(
        "INSERT INTO conflicts(team, record_type, record_id, key, kind, kept_value, kept_stamp, "
        "kept_author, lost_value, lost_stamp, lost_author, version, detected_at) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)");
    s->bindAll(c.team, static_cast<std::int64_t>(c.type), c.record_id, c.key, nameOf(c.kind),
               c.kept_value);
    bindStamp(*s, 7, c.kept_stamp);
    s->bind(8, c.kept_author);
    s->bind(9, c.lost_value);
    bindStamp(*s, 10, c.lost_stamp);
    s->bind(11, c.lost_author);
    s->bind(12, sql(c.version));
    s->bind(13, c.detected_at_ms);
    s->run();
  }

 private:
  Database& db_;
};

}  // namespace

void withSqlitePushTransaction(Database& db, const std::function<void(PushTransaction&)>& work) {
  SqlitePushRows rows(db);
  writeBatched(rows, work);
}

}  // namespace nextstep::server
