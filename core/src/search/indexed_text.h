// What the search index holds of each kind of record, as SQL over the record's row: the text the
// records' search triggers (core/schema/) queue. Kinds as in kSearchKindUnit.
#pragma once

#include <cstdint>

#include "nextstep/storage/catalog.h"

namespace nextstep {

struct IndexedKind {
  RecordType type;
  std::int64_t kind;  // doc = kind * kSearchKindUnit + rid
  const char* table;
  const char* title;
  const char* body;
};

inline constexpr IndexedKind kIndexedKinds[] = {
    {RecordType::kAccount, 1, "accounts", "name",
     "coalesce(industry,'') || ' ' || coalesce(city,'')"},
    {RecordType::kContact, 2, "contacts", "name",
     "coalesce(email,'') || ' ' || coalesce(title,'')"},
    {RecordType::kDeal, 3, "deals", "title", "coalesce(stage,'') || ' ' || coalesce(owner,'')"},
    {RecordType::kNote, 4, "notes", "''", "text"},
};

// Notes have their own index (note_index); the other kinds share name_index.
inline constexpr std::int64_t kNoteKind = 4;

// Null for a type that is not searched.
inline const IndexedKind* indexedKind(RecordType type) {
  for (const IndexedKind& k : kIndexedKinds) {
    if (k.type == type) return &k;
  }
  return nullptr;
}

}  // namespace nextstep
