// The results of the commands that add or change a record: the new id(s), or what changed.
#pragma once

#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "day_words.h"
#include "emit.h"

namespace nextstep::cli {

// An added record: its id.
struct NewId {
  std::string id;
};

// Records added together (event book): their ids.
struct NewIds {
  std::vector<std::string> ids;
};

// A change to a record that is already there (set, delete, cancel, done, ...).
struct Change {
  std::string_view record;  // "deal"
  std::string id;
  std::string_view result;  // "updated", "deleted", ...
  std::string summary;      // one line for people
};

NEXTSTEP_RESULT_FORMS(NewId);
NEXTSTEP_RESULT_FORMS(NewIds);
NEXTSTEP_RESULT_FORMS(Change);

}  // namespace nextstep::cli
