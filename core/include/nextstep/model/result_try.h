// The one idiom for passing an error up: a step that fails returns its error to the caller.
//   NEXTSTEP_TRY(auto store, session.store(DatabaseUse::kRead));  // store is the Store*
//   NEXTSTEP_CHECK(deleteRecord(*store, type, id));               // a Result<void>
#pragma once

#include <utility>

#define NEXTSTEP_TRY_CONCAT_(a, b) a##b
#define NEXTSTEP_TRY_CONCAT(a, b) NEXTSTEP_TRY_CONCAT_(a, b)
#define NEXTSTEP_TRY_RESULT NEXTSTEP_TRY_CONCAT(nextstep_try_result_, __LINE__)

// Declares `declaration` with the value of the Result `expr`, or returns its error.
#define NEXTSTEP_TRY(declaration, expr)                         \
  auto NEXTSTEP_TRY_RESULT = (expr);                            \
  if (!NEXTSTEP_TRY_RESULT) return NEXTSTEP_TRY_RESULT.error(); \
  declaration = std::move(*NEXTSTEP_TRY_RESULT)

// Returns the error of the Result `expr`, if it holds one.
#define NEXTSTEP_CHECK(expr)                             \
  do {                                                   \
    if (auto nextstep_check = (expr); !nextstep_check) { \
      return nextstep_check.error();                     \
    }                                                    \
  } while (false)
