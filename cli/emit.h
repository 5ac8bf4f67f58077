// The one way a command shows its result: `emit(session, result)` writes the result's JSON form
// (its `to_json`, next to the type) under --json, else its text form (its `printText`): aligned
// text for people, times on the --tz clocks. Keys are snake_case and stable (docs/cli.md).
#pragma once

#include <nlohmann/json.hpp>
#include <ostream>

#include "day_words.h"
#include "session.h"

namespace nextstep::cli {

// Keys in the order they are written, "id" first, so the output reads like the docs.
using Json = nlohmann::ordered_json;

// Declares a result type's two forms, defined next to each other in its *_output.cpp:
//   void to_json(Json& j, const Type& result);  // its JSON
//   void printText(std::ostream& out, const DayWords& words, const Type& result);  // its text
#define NEXTSTEP_RESULT_FORMS(Type)          \
  void to_json(Json& j, const Type& result); \
  void printText(std::ostream& out, const DayWords& words, const Type& result)

// A result whose JSON is one compact object per line, flushed (sync --watch is read live).
template <typename R>
concept JsonLines = R::kJsonLines;

template <typename R>
void emit(Session& session, const R& result) {
  if (!session.json()) {
    printText(session.text(), session.words(), result);
    return;
  }
  Json j;
  to_json(j, result);
  std::ostream& out = session.out();
  if constexpr (JsonLines<R>) {
    out << j.dump() << std::endl;
  } else {
    out << j.dump(2, ' ', false, Json::error_handler_t::replace) << '\n';
  }
}

}  // namespace nextstep::cli
