#include "nextstep/storage/database.h"

#include <sqlite3.h>

namespace nextstep {

ErrorCode DbError::errorCode() const {
  switch (code_ & 0xff) {
    case SQLITE_FULL:
      return ErrorCode::kFull;
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      return ErrorCode::kCorrupt;
    case SQLITE_CANTOPEN:
    case SQLITE_IOERR:
    case SQLITE_READONLY:
    case SQLITE_PERM:
      return ErrorCode::kIo;
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return ErrorCode::kBusy;
    case SQLITE_CONSTRAINT:
      return ErrorCode::kInvalidArgument;
    default:
      return ErrorCode::kInternal;
  }
}

namespace {

[[noreturn]] void throwDb(sqlite3* db, int rc, std::string_view context) {
  std::string msg(context);
  msg += ": ";
  msg += db != nullptr ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
  throw DbError(rc, msg);
}

}  // namespace

Statement::Statement(sqlite3* db, std::string_view sql) : db_(db) {
  const int rc = sqlite3_prepare_v3(db, sql.data(), static_cast<int>(sql.size()),
                                    SQLITE_PREPARE_PERSISTENT, &stmt_, nullptr);
  if (rc != SQLITE_OK) throwDb(db, rc, "prepare");
}

Statement::~Statement() { sqlite3_finalize(stmt_); }

void Statement::check(int rc) const {
  if (rc != SQLITE_OK) throwDb(db_, rc, "bind");
}

Statement& Statement::bind(int index, std::int64_t v) {
  check(sqlite3_bind_int64(stmt_, index, v));
  return *this;
}
Statement& Statement::bind(int index, double v) {
  check(sqlite3_bind_double(stmt_, index, v));
  return *this;
}
Statement& Statement::bind(int index, std::string_view v) {
  check(sqlite3_bind_text(stmt_, index, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT));
  return *this;
}
Statement& Statement::bind(int index, std::nullptr_t) {
  check(sqlite3_bind_null(stmt_, index));
  return *this;
}
Statement& Statement::bind(int index, const Value& v) {
  struct Visitor {
    Statement& s;
    int i;
    void operator()(std::monostate) { s.bind(i, nullptr); }
    void operator()(std::int64_t x) { s.bind(i, x); }
    void operator()(double x) { s.bind(i, x); }
    void operator()(const std::string& x) { s.bind(i, std::string_view(x)); }
  };
  std::visit(Visitor{*this, index}, v);
  return *this;
}
Statement& Statement::bindBlob(int index, const void* data, std::size_t size) {
  check(sqlite3_bind_blob(stmt_, index, data, static_cast<int>(size), SQLITE_TRANSIENT));
  return *this;
}

bool Statement::step() {
  const int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  throwDb(db_, rc, "step");
}

void Statement::run() {
  while (step()) {
  }
}

void Statement::reset() {
  sqlite3_reset(stmt_);
  sqlite3_clear_bindings(stmt_);
}

bool Statement::isNull(int col) const { return sqlite3_column_type(stmt_, col) == SQLITE_NULL; }
std::int64_t Statement::integer(int col) const { return sqlite3_column_int64(stmt_, col); }
double Statement::real(int col) const { return sqlite3_column_double(stmt_, col); }
std::string_view Statement::textView(int col) const {
  const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, col));
  if (p == nullptr) return {};
  return {p, static_cast<std::size_t>(sqlite3_column_bytes(stmt_, col))};
}
std::string Statement::text(int col) const { return std::string(textView(col)); }
std::optional<std::string> Statement::optText(int col) const {
  if (isNull(col)) return std::nullopt;
  return text(col);
}
std::optional<std::int64_t> Statement::optInteger(int col) const {
  if (isNull(col)) return std::nullopt;
  return integer(col);
}
std::string_view Statement::blob(int col) const {
  const void* p = sqlite3_column_blob(stmt_, col);
  if (p == nullptr) return {};
  return {static_cast<const char*>(p), static_cast<std::size_t>(sqlite3_column_bytes(stmt_, col))};
}
Value Statement::value(int col) const {
  switch (sqlite3_column_type(stmt_, col)) {
    case SQLITE_INTEGER:
      return integer(col);
    case SQLITE_FLOAT:
      return real(col);
    case SQLITE_TEXT:
      return text(col);
    case SQLITE_BLOB:
      return std::string(blob(col));
    default:
      return Value();
  }
}
int Statement::columnCount() const { return sqlite3_column_count(stmt_); }

std::unique_ptr<Database> Database::open(const std::string& path, OpenMode mode,
                                         const std::string& vfs) {
  // SQLite counts every allocation under one process-wide mutex, for sqlite3_memory_used(), which
  // nothing here reads. It can be turned off only before SQLite starts (the first open); where
  // something started it earlier, the call fails and the count stays, which changes nothing else.
  static const int kMemStatusOff = sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
  static_cast<void>(kMemStatusOff);
  int flags = SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_EXRESCODE;
  switch (mode) {
    case OpenMode::kReadWriteCreate:
      flags |= SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
      break;
    case OpenMode::kReadWrite:
      flags |= SQLITE_OPEN_READWRITE;
      break;
    case OpenMode::kReadOnly:
      flags |= SQLITE_OPEN_READONLY;
      break;
  }
  sqlite3* db = nullptr;
  const int rc = sqlite3_open_v2(path.c_str(), &db, flags, vfs.empty() ? nullptr : vfs.c_str());
  if (rc != SQLITE_OK) {
    std::string msg =
        "cannot open " + path + ": " + (db != nullptr ? sqlite3_errmsg(db) : sqlite3_errstr(rc));
    sqlite3_close(db);
    throw DbError(rc, msg);
  }
  sqlite3_extended_result_codes(db, 1);
  // Before the first statement: another process's commit or checkpoint can hold a lock for a
  // moment, and even the read of the header would otherwise fail at once with "database is locked".
  sqlite3_busy_timeout(db, kBusyTimeoutMs);
  return std::unique_ptr<Database>(new Database(db, path));
}

Database::~Database() {
  cache_.clear();
  sqlite3_close(db_);
}

void Database::exec(std::string_view sql) {
  char* err = nullptr;
  const std::string text(sql);
  const int rc = sqlite3_exec(db_, text.c_str(), nullptr, nullptr, &err);
  if (rc != SQLITE_OK) {
    std::string msg = err != nullptr ? err : sqlite3_errstr(rc);
    sqlite3_free(err);
    throw DbError(rc, msg);
  }
}

StatementUse Database::prepare(std::string_view sql) {
  auto it = cache_.find(std::string(sql));
  if (it == cache_.end()) {
    it = cache_.emplace(std::string(sql), std::make_unique<Statement>(db_, sql)).first;
  }
  return StatementUse(*it->second);
}

std::int64_t Database::scalar(std::string_view sql) {
  Statement s(db_, sql);
  return s.step() ? s.integer(0) : 0;
}

std::int64_t Database::changes() const { return sqlite3_changes64(db_); }
std::int64_t Database::lastInsertRowId() const { return sqlite3_last_insert_rowid(db_); }
bool Database::inTransaction() const { return sqlite3_get_autocommit(db_) == 0; }

Transaction::Transaction(Database& db, Kind kind) : db_(db) {
  db_.exec(kind == Kind::kWrite ? "BEGIN IMMEDIATE" : "BEGIN");
}

Transaction::~Transaction() {
  if (!done_) {
    try {
      db_.exec("ROLLBACK");
    } catch (const DbError&) {
      // SQLite already rolled back (e.g. after SQLITE_FULL); nothing more to undo.
    }
  }
}

void Transaction::commit() {
  db_.exec("COMMIT");
  done_ = true;
}

}  // namespace nextstep
