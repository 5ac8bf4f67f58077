#include "sqlite_server_store.h"

#include <system_error>
#include <type_traits>

#include "nextstep/record_rows.h"
#include "nextstep/sync/wire.h"

namespace nextstep::server {
namespace {

using records::bindStamp;
using records::columnStamp;

constexpr std::int64_t kSchemaVersion = 1;

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

// 64-bit ids and sequence numbers keep their bits in SQLite's signed integers.
std::int64_t sql(std::uint64_t v) { return static_cast<std::int64_t>(v); }
std::uint64_t unsql(std::int64_t v) { return static_cast<std::uint64_t>(v); }

std::uint64_t lastSeqOf(Database& db, DeviceId device) {
  auto s = db.prepare("SELECT last_seq FROM devices WHERE id = ?1");
  s->bind(1, sql(device));
  return s->step() ? unsql(s->integer(0)) : 0;
}

Error errorOf(const DbError& e) { return Error{e.errorCode(), e.what()}; }

template <typename T>
struct AsResult {
  using type = Result<T>;
};
template <typename T>
struct AsResult<Result<T>> {
  using type = Result<T>;
};

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

void configure(Database& db, bool durable, bool reader) {
  db.exec("PRAGMA foreign_keys = ON");
  db.exec(durable ? "PRAGMA synchronous = FULL" : "PRAGMA synchronous = NORMAL");
  if (reader) db.exec("PRAGMA query_only = ON");
}

Result<void> migrate(Database& db) {
  db.exec("PRAGMA journal_mode = WAL");
  Transaction tx(db, Transaction::Kind::kWrite);
  const std::int64_t version = db.scalar("PRAGMA user_version");
  if (version > kSchemaVersion) {
    return Error{ErrorCode::kTooNew, db.path() +
                                         " was written by a newer nextstep-server (schema " +
                                         std::to_string(version) + ")"};
  }
  if (version == 0) {
    db.exec(kSchema);
    db.exec("PRAGMA user_version = " + std::to_string(kSchemaVersion));
  }
  tx.commit();
  return {};
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

constexpr std::string_view kOpColumns =
    "version, device, device_seq, record_type, record_id, kind, key, value, stamp, base, author";

std::optional<RegisterState> registerIn(Database& db, TeamId team, const RegisterKey& key) {
  auto s = db.prepare(
      "SELECT value, stamp, base, author, version FROM registers "
      "WHERE team = ?1 AND record_type = ?2 AND record_id = ?3 AND key = ?4");
  s->bindAll(team, static_cast<std::int64_t>(key.type), key.record_id, key.key);
  if (!s->step()) return std::nullopt;
  return RegisterState{s->value(0), columnStamp(*s, 1), columnStamp(*s, 2), s->text(3),
                       unsql(s->integer(4))};
}

// Who owns the device, if anyone; and whether the user may use it.
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

class SqlitePushTransaction final : public PushTransaction {
 public:
  explicit SqlitePushTransaction(Database& db) : db_(db) {}

  std::uint64_t lastSeq(DeviceId device) override { return lastSeqOf(db_, device); }

  void setLastSeq(DeviceId device, std::uint64_t seq) override {
    auto s = db_.prepare("UPDATE devices SET last_seq = ?2 WHERE id = ?1");
    s->bindAll(sql(device), sql(seq));
    s->run();
  }

  std::optional<LoggedOp> storedOp(TeamId team, DeviceId device, std::uint64_t seq) override {
    auto s = db_.prepare(std::string("SELECT ") + std::string(kOpColumns) +
                         " FROM ops WHERE team = ?1 AND device = ?2 AND device_seq = ?3");
    s->bindAll(team, sql(device), sql(seq));
    if (!s->step()) return std::nullopt;
    return loggedOpAt(*s);
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

  std::uint64_t append(TeamId team, DeviceId device, const Op& op, const std::string& author,
                       std::int64_t now_ms) override {
    auto next = db_.prepare("UPDATE teams SET head = head + 1 WHERE id = ?1 RETURNING head");
    next->bind(1, team);
    if (!next->step()) throw DbError(0, "no team " + std::to_string(team));
    const std::int64_t version = next->integer(0);
    next->run();
    auto s = db_.prepare(
        "INSERT INTO ops(team, version, device, device_seq, record_type, record_id, kind, key, "
        "value, stamp, base, author, accepted_at) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)");
    s->bindAll(team, version, sql(device), op.seq, static_cast<std::int64_t>(op.type), op.record_id,
               static_cast<std::int64_t>(op.kind), op.key, op.value);
    bindStamp(*s, 10, op.stamp);
    bindStamp(*s, 11, op.base);
    s->bind(12, author);
    s->bind(13, now_ms);
    s->run();
    return unsql(version);
  }

  std::uint64_t head(TeamId team) override {
    auto s = db_.prepare("SELECT head FROM teams WHERE id = ?1");
    s->bind(1, team);
    return s->step() ? unsql(s->integer(0)) : 0;
  }

  std::optional<RegisterState> readRegister(TeamId team, const RegisterKey& key) override {
    return registerIn(db_, team, key);
  }

  void writeRegister(TeamId team, const RegisterKey& key, const RegisterState& state) override {
    auto s = db_.prepare(
        "INSERT INTO registers(team, record_type, record_id, key, value, stamp, base, author, "
        "version) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9) "
        "ON CONFLICT(team, record_type, record_id, key) DO UPDATE SET value = excluded.value, "
        "stamp = excluded.stamp, base = excluded.base, author = excluded.author, "
        "version = excluded.version");
    s->bindAll(team, static_cast<std::int64_t>(key.type), key.record_id, key.key, state.value);
    bindStamp(*s, 6, state.stamp);
    bindStamp(*s, 7, state.base);
    s->bind(8, state.author);
    s->bind(9, sql(state.version));
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

  void writeMember(TeamId team, const MemberKey& key, const MemberState& state) override {
    auto s = db_.prepare(
        "INSERT INTO members(team, record_type, record_id, set_name, member, add_stamp, "
        "removed_upto, add_author) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) "
        "ON CONFLICT DO UPDATE SET add_stamp = excluded.add_stamp, "
        "removed_upto = excluded.removed_upto, add_author = excluded.add_author");
    s->bindAll(team, static_cast<std::int64_t>(key.type), key.record_id, key.set, key.member);
    bindStamp(*s, 6, state.add_stamp);
    bindStamp(*s, 7, state.removed_upto);
    s->bind(8, state.add_author);
    s->run();
  }

  void archiveConflict(const ConflictRecord& c) override {
    auto s = db_.prepare(
        "INSERT INTO conflicts(team, record_type, record_id, key, kind, kept_value, kept_stamp, "
        "kept_author, lost_value, lost_stamp, lost_author, version, detected_at) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)");
    s->bindAll(c.team, static_cast<std::int64_t>(c.type), c.record_id, c.key, c.kind, c.kept_value);
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

// A reader connection borrowed from the pool; returned when the lease ends.
class SqliteServerStore::ReaderLease {
 public:
  ReaderLease(SqliteServerStore& store, std::unique_ptr<Database> db)
      : store_(store), db_(std::move(db)) {}
  ~ReaderLease() {
    if (db_ == nullptr) return;
    {
      std::lock_guard lock(store_.readers_mu_);
      store_.idle_readers_.push_back(std::move(db_));
    }
    store_.reader_free_.notify_one();
  }
  ReaderLease(ReaderLease&& other) noexcept : store_(other.store_), db_(std::move(other.db_)) {}
  ReaderLease(const ReaderLease&) = delete;
  ReaderLease& operator=(const ReaderLease&) = delete;
  ReaderLease& operator=(ReaderLease&&) = delete;
  Database& operator*() { return *db_; }

 private:
  SqliteServerStore& store_;
  std::unique_ptr<Database> db_;
};

Result<std::unique_ptr<SqliteServerStore>> SqliteServerStore::openDirectory(
    const std::filesystem::path& dir, SqliteStoreOptions options) {
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (ec) return Error{ErrorCode::kIo, "cannot create " + dir.string() + ": " + ec.message()};
  return open(dir / kFileName, options);
}

Result<std::unique_ptr<SqliteServerStore>> SqliteServerStore::open(
    const std::filesystem::path& file, SqliteStoreOptions options) {
  try {
    auto db = Database::open(file.string(), OpenMode::kReadWriteCreate, options.vfs);
    configure(*db, options.durable, /*reader=*/false);
    if (auto migrated = migrate(*db); !migrated) return migrated.error();
    return std::unique_ptr<SqliteServerStore>(
        new SqliteServerStore(file.string(), std::move(db), options));
  } catch (const DbError& e) {
    return errorOf(e);
  }
}

SqliteServerStore::SqliteServerStore(std::string path, std::unique_ptr<Database> writer,
                                     SqliteStoreOptions options)
    : path_(std::move(path)), options_(options), writer_(std::move(writer)) {
  if (options_.readers < 1) options_.readers = 1;
}

SqliteServerStore::~SqliteServerStore() = default;

SqliteServerStore::ReaderLease SqliteServerStore::reader() {
  std::unique_lock lock(readers_mu_);
  for (;;) {
    if (!idle_readers_.empty()) {
      auto db = std::move(idle_readers_.back());
      idle_readers_.pop_back();
      return ReaderLease(*this, std::move(db));
    }
    if (open_readers_ < options_.readers) {
      ++open_readers_;
      lock.unlock();
      try {
        auto db = Database::open(path_, OpenMode::kReadWrite, options_.vfs);
        configure(*db, options_.durable, /*reader=*/true);
        return ReaderLease(*this, std::move(db));
      } catch (...) {
        lock.lock();
        --open_readers_;
        throw;
      }
    }
    reader_free_.wait(lock);
  }
}

Result<TeamId> SqliteServerStore::createTeam(std::string_view name, std::int64_t now_ms) {
  std::lock_guard lock(writer_mu_);
  return guarded([&]() -> Result<TeamId> {
    Database& db = *writer_;
    Transaction tx(db, Transaction::Kind::kWrite);
    auto exists = db.prepare("SELECT 1 FROM teams WHERE name = ?1");
    exists->bind(1, name);
    if (exists->step()) return Error::invalid("team '" + std::string(name) + "' already exists");
    auto s = db.prepare("INSERT INTO teams(name, head, created_at) VALUES (?1, 0, ?2)");
    s->bindAll(name, now_ms);
    s->run();
    const TeamId id = db.lastInsertRowId();
    tx.commit();
    return id;
  });
}

Result<UserId> SqliteServerStore::addUser(std::string_view team, std::string_view email,
                                          std::string_view password_hash, std::int64_t now_ms) {
  std::lock_guard lock(writer_mu_);
  return guarded([&]() -> Result<UserId> {
    Database& db = *writer_;
    Transaction tx(db, Transaction::Kind::kWrite);
    auto t = db.prepare("SELECT id FROM teams WHERE name = ?1");
    t->bind(1, team);
    if (!t->step()) return Error::notFound("no team '" + std::string(team) + "'");
    const TeamId team_id = t->integer(0);
    auto exists = db.prepare("SELECT 1 FROM users WHERE email = ?1");
    exists->bind(1, email);
    if (exists->step()) {
      return Error::invalid("a user with the email " + std::string(email) + " already exists");
    }
    auto s = db.prepare(
        "INSERT INTO users(team, email, password_hash, created_at) VALUES (?1, ?2, ?3, ?4)");
    s->bindAll(team_id, email, password_hash, now_ms);
    s->run();
    const UserId id = db.lastInsertRowId();
    tx.commit();
    return id;
  });
}

Result<TokenId> SqliteServerStore::addToken(UserId user, std::string_view token_hash,
                                            std::int64_t now_ms) {
  std::lock_guard lock(writer_mu_);
  return guarded([&] {
    auto s = writer_->prepare(
        "INSERT INTO tokens(user, token_hash, device, revoked, created_at) "
        "VALUES (?1, ?2, NULL, 0, ?3)");
    s->bind(1, user);
    s->bindBlob(2, token_hash.data(), token_hash.size());
    s->bind(3, now_ms);
    s->run();
    return writer_->lastInsertRowId();
  });
}

Result<int> SqliteServerStore::revokeTokens(std::string_view email) {
  std::lock_guard lock(writer_mu_);
  return guarded([&]() -> Result<int> {
    Database& db = *writer_;
    Transaction tx(db, Transaction::Kind::kWrite);
    auto u = db.prepare("SELECT id FROM users WHERE email = ?1");
    u->bind(1, email);
    if (!u->step()) return Error::notFound("no user with the email " + std::string(email));
    const UserId user = u->integer(0);
    auto s = db.prepare("UPDATE tokens SET revoked = 1 WHERE user = ?1 AND revoked = 0");
    s->bind(1, user);
    s->run();
    const int n = static_cast<int>(db.changes());
    tx.commit();
    return n;
  });
}

Result<std::optional<TeamRecord>> SqliteServerStore::findTeam(std::string_view name) {
  return guarded([&]() -> std::optional<TeamRecord> {
    auto lease = reader();
    auto s = (*lease).prepare("SELECT id, name FROM teams WHERE name = ?1");
    s->bind(1, name);
    if (!s->step()) return std::nullopt;
    return TeamRecord{s->integer(0), s->text(1)};
  });
}

Result<std::optional<UserRecord>> SqliteServerStore::findUser(std::string_view email) {
  return guarded([&]() -> std::optional<UserRecord> {
    auto lease = reader();
    auto s = (*lease).prepare(
        "SELECT users.id, users.team, teams.name, users.email, users.password_hash "
        "FROM users JOIN teams ON teams.id = users.team WHERE users.email = ?1");
    s->bind(1, email);
    if (!s->step()) return std::nullopt;
    return UserRecord{s->integer(0), s->integer(1), s->text(2), s->text(3), s->text(4)};
  });
}

Result<std::optional<TokenRecord>> SqliteServerStore::findToken(std::string_view token_hash) {
  return guarded([&]() -> std::optional<TokenRecord> {
    auto lease = reader();
    auto s = (*lease).prepare(
        "SELECT tokens.id, users.id, teams.id, teams.name, users.email, tokens.device, "
        "tokens.revoked, tokens.created_at FROM tokens JOIN users ON users.id = tokens.user "
        "JOIN teams ON teams.id = users.team WHERE tokens.token_hash = ?1");
    s->bindBlob(1, token_hash.data(), token_hash.size());
    if (!s->step()) return std::nullopt;
    TokenRecord t;
    t.id = s->integer(0);
    t.user = s->integer(1);
    t.team = s->integer(2);
    t.team_name = s->text(3);
    t.email = s->text(4);
    if (!s->isNull(5)) t.device = unsql(s->integer(5));
    t.revoked = s->integer(6) != 0;
    t.created_at_ms = s->integer(7);
    return t;
  });
}

Result<bool> SqliteServerStore::tokenActive(TokenId token) {
  return guarded([&] {
    auto lease = reader();
    auto s = (*lease).prepare("SELECT revoked FROM tokens WHERE id = ?1");
    s->bind(1, token);
    return s->step() && s->integer(0) == 0;
  });
}

Result<std::uint64_t> SqliteServerStore::deviceLastSeq(DeviceId device) {
  return guarded([&] {
    auto lease = reader();
    return lastSeqOf(*lease, device);
  });
}

Result<DeviceBinding> SqliteServerStore::bindDevice(TokenId token, UserId user, DeviceId device,
                                                    std::int64_t now_ms) {
  std::lock_guard lock(writer_mu_);
  return guarded([&] {
    Database& db = *writer_;
    Transaction tx(db, Transaction::Kind::kWrite);
    auto t = db.prepare("SELECT device, revoked FROM tokens WHERE id = ?1 AND user = ?2");
    t->bindAll(token, user);
    if (!t->step() || t->integer(1) != 0) return DeviceBinding::kTokenRevoked;
    if (!t->isNull(0) && unsql(t->integer(0)) != device) {
      return DeviceBinding::kTokenBoundElsewhere;
    }
    const DeviceBinding claim = claimDevice(db, user, device, now_ms);
    if (claim != DeviceBinding::kBound) return claim;
    auto bind = db.prepare("UPDATE tokens SET device = ?2 WHERE id = ?1 AND device IS NULL");
    bind->bindAll(token, sql(device));
    bind->run();
    tx.commit();
    return DeviceBinding::kBound;
  });
}

Result<DeviceBinding> SqliteServerStore::addDeviceToken(UserId user, DeviceId device,
                                                        std::string_view token_hash,
                                                        std::int64_t now_ms) {
  std::lock_guard lock(writer_mu_);
  return guarded([&] {
    Database& db = *writer_;
    Transaction tx(db, Transaction::Kind::kWrite);
    const DeviceBinding claim = claimDevice(db, user, device, now_ms);
    if (claim != DeviceBinding::kBound) return claim;
    auto s = db.prepare(
        "INSERT INTO tokens(user, token_hash, device, revoked, created_at) "
        "VALUES (?1, ?2, ?3, 0, ?4)");
    s->bind(1, user);
    s->bindBlob(2, token_hash.data(), token_hash.size());
    s->bind(3, sql(device));
    s->bind(4, now_ms);
    s->run();
    tx.commit();
    return DeviceBinding::kBound;
  });
}

Result<DeviceBinding> SqliteServerStore::renewToken(TokenId old_token, UserId user,
                                                    std::string_view new_token_hash,
                                                    std::int64_t now_ms) {
  std::lock_guard lock(writer_mu_);
  return guarded([&] {
    Database& db = *writer_;
    Transaction tx(db, Transaction::Kind::kWrite);
    auto revoke = db.prepare(
        "UPDATE tokens SET revoked = 1 WHERE id = ?1 AND user = ?2 AND "
        "revoked = 0");
    revoke->bindAll(old_token, user);
    revoke->run();
    if (db.changes() == 0) return DeviceBinding::kTokenRevoked;
    auto s = db.prepare(
        "INSERT INTO tokens(user, token_hash, device, revoked, created_at) "
        "SELECT user, ?2, device, 0, ?3 FROM tokens WHERE id = ?1");
    s->bind(1, old_token);
    s->bindBlob(2, new_token_hash.data(), new_token_hash.size());
    s->bind(3, now_ms);
    s->run();
    tx.commit();
    return DeviceBinding::kBound;
  });
}

Result<std::uint64_t> SqliteServerStore::head(TeamId team) {
  return guarded([&]() -> std::uint64_t {
    auto lease = reader();
    auto s = (*lease).prepare("SELECT head FROM teams WHERE id = ?1");
    s->bind(1, team);
    return s->step() ? unsql(s->integer(0)) : 0;
  });
}

Result<LogPage> SqliteServerStore::readLog(TeamId team, std::uint64_t after_version,
                                           std::size_t limit) {
  return guarded([&] {
    auto lease = reader();
    Database& db = *lease;
    // One snapshot, so that the head matches the page.
    Transaction tx(db, Transaction::Kind::kRead);
    LogPage page;
    {
      auto s = db.prepare(std::string("SELECT ") + std::string(kOpColumns) +
                          " FROM ops WHERE team = ?1 AND version > ?2 ORDER BY version LIMIT ?3");
      s->bindAll(team, sql(after_version), static_cast<std::int64_t>(limit) + 1);
      while (s->step()) page.ops.push_back(loggedOpAt(*s));
    }
    if (page.ops.size() > limit) {
      page.ops.pop_back();
      page.more = true;
    }
    {
      auto s = db.prepare("SELECT head FROM teams WHERE id = ?1");
      s->bind(1, team);
      page.head = s->step() ? unsql(s->integer(0)) : 0;
    }
    tx.commit();
    return page;
  });
}

Result<void> SqliteServerStore::writePushes(const std::function<void(PushTransaction&)>& work) {
  std::lock_guard lock(writer_mu_);
  try {
    Transaction tx(*writer_, Transaction::Kind::kWrite);
    SqlitePushTransaction push(*writer_);
    work(push);
    tx.commit();
    return {};
  } catch (const DbError& e) {
    return errorOf(e);
  } catch (const DomainError& e) {
    return e.error;
  } catch (const std::exception& e) {
    return Error{ErrorCode::kInternal, e.what()};
  }
}

Result<std::vector<ConflictRecord>> SqliteServerStore::conflicts(TeamId team) {
  return guarded([&] {
    auto lease = reader();
    auto s = (*lease).prepare(
        "SELECT record_type, record_id, key, kind, kept_value, kept_stamp, kept_author, "
        "lost_value, lost_stamp, lost_author, version, detected_at FROM conflicts "
        "WHERE team = ?1 ORDER BY id");
    s->bind(1, team);
    std::vector<ConflictRecord> out;
    while (s->step()) {
      ConflictRecord c;
      c.team = team;
      c.type = static_cast<RecordType>(s->integer(0));
      c.record_id = s->text(1);
      c.key = s->text(2);
      c.kind = s->text(3);
      c.kept_value = s->value(4);
      c.kept_stamp = columnStamp(*s, 5);
      c.kept_author = s->text(6);
      c.lost_value = s->value(7);
      c.lost_stamp = columnStamp(*s, 8);
      c.lost_author = s->text(9);
      c.version = unsql(s->integer(10));
      c.detected_at_ms = s->integer(11);
      out.push_back(std::move(c));
    }
    return out;
  });
}

Result<std::vector<RejectionRecord>> SqliteServerStore::rejections(DeviceId device) {
  return guarded([&] {
    auto lease = reader();
    auto s = (*lease).prepare(
        "SELECT device_seq, reason, operation FROM rejected WHERE device = ?1 ORDER BY id");
    s->bind(1, sql(device));
    std::vector<RejectionRecord> out;
    while (s->step()) {
      RejectionRecord r{device, unsql(s->integer(0)), s->text(1), {}};
      const std::string_view bytes = s->blob(2);
      r.operation.ParseFromArray(bytes.data(), static_cast<int>(bytes.size()));
      out.push_back(std::move(r));
    }
    return out;
  });
}

Result<std::optional<RegisterState>> SqliteServerStore::readRegister(TeamId team,
                                                                     const RegisterKey& key) {
  return guarded([&] {
    auto lease = reader();
    return registerIn(*lease, team, key);
  });
}

}  // namespace nextstep::server
