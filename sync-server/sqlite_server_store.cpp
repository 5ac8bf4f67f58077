#include "sqlite_server_store.h"

#include <system_error>

#include "nextstep/sync/wire.h"
#include "operation_digest.h"
#include "sqlite_push_transaction.h"
#include "sqlite_server_rows.h"
#include "sqlite_server_schema.h"

namespace nextstep::server {

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
    configureServerConnection(*db, options.durable, /*reader=*/false);
    if (auto migrated = migrateServerStore(*db); !migrated) return migrated.error();
    return std::unique_ptr<SqliteServerStore>(
        new SqliteServerStore(file.string(), std::move(db), options));
  } catch (const DbError& e) {
    return errorOf(e);
  }
}

SqliteServerStore::SqliteServerStore(std::string path, std::unique_ptr<Database> writer,
                                     SqliteStoreOptions options)
    : path_(std::move(path)),
      options_(options),
      writer_(std::move(writer)),
      checkpointer_(std::make_unique<WalCheckpointer>(path_, options_.vfs)) {
  if (options_.readers < 1) options_.readers = 1;
  checkpointer_->attach(*writer_);
}

SqliteServerStore::~SqliteServerStore() { WalCheckpointer::detach(*writer_); }

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
        configureServerConnection(*db, options_.durable, /*reader=*/true);
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

Result<void> SqliteServerStore::ping() {
  return guarded([&] {
    auto lease = reader();
    headOf(*lease, 0);
  });
}

Result<std::uint64_t> SqliteServerStore::head(TeamId team) {
  return guarded([&]() -> std::uint64_t {
    auto lease = reader();
    return headOf(*lease, team);
  });
}

Result<LogPage> SqliteServerStore::readLog(TeamId team, std::uint64_t after_version,
                                           std::size_t limit) {
  return guarded([&]() -> Result<LogPage> {
    auto lease = reader();
    Database& db = *lease;
    // One snapshot, so that the head matches the page.
    Transaction tx(db, Transaction::Kind::kRead);
    if (const std::uint64_t start = logStartOf(db, team); after_version < start) {
      return compactedError(after_version, start);
    }
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
    page.head = headOf(db, team);
    tx.commit();
    return page;
  });
}

Result<std::uint64_t> SqliteServerStore::compactLog(TeamId team, std::uint64_t through_version) {
  // In slices, each its own transaction: pushes wait for the writer between them, not for all.
  constexpr std::int64_t kSlice = 20'000;
  std::uint64_t dropped = 0;
  for (;;) {
    std::lock_guard lock(writer_mu_);
    auto slice = guarded([&]() -> std::uint64_t {
      Transaction tx(*writer_, Transaction::Kind::kWrite);
      const std::uint64_t start = logStartOf(*writer_, team);
      const std::uint64_t until = std::min(through_version, headOf(*writer_, team));
      if (until <= start) return 0;
      auto read = writer_->prepare(std::string("SELECT ") + std::string(kOpColumns) +
                                   " FROM ops WHERE team = ?1 AND version > ?2 AND version <= ?3 "
                                   "ORDER BY version LIMIT ?4");
      read->bindAll(team, sql(start), sql(until), kSlice);
      auto keep = writer_->prepare(
          "INSERT OR REPLACE INTO compacted_ops(team, device, device_seq, digest) "
          "VALUES (?1, ?2, ?3, ?4)");
      std::uint64_t last = start;
      std::uint64_t n = 0;
      while (read->step()) {
        const LoggedOp logged = loggedOpAt(*read);
        pb::Operation wire;
        sync::toWire(logged.op, wire);
        const std::string digest = operationDigest(wire);
        keep->reset();
        keep->bindAll(team, sql(logged.device), sql(static_cast<std::uint64_t>(logged.op.seq)));
        keep->bindBlob(4, digest.data(), digest.size());
        keep->run();
        last = logged.version;
        ++n;
      }
      // A slice shorter than asked for reached `until`; versions are gap-free.
      if (n < static_cast<std::uint64_t>(kSlice)) last = until;
      auto drop = writer_->prepare("DELETE FROM ops WHERE team = ?1 AND version <= ?2");
      drop->bindAll(team, sql(last));
      drop->run();
      auto moved = writer_->prepare("UPDATE teams SET log_start = ?2 WHERE id = ?1");
      moved->bindAll(team, sql(last));
      moved->run();
      tx.commit();
      return n;
    });
    if (!slice) return slice.error();
    if (*slice == 0) return dropped;
    dropped += *slice;
  }
}

Result<void> SqliteServerStore::writePushes(const std::function<void(PushTransaction&)>& work) {
  std::lock_guard lock(writer_mu_);
  try {
    Transaction tx(*writer_, Transaction::Kind::kWrite);
    withSqlitePushTransaction(*writer_, work);
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
      c.kind = parseEnum<ConflictKind>(s->text(3)).value_or(ConflictKind::kOverwritten);
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
