// A thin RAII layer over one SQLite connection. It throws DbError inside the core; Store turns
// that into an Error value at its boundary.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <unordered_map>

#include "nextstep/model/result.h"
#include "nextstep/model/value.h"

struct sqlite3;
struct sqlite3_stmt;

namespace nextstep {

class DbError : public std::runtime_error {
 public:
  DbError(int code, const std::string& what) : std::runtime_error(what), code_(code) {}
  int code() const { return code_; }
  ErrorCode errorCode() const;

 private:
  int code_;
};

class Statement {
 public:
  Statement(sqlite3* db, std::string_view sql);
  ~Statement();
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;

  Statement& bind(int index, std::int64_t v);
  Statement& bind(int index, int v) { return bind(index, static_cast<std::int64_t>(v)); }
  Statement& bind(int index, bool v) { return bind(index, static_cast<std::int64_t>(v)); }
  Statement& bind(int index, double v);
  Statement& bind(int index, std::string_view v);
  Statement& bind(int index, const std::string& v) { return bind(index, std::string_view(v)); }
  Statement& bind(int index, const char* v) { return bind(index, std::string_view(v)); }
  Statement& bind(int index, std::nullptr_t);
  Statement& bind(int index, const Value& v);
  Statement& bindBlob(int index, const void* data, std::size_t size);
  template <typename T>
  Statement& bind(int index, const std::optional<T>& v) {
    return v ? bind(index, *v) : bind(index, nullptr);
  }
  // Binds the arguments to ?1, ?2, ... in order.
  template <typename... Args>
  Statement& bindAll(const Args&... args) {
    int i = 0;
    (bind(++i, args), ...);
    return *this;
  }

  bool step();  // true while a row is available
  void run();   // steps to completion; for statements without rows
  void reset();

  bool isNull(int col) const;
  std::int64_t integer(int col) const;
  double real(int col) const;
  std::string text(int col) const;
  std::string_view textView(int col) const;  // valid until the next step
  std::optional<std::string> optText(int col) const;
  std::optional<std::int64_t> optInteger(int col) const;
  std::string_view blob(int col) const;
  Value value(int col) const;
  int columnCount() const;

 private:
  void check(int rc) const;
  sqlite3* db_;
  sqlite3_stmt* stmt_ = nullptr;
};

// A cached statement borrowed for one use; resets itself when the borrow ends.
class StatementUse {
 public:
  explicit StatementUse(Statement& s) : s_(&s) {}
  ~StatementUse() { s_->reset(); }
  StatementUse(const StatementUse&) = delete;
  StatementUse& operator=(const StatementUse&) = delete;
  Statement* operator->() { return s_; }
  Statement& operator*() { return *s_; }

 private:
  Statement* s_;
};

enum class OpenMode { kReadWriteCreate, kReadWrite, kReadOnly };

class Database {
 public:
  // How long a statement waits for another connection's lock before failing with kBusy.
  static constexpr int kBusyTimeoutMs = 5000;

  // vfs names a registered SQLite VFS; empty for the platform's own.
  static std::unique_ptr<Database> open(const std::string& path, OpenMode mode,
                                        const std::string& vfs = {});
  ~Database();
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;

  void exec(std::string_view sql);
  StatementUse prepare(std::string_view sql);  // cached by its text
  std::int64_t scalar(std::string_view sql);   // first column of the first row
  std::int64_t changes() const;
  std::int64_t lastInsertRowId() const;
  bool inTransaction() const;
  const std::string& path() const { return path_; }
  sqlite3* handle() { return db_; }

 private:
  Database(sqlite3* db, std::string path) : db_(db), path_(std::move(path)) {}
  sqlite3* db_;
  std::string path_;
  std::unordered_map<std::string, std::unique_ptr<Statement>> cache_;
};

// BEGIN IMMEDIATE ... COMMIT, rolled back if not committed (an exception unwinding past it).
class Transaction {
 public:
  enum class Kind { kRead, kWrite };
  Transaction(Database& db, Kind kind);
  ~Transaction();
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;
  void commit();

 private:
  Database& db_;
  bool done_ = false;
};

}  // namespace nextstep
