#include "nextstep/data/backup.h"

#include <sqlite3.h>

#include <cstdio>
#include <filesystem>
#include <memory>

#include "nextstep/model/result_try.h"
#include "nextstep/storage/catalog.h"
#include "nextstep/storage/database.h"
#include "nextstep/storage/schema.h"

namespace nextstep::data {
namespace {

namespace fs = std::filesystem;

constexpr std::int64_t kNextStepApplicationId = 0x4E535450;  // "NSTP", as Store::open writes it

struct Close {
  void operator()(sqlite3* db) const { sqlite3_close_v2(db); }
};
using Connection = std::unique_ptr<sqlite3, Close>;

// "file:" URIs need '%', '?' and '#' escaped in the path.
std::string uriOf(const std::string& path, const char* query) {
  std::string out = "file:";
  for (char c : fs::absolute(path).string()) {
    if (c == '%' || c == '?' || c == '#') {
      char buf[4];
      std::snprintf(buf, sizeof buf, "%%%02X", static_cast<unsigned char>(c));
      out += buf;
    } else {
      out += c;
    }
  }
  return out + "?" + query;
}

Result<Connection> open(const std::string& uri, int flags) {
  sqlite3* raw = nullptr;
  const int rc = sqlite3_open_v2(uri.c_str(), &raw, flags | SQLITE_OPEN_URI, nullptr);
  Connection db(raw);
  if (rc != SQLITE_OK) {
    return Error{ErrorCode::kIo, std::string("cannot open: ") +
                                     (raw != nullptr ? sqlite3_errmsg(raw) : sqlite3_errstr(rc))};
  }
  sqlite3_busy_timeout(raw, Database::kBusyTimeoutMs);
  return db;
}

// The first column of the first row; an error names SQLite's complaint.
Result<std::string> scalarText(sqlite3* db, const std::string& sql) {
  sqlite3_stmt* raw = nullptr;
  if (sqlite3_prepare_v2(db, sql.c_str(), -1, &raw, nullptr) != SQLITE_OK) {
    return Error{ErrorCode::kCorrupt, sqlite3_errmsg(db)};
  }
  std::unique_ptr<sqlite3_stmt, int (*)(sqlite3_stmt*)> s(raw, sqlite3_finalize);
  const int rc = sqlite3_step(raw);
  if (rc == SQLITE_DONE) return std::string();
  if (rc != SQLITE_ROW) return Error{ErrorCode::kCorrupt, sqlite3_errmsg(db)};
  const unsigned char* text = sqlite3_column_text(raw, 0);
  return std::string(text != nullptr ? reinterpret_cast<const char*>(text) : "");
}

Result<std::int64_t> scalarInt(sqlite3* db, const std::string& sql) {
  NEXTSTEP_TRY(auto text, scalarText(db, sql));
  try {
    return text.empty() ? std::int64_t{0} : std::stoll(text);
  } catch (const std::exception&) {
    return Error{ErrorCode::kCorrupt, "'" + sql + "' gave '" + text + "'"};
  }
}

// Copies every page of src's main database into dst's, in one step: one consistent snapshot of
// the source (a WAL reader does not hold the writers up).
Result<void> copyPages(sqlite3* dst, sqlite3* src) {
  sqlite3_backup* b = sqlite3_backup_init(dst, "main", src, "main");
  if (b == nullptr) return Error{ErrorCode::kIo, sqlite3_errmsg(dst)};
  int rc = SQLITE_OK;
  for (int attempt = 0; attempt < 100; ++attempt) {
    rc = sqlite3_backup_step(b, -1);
    if (rc != SQLITE_BUSY && rc != SQLITE_LOCKED) break;
    sqlite3_sleep(100);
  }
  sqlite3_backup_finish(b);
  if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED) {
    return Error{ErrorCode::kBusy, "the database stayed busy; try again when nothing is writing"};
  }
  if (rc != SQLITE_DONE) {
    return Error{rc == SQLITE_FULL ? ErrorCode::kFull : ErrorCode::kIo, sqlite3_errstr(rc)};
  }
  return {};
}

Result<BackupCheck> check(const std::string& path) {
  std::error_code ec;
  if (!fs::is_regular_file(path, ec)) {
    return Error{ErrorCode::kNotFound, "no backup file at " + path};
  }
  // immutable: reading changes nothing next to the file (no -wal, no -shm, no locks).
  NEXTSTEP_TRY(auto db, open(uriOf(path, "immutable=1"), SQLITE_OPEN_READONLY));
  auto fail = [&](const std::string& why) {
    return Error{ErrorCode::kCorrupt, path + " is not a usable backup: " + why};
  };
  auto integrity = scalarText(db.get(), "PRAGMA integrity_check");
  if (!integrity) return fail(integrity.error().message);
  if (*integrity != "ok") return fail(*integrity);
  auto app = scalarInt(db.get(), "PRAGMA application_id");
  if (!app) return fail(app.error().message);
  if (*app != kNextStepApplicationId) return fail("it is not a NextStep database");
  auto version = scalarInt(db.get(), "PRAGMA user_version");
  if (!version) return fail(version.error().message);
  if (*version < 1 || *version > latestLocalSchemaVersion()) {
    return fail("its schema version " + std::to_string(*version) +
                " is not one this NextStep understands (1 to " +
                std::to_string(latestLocalSchemaVersion()) + ")");
  }
  BackupCheck out;
  out.path = path;
  out.schema_version = static_cast<int>(*version);
  auto pages = scalarInt(db.get(), "PRAGMA page_count");
  if (!pages) return fail(pages.error().message);
  out.pages = *pages;
  for (const RecordSpec& spec : allRecordSpecs()) {
    auto n = scalarInt(db.get(),
                       "SELECT count(*) FROM " + std::string(spec.table) + " WHERE deleted = 0");
    if (!n) return fail(n.error().message);
    out.records += *n;
  }
  return out;
}

// Copies the database at `from` (read through its WAL, as any reader would) into a new file.
Result<void> copyFile(const std::string& from, const std::string& to) {
  NEXTSTEP_TRY(auto src, open(uriOf(from, "mode=ro"), SQLITE_OPEN_READONLY));
  NEXTSTEP_TRY(auto dst, open(uriOf(to, "mode=rwc"), SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE));
  if (auto copied = copyPages(dst.get(), src.get()); !copied) return copied;
  // A backup is one self-contained file, whatever journal mode the live database uses.
  auto mode = scalarText(dst.get(), "PRAGMA journal_mode = DELETE");
  if (!mode) return Error{ErrorCode::kIo, mode.error().message};
  return {};
}

std::string stampOf(Instant t) {
  std::string s = formatUtc(t);  // 2026-11-26T09:30:00Z
  std::string out;
  for (char c : s) {
    if (c != '-' && c != ':') out += c;
  }
  return out;  // 20261126T093000Z
}

void removeFile(const std::string& path) {
  std::error_code ec;
  for (const char* suffix : {"", "-journal", "-wal", "-shm"}) fs::remove(path + suffix, ec);
}

}  // namespace

Result<BackupCheck> verifyBackup(const std::string& path) { return check(path); }

Result<BackupCheck> backupDatabase(Store& store, const std::string& dest) {
  const std::string partial = dest + ".partial";
  removeFile(partial);
  if (auto copied = copyFile(store.path(), partial); !copied) {
    removeFile(partial);
    return copied.error();
  }
  auto checked = check(partial);
  if (!checked) {
    removeFile(partial);
    return checked.error();
  }
  std::error_code ec;
  fs::rename(partial, dest, ec);
  if (ec) {
    removeFile(partial);
    return Error{ErrorCode::kIo, "cannot write " + dest + ": " + ec.message()};
  }
  checked->path = dest;
  return checked;
}

Result<RestoreReport> restoreDatabase(Store& store, const std::string& backup, Instant now) {
  auto checked = check(backup);
  if (!checked) {
    return Error{checked.error().code, checked.error().message + "; nothing was changed"};
  }
  RestoreReport report;
  report.restored = *checked;
  report.kept_aside = store.path() + ".before-restore-" + stampOf(now);
  if (auto aside = backupDatabase(store, report.kept_aside); !aside) {
    return Error{aside.error().code, "cannot keep the current database aside (" +
                                         aside.error().message + "); nothing was changed"};
  }

  NEXTSTEP_TRY(auto src, open(uriOf(backup, "immutable=1"), SQLITE_OPEN_READONLY));
  {
    auto lock = store.lock();
    Database& db = store.database();
    if (auto copied = copyPages(db.handle(), src.get()); !copied) {
      return Error{copied.error().code, "the restore failed (" + copied.error().message +
                                            "); the database before it is at " + report.kept_aside};
    }
    try {
      db.exec("PRAGMA journal_mode = WAL");
    } catch (const DbError& e) {
      return Error{e.errorCode(), e.what()};
    }
    // A backup from an older NextStep: bring it to this version's schema now.
    NEXTSTEP_TRY(auto migrated, migrateLocal(db));
    report.restored.schema_version = migrated;
  }
  auto fork =
      store.forkDevice("restored from the backup " + backup + ": it continues as a new device");
  if (!fork) return fork.error();
  report.fork = *fork;
  return report;
}

}  // namespace nextstep::data
