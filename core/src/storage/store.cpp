#include "nextstep/storage/store.h"

#include <sqlite3.h>

#include <exception>
#include <filesystem>

#include "nextstep/model/ids.h"
#include "nextstep/search/search.h"
#include "nextstep/storage/local_meta.h"
#include "nextstep/storage/schema.h"
#include "nextstep/storage/wal_checkpointer.h"

namespace nextstep {
namespace {

// 'NSTP': marks a file as a NextStep database, so another program's SQLite file is refused.
constexpr std::int64_t kApplicationId = 0x4E535450;

namespace keys = identity_keys;

// SQLite's "disk I/O error" tells the rep nothing. A failed write or read leaves the database as
// it was; a failed sync at commit may still have put the whole change on the disk, where the next
// open finds it.
std::string ioErrorText(int code, const char* what) {
  switch (code) {
    case SQLITE_IOERR_FSYNC:
    case SQLITE_IOERR_DIR_FSYNC:
      return "the disk failed to confirm the save (disk I/O error); the change may be there or not "
             "after a restart: check before entering it again";
    case SQLITE_IOERR_READ:
    case SQLITE_IOERR_SHORT_READ:
      return "the database could not be read (disk I/O error)";
    case SQLITE_IOERR_WRITE:
    case SQLITE_IOERR_TRUNCATE:
      return "the disk could not be written (disk I/O error); nothing was saved";
    default:
      return what;
  }
}

// A copy's notice: the reason a user reads in the sync status.
constexpr char kCopiedReason[] =
    "this database file is a copy of another (or was moved): it continues as a new device";

}  // namespace

void tuneConnection(Database& db) {
  db.exec("PRAGMA journal_mode = WAL");
  // A booking must survive the phone dying a moment later: sync the WAL on every commit.
  db.exec("PRAGMA synchronous = FULL");
  db.exec("PRAGMA foreign_keys = ON");
  // 64 MiB of page cache instead of SQLite's 2 MiB: a synced pipeline is hundreds of MB keyed by
  // random UUIDs, and with 2 MiB a cold sync spent 40% of its CPU time in pread/pwrite.
  db.exec("PRAGMA cache_size = -65536");
}

SyncMode::SyncMode(Database& db, bool relaxed) : db_(db), relaxed_(relaxed) {
  if (relaxed_) db_.exec("PRAGMA synchronous = NORMAL");
}

SyncMode::~SyncMode() {
  if (!relaxed_) return;
  try {
    db_.exec("PRAGMA synchronous = FULL");
  } catch (const DbError&) {
    // Cannot fail on an open connection; a local booking would otherwise lose its fsync.
    std::terminate();
  }
}

Error currentExceptionAsError() {
  try {
    throw;
  } catch (const DomainError& e) {
    return e.error;
  } catch (const DbError& e) {
    if (e.errorCode() == ErrorCode::kFull) {
      return Error{ErrorCode::kFull, "the disk is full; nothing was saved"};
    }
    if ((e.code() & 0xff) == SQLITE_IOERR) {
      return Error{ErrorCode::kIo, ioErrorText(e.code(), e.what())};
    }
    if (e.errorCode() == ErrorCode::kCorrupt) {
      return Error{ErrorCode::kCorrupt, std::string("the database is damaged: ") + e.what()};
    }
    return Error{e.errorCode(), e.what()};
  } catch (const std::bad_alloc&) {
    return Error{ErrorCode::kInternal, "out of memory"};
  } catch (const std::exception& e) {
    return Error{ErrorCode::kInternal, e.what()};
  } catch (...) {
    // A layer's own signal (an import's dry run rolling back) still ends as a value here.
    return Error{ErrorCode::kInternal, "the write was abandoned"};
  }
}

Store::Store(std::unique_ptr<Database> db, std::string path, HybridClock::WallClock wall)
    : db_(std::move(db)), path_(std::move(path)), clock_(std::move(wall)) {}

Store::~Store() {
  // Stopped before the connection closes, which checkpoints what is left.
  if (checkpointer_) WalCheckpointer::detach(*db_);
  checkpointer_.reset();
}

void Store::beforeCommit() {
  indexPendingSearch(*db_);
  saveClock();
}

Error Store::ownerGone() { return Error{ErrorCode::kUnavailable, "the database is closing"}; }

Result<void> Store::optimize() {
  if (elsewhere()) return onOwner<Result<void>>([&] { return optimize(); }, ownerGone());
  std::lock_guard lock(mu_);
  try {
    // Statistics for the planner: without them it picked a non-covering index for the deals
    // counts. A bounded sample per index keeps this to a fraction of a second.
    db_->exec("PRAGMA analysis_limit = 1000");
    db_->exec("ANALYZE");
    Transaction txn(*db_, Transaction::Kind::kWrite);
    indexPendingSearch(*db_);
    db_->exec("INSERT INTO name_index(name_index) VALUES ('optimize')");
    db_->exec("INSERT INTO note_index(note_index) VALUES ('optimize')");
    txn.commit();
    return {};
  } catch (...) {
    return currentExceptionAsError();
  }
}

Result<std::unique_ptr<Store>> Store::open(StoreOptions options) {
  namespace fs = std::filesystem;
  std::error_code ec;
  const bool existed = fs::exists(options.path, ec);
  if (!existed && !options.create_if_missing) {
    return Error::notFound("no database at " + options.path);
  }
  if (existed && fs::is_directory(options.path, ec)) {
    return Error{ErrorCode::kIo, options.path + " is a directory, not a database file"};
  }
  try {
    auto db = Database::open(
        options.path, options.create_if_missing ? OpenMode::kReadWriteCreate : OpenMode::kReadWrite,
        options.vfs);
    // Reading the header is the first thing that fails on a file that is not a database.
    const std::int64_t appId = db->scalar("PRAGMA application_id");
    const std::int64_t version = db->scalar("PRAGMA user_version");
    const std::int64_t tables = db->scalar("SELECT count(*) FROM sqlite_schema");
    if (appId != kApplicationId && (appId != 0 || version != 0 || tables != 0)) {
      return Error{ErrorCode::kCorrupt, options.path + " is not a NextStep database"};
    }
    tuneConnection(*db);
    if (appId == 0) db->exec("PRAGMA application_id = " + std::to_string(kApplicationId));

    auto migrated = migrateLocal(*db);
    if (!migrated) return migrated.error();

    std::unique_ptr<Store> store(new Store(std::move(db), options.path, std::move(options.wall)));
    store->vfs_ = options.vfs;
    Database& d = *store->db_;
    Transaction txn(d, Transaction::Kind::kWrite);
    if (auto offset = local_meta::integer(d, local_meta::kClockOffset))
      store->clock_.correct(*offset);
    store->clock_.resume(
        static_cast<std::uint64_t>(local_meta::integer(d, local_meta::kClock).value_or(0)));
    const std::string file = databaseFileIdentity(options.path);
    const auto recorded = local_meta::text(d, keys::kFile);
    DeviceId recorded_id = 0;
    if (!parseDeviceId(local_meta::text(d, keys::kDeviceId).value_or(""), recorded_id)) {
      store->device_ = newDeviceId();
      local_meta::put(d, keys::kDeviceId, Value(deviceIdToHex(store->device_)));
      local_meta::put(d, keys::kFile, Value(file));
    } else if (store->device_ = recorded_id; !recorded || recorded->empty()) {
      local_meta::put(d, keys::kFile, Value(file));  // a database from before files were told
    } else if (!file.empty() && *recorded != file) {
      store->forked_at_open_ =
          forkDeviceIdentity(d, newDeviceId(), kCopiedReason, file, store->now());
      store->device_ = store->forked_at_open_->to;
    }
    indexPendingSearch(d);  // rows written outside Store::write (tools, tests)
    txn.commit();
    store->startCheckpointer();
    return store;
  } catch (...) {
    Error e = currentExceptionAsError();
    if (e.code == ErrorCode::kCorrupt || e.code == ErrorCode::kInternal) {
      e = Error{ErrorCode::kCorrupt,
                options.path + " is not a NextStep database or is damaged (" + e.message + ")"};
    }
    return e;
  }
}

void Store::startCheckpointer() {
  data_version_ = db_->scalar("PRAGMA data_version");
  Statement mode(db_->handle(), "PRAGMA journal_mode");
  if (mode.step() && mode.text(0) == "wal") {
    checkpointer_ = std::make_unique<WalCheckpointer>(path_, vfs_);
    checkpointer_->attach(*db_);
  }
}

Instant Store::now() const { return instantFromUnix(clock_.wallMillis() / 1000); }

int Store::schemaVersion() {
  if (elsewhere()) return onOwner<int>([&] { return schemaVersion(); }, 0);
  std::lock_guard lock(mu_);
  return static_cast<int>(db_->scalar("PRAGMA user_version"));
}

void Store::saveClock() {
  local_meta::put(*db_, local_meta::kClock, Value(static_cast<std::int64_t>(clock_.last())));
}

void Store::followOtherConnections() {
  const std::int64_t version = db_->scalar("PRAGMA data_version");
  if (version == data_version_) return;
  data_version_ = version;
  DeviceId id = 0;
  if (parseDeviceId(local_meta::text(*db_, keys::kDeviceId).value_or(""), id)) device_ = id;
  clock_.resume(
      static_cast<std::uint64_t>(local_meta::integer(*db_, local_meta::kClock).value_or(0)));
}

Result<bool> Store::changedElsewhere() {
  if (elsewhere()) return onOwner<Result<bool>>([&] { return changedElsewhere(); }, ownerGone());
  std::lock_guard lock(mu_);
  try {
    const std::int64_t version = db_->scalar("PRAGMA data_version");
    const bool changed = seen_version_ >= 0 && version != seen_version_;
    seen_version_ = version;
    return changed;
  } catch (...) {
    return currentExceptionAsError();
  }
}

DeviceId Store::deviceId() {
  if (elsewhere()) return onOwner<DeviceId>([&] { return deviceId(); }, device_.load());
  // Busy (a write in progress, maybe this very thread's): that write follows any fork itself.
  std::unique_lock lock(mu_, std::try_to_lock);
  if (!lock.owns_lock()) return device_;
  try {
    Transaction txn(*db_, Transaction::Kind::kRead);
    followOtherConnections();
    txn.commit();
  } catch (const DbError&) {
    // Unreadable now: the identity read at open (or at the last write) still holds.
  }
  return device_;
}

Result<DeviceFork> Store::forkDevice(std::string_view reason) {
  if (elsewhere()) {
    return onOwner<Result<DeviceFork>>([&] { return forkDevice(reason); }, ownerGone());
  }
  std::lock_guard lock(mu_);
  try {
    Transaction txn(*db_, Transaction::Kind::kWrite);
    followOtherConnections();
    DeviceFork fork =
        forkDeviceIdentity(*db_, newDeviceId(), reason, databaseFileIdentity(path_), now());
    beforeCommit();
    txn.commit();
    device_ = fork.to;
    return fork;
  } catch (...) {
    return currentExceptionAsError();
  }
}

Result<void> Store::checkIntegrity() {
  if (elsewhere()) return onOwner<Result<void>>([&] { return checkIntegrity(); }, ownerGone());
  std::lock_guard lock(mu_);
  try {
    Statement s(db_->handle(), "PRAGMA integrity_check");
    if (s.step() && s.text(0) != "ok") {
      return Error{ErrorCode::kCorrupt, "integrity check failed: " + s.text(0)};
    }
    Statement fk(db_->handle(), "PRAGMA foreign_key_check");
    if (fk.step()) {
      return Error{ErrorCode::kCorrupt, "foreign key check failed in table " + fk.text(0)};
    }
    return {};
  } catch (...) {
    return currentExceptionAsError();
  }
}

Result<std::int64_t> Store::pendingChanges() {
  return read([](Database& db) { return db.scalar("SELECT count(*) FROM outbox"); });
}

}  // namespace nextstep
