#include "sqlite_server_rows.h"

namespace nextstep::server {

std::uint64_t lastSeqOf(Database& db, DeviceId device) {
  auto s = db.prepare("SELECT last_seq FROM devices WHERE id = ?1");
  s->bind(1, sql(device));
  return s->step() ? unsql(s->integer(0)) : 0;
}

std::uint64_t headOf(Database& db, TeamId team) {
  auto s = db.prepare("SELECT head FROM teams WHERE id = ?1");
  s->bind(1, team);
  return s->step() ? unsql(s->integer(0)) : 0;
}

std::uint64_t logStartOf(Database& db, TeamId team) {
  auto s = db.prepare("SELECT log_start FROM teams WHERE id = ?1");
  s->bind(1, team);
  return s->step() ? unsql(s->integer(0)) : 0;
}

LoggedOp loggedOpAt(const Statement& s) {
  // Columns: version, device, device_seq, record_type, record_id, kind, key, value, stamp, base,
  // author.
  LoggedOp l;
  l.version = unsql(s.integer(0));
  l.device = unsql(s.integer(1));
  l.op.seq = s.integer(2);
  l.op.type = static_cast<RecordType>(s.integer(3));
  l.op.record_id = s.text(4);
  l.op.kind = static_cast<OpKind>(s.integer(5));
  l.op.key = s.text(6);
  l.op.value = s.value(7);
  l.op.stamp = columnStamp(s, 8);
  l.op.base = columnStamp(s, 9);
  l.author = s.text(10);
  return l;
}

std::optional<RegisterState> registerIn(Database& db, TeamId team, const RegisterKey& key) {
  auto s = db.prepare(
      "SELECT value, stamp, base, author, version FROM registers "
      "WHERE team = ?1 AND record_type = ?2 AND record_id = ?3 AND key = ?4");
  s->bindAll(team, static_cast<std::int64_t>(key.type), key.record_id, key.key);
  if (!s->step()) return std::nullopt;
  return RegisterState{s->value(0), columnStamp(*s, 1), columnStamp(*s, 2), s->text(3),
                       unsql(s->integer(4))};
}

DeviceBinding claimDevice(Database& db, UserId user, DeviceId device, std::int64_t now_ms) {
  auto owner = db.prepare("SELECT user FROM devices WHERE id = ?1");
  owner->bind(1, sql(device));
  if (owner->step()) {
    return owner->integer(0) == user ? DeviceBinding::kBound : DeviceBinding::kDeviceOfOtherUser;
  }
  auto add =
      db.prepare("INSERT INTO devices(id, user, last_seq, created_at) VALUES (?1, ?2, 0, ?3)");
  add->bindAll(sql(device), user, now_ms);
  add->run();
  return DeviceBinding::kBound;
}

Error errorOf(const DbError& e) { return Error{e.errorCode(), e.what()}; }

}  // namespace nextstep::server
