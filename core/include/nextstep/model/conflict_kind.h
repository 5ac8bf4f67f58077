// Why a synced write was archived instead of shown (docs/sync.md, "Conflicts"). Named like the
// method's vocabularies (enums.h): one stable name in databases and on the wire, never changed.
#pragma once

#include <array>
#include <string_view>
#include <utility>

#include "nextstep/model/enums.h"

namespace nextstep {

enum class ConflictKind {
  kOverwritten,         // two writes of one register, neither knowing of the other
  kEditedWhileDeleted,  // an edit made without knowing the record was deleted
  kRemovedWhileAdded,   // a set member removed while someone added it (the add stays)
};

template <>
struct EnumNames<ConflictKind> {
  static constexpr auto kNames = std::to_array<std::pair<ConflictKind, std::string_view>>({
      {ConflictKind::kOverwritten, "overwritten"},
      {ConflictKind::kEditedWhileDeleted, "edited_while_deleted"},
      {ConflictKind::kRemovedWhileAdded, "removed_while_added"},
  });
};

}  // namespace nextstep
