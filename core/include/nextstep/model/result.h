// Errors as values at every boundary of the core: callers get a Result, never an exception.
#pragma once

#include <cassert>
#include <string>
#include <utility>
#include <variant>

namespace nextstep {

enum class ErrorCode {
  kInvalidArgument,     // the caller's input breaks a rule (bad date, unknown zone, missing field)
  kNotFound,            // no record with that id
  kAmbiguous,           // an id prefix matches more than one record
  kFailedPrecondition,  // the record is in a state that forbids this (e.g. closing a cancelled
                        // meeting)
  kCorrupt,             // the database file is damaged or not a NextStep database
  kTooNew,              // the database was written by a newer NextStep
  kIo,                  // the file cannot be read or written
  kFull,                // the disk is full
  kBusy,                // another process holds the database lock too long
  kUnavailable,         // the server cannot be reached now; try again later
  kUnauthenticated,     // no valid sign-in for the server
  kPermissionDenied,    // signed in, but not allowed to do this
  kResourceExhausted,   // over one of the server's limits
  kCompacted,           // the server no longer keeps the team's log from where this device is
  kInternal,
};

const char* errorCodeName(ErrorCode code);

struct Error {
  ErrorCode code = ErrorCode::kInternal;
  std::string message;

  static Error invalid(std::string m) { return {ErrorCode::kInvalidArgument, std::move(m)}; }
  static Error notFound(std::string m) { return {ErrorCode::kNotFound, std::move(m)}; }
  static Error precondition(std::string m) {
    return {ErrorCode::kFailedPrecondition, std::move(m)};
  }
};

// A value or the error that stopped it. E is Error in the core; the server's RPCs carry a gRPC
// status code instead (server::Reply).
template <typename T, typename E = Error>
class [[nodiscard]] Result {
 public:
  Result(T value) : v_(std::in_place_index<0>, std::move(value)) {}  // NOLINT: implicit by design
  Result(E error) : v_(std::in_place_index<1>, std::move(error)) {}  // NOLINT

  bool ok() const { return v_.index() == 0; }
  explicit operator bool() const { return ok(); }

  T& value() & {
    assert(ok());
    return std::get<0>(v_);
  }
  const T& value() const& {
    assert(ok());
    return std::get<0>(v_);
  }
  T&& value() && {
    assert(ok());
    return std::get<0>(std::move(v_));
  }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }

  const E& error() const {
    assert(!ok());
    return std::get<1>(v_);
  }

 private:
  std::variant<T, E> v_;
};

template <typename E>
class [[nodiscard]] Result<void, E> {
 public:
  Result() = default;
  Result(E error) : error_(std::move(error)), failed_(true) {}  // NOLINT

  bool ok() const { return !failed_; }
  explicit operator bool() const { return ok(); }
  const E& error() const {
    assert(failed_);
    return error_;
  }

 private:
  E error_;
  bool failed_ = false;
};

// Thrown inside the core's layers and turned into an Error at the boundary (Store::write/read).
struct DomainError {
  Error error;
};

[[noreturn]] inline void fail(ErrorCode code, std::string message) {
  throw DomainError{Error{code, std::move(message)}};
}

}  // namespace nextstep
