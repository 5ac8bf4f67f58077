// note add, touch add (rule 8: never go quiet).
#pragma once

#include <optional>
#include <string>

#include "nextstep/model/result.h"
#include "session.h"

namespace nextstep::cli {

struct NoteAddFlags {
  std::optional<std::string> deal;
  std::optional<std::string> account;
  std::optional<std::string> contact;
  std::string text;
  std::optional<std::string> author;
};

struct TouchAddFlags {
  std::optional<std::string> account;
  std::optional<std::string> deal;
  std::optional<std::string> contact;
  std::string kind;
  std::optional<std::string> at;  // ISO instant, or a wall-clock time in the --tz zone
  std::optional<std::string> note;
};

Result<void> addNoteCommand(Session& session, const NoteAddFlags& flags);
Result<void> addTouchCommand(Session& session, const TouchAddFlags& flags);

}  // namespace nextstep::cli
