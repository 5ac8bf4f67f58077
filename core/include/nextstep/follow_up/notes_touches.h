// Notes (append-only) and touches (rule 8: never go quiet).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "nextstep/model/model.h"
#include "nextstep/storage/store.h"

namespace nextstep {

struct NewNote {
  std::optional<std::string> deal;
  std::optional<std::string> account;
  std::optional<std::string> contact;
  std::string text;
  std::string author;
};
Result<std::string> addNote(Store& store, const NewNote& note);

struct NewTouch {
  std::optional<std::string> account;  // one of account, deal or contact identifies the customer
  std::optional<std::string> deal;
  std::optional<std::string> contact;
  TouchKind kind = TouchKind::kOther;
  std::optional<Instant> at;  // default: now
  std::string note;
};
Result<std::string> logTouch(Store& store, const NewTouch& touch);
std::string logTouchIn(Mutation& m, Instant now, const NewTouch& touch);

}  // namespace nextstep
