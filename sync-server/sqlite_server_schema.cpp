#include "sqlite_server_schema.h"

#include <string>
#include <string_view>

namespace nextstep::server {
namespace {

constexpr std::int64_t kSchemaVersion = 2;

// STRICT tables: a column declared ANY keeps a value's exact type there, where a plain table
// would give it NUMERIC affinity and turn the text "42" into the integer 42.
constexpr std::string_view kSchema = R"sql(
CREATE TABLE teams(
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  head INTEGER NOT NULL DEFAULT 0,
  created_at INTEGER NOT NULL) STRICT;

CREATE TABLE users(
  id INTEGER PRIMARY KEY,
  team INTEGER NOT NULL REFERENCES teams(id),
  email TEXT NOT NULL UNIQUE COLLATE NOCASE,
  password_hash TEXT NOT NULL,
  created_at INTEGER NOT NULL) STRICT;
CREATE INDEX users_team ON users(team);

CREATE TABLE tokens(
  id INTEGER PRIMARY KEY,
  user INTEGER NOT NULL REFERENCES users(id),
  token_hash BLOB NOT NULL UNIQUE,
  device INTEGER,
  revoked INTEGER NOT NULL DEFAULT 0,
  created_at INTEGER NOT NULL) STRICT;
CREATE INDEX tokens_user ON tokens(user);

CREATE TABLE devices(
  id INTEGER PRIMARY KEY,
  user INTEGER NOT NULL REFERENCES users(id),
  last_seq INTEGER NOT NULL DEFAULT 0,
  created_at INTEGER NOT NULL) STRICT;

CREATE TABLE ops(
  team INTEGER NOT NULL REFERENCES teams(id),
  version INTEGER NOT NULL,
  device INTEGER NOT NULL,
  device_seq INTEGER NOT NULL,
  record_type INTEGER NOT NULL,
  record_id TEXT NOT NULL,
  kind INTEGER NOT NULL,
  key TEXT NOT NULL,
  value ANY,
  stamp BLOB NOT NULL,
  base BLOB,
  author TEXT NOT NULL,
  accepted_at INTEGER NOT NULL,
  PRIMARY KEY(team, version),
  UNIQUE(team, device, device_seq)) STRICT;

CREATE TABLE registers(
  team INTEGER NOT NULL REFERENCES teams(id),
  record_type INTEGER NOT NULL,
  record_id TEXT NOT NULL,
  key TEXT NOT NULL,
  value ANY,
  stamp BLOB NOT NULL,
  base BLOB,
  author TEXT NOT NULL,
  version INTEGER NOT NULL,
  PRIMARY KEY(team, record_type, record_id, key)) STRICT;

CREATE TABLE members(
  team INTEGER NOT NULL REFERENCES teams(id),
  record_type INTEGER NOT NULL,
  record_id TEXT NOT NULL,
  set_name TEXT NOT NULL,
  member TEXT NOT NULL,
  add_stamp BLOB,
  removed_upto BLOB,
  add_author TEXT NOT NULL,
  PRIMARY KEY(team, record_type, record_id, set_name, member)) STRICT, WITHOUT ROWID;

CREATE TABLE conflicts(
  id INTEGER PRIMARY KEY,
  team INTEGER NOT NULL REFERENCES teams(id),
  record_type INTEGER NOT NULL,
  record_id TEXT NOT NULL,
  key TEXT NOT NULL,
  kind TEXT NOT NULL,
  kept_value ANY, kept_stamp BLOB, kept_author TEXT NOT NULL,
  lost_value ANY, lost_stamp BLOB NOT NULL, lost_author TEXT NOT NULL,
  version INTEGER NOT NULL,
  detected_at INTEGER NOT NULL) STRICT;
CREATE INDEX conflicts_team ON conflicts(team, version);

CREATE TABLE rejected(
  id INTEGER PRIMARY KEY,
  team INTEGER NOT NULL REFERENCES teams(id),
  device INTEGER NOT NULL,
  device_seq INTEGER NOT NULL,
  reason TEXT NOT NULL,
  operation BLOB NOT NULL,
  rejected_at INTEGER NOT NULL) STRICT;
CREATE INDEX rejected_device ON rejected(device, device_seq);
)sql";

// Log compaction: where each team's log now starts, and what a push's duplicate check keeps of
// each operation taken out of it.
constexpr std::string_view kVersion2 = R"sql(
ALTER TABLE teams ADD COLUMN log_start INTEGER NOT NULL DEFAULT 0;
CREATE TABLE compacted_ops(
  team INTEGER NOT NULL REFERENCES teams(id),
  device INTEGER NOT NULL,
  device_seq INTEGER NOT NULL,
  digest BLOB NOT NULL,
  PRIMARY KEY(team, device, device_seq)) STRICT, WITHOUT ROWID;
)sql";

}  // namespace

void configureServerConnection(Database& db, bool durable, bool reader) {
  db.exec("PRAGMA foreign_keys = ON");
  db.exec(durable ? "PRAGMA synchronous = FULL" : "PRAGMA synchronous = NORMAL");
  if (reader) db.exec("PRAGMA query_only = ON");
}

Result<void> migrateServerStore(Database& db) {
  db.exec("PRAGMA journal_mode = WAL");
  Transaction tx(db, Transaction::Kind::kWrite);
  const std::int64_t version = db.scalar("PRAGMA user_version");
  if (version > kSchemaVersion) {
    return Error{ErrorCode::kTooNew, db.path() +
                                         " was written by a newer nextstep-server (schema " +
                                         std::to_string(version) + ")"};
  }
  if (version == 0) db.exec(kSchema);
  if (version < 2) db.exec(kVersion2);
  if (version < kSchemaVersion) {
    db.exec("PRAGMA user_version = " + std::to_string(kSchemaVersion));
  }
  tx.commit();
  return {};
}

}  // namespace nextstep::server
