// Full-text search over deals, accounts, contacts and notes (SQLite FTS5).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "nextstep/storage/store.h"

namespace nextstep {

struct SearchHit {
  std::string kind;  // account, contact, deal, note
  std::string id;
  std::string title;
  std::string detail;
  std::optional<std::string> deal_id;  // for notes: the deal they belong to
};

// Every word of the query must match the start of a word in the record (so "acm pil" finds
// "Acme pilot"). Best matches first: accounts, contacts and deals whose words match exactly, then
// those that match by prefix, then notes. Each is ranked among the newest few hundred matches of
// its kind, so a common word costs about what a rare one does.
Result<std::vector<SearchHit>> search(Store& store, std::string_view query, int limit = 20);

// The FTS5 expression for a user's words; empty when they contain no word at all.
std::string ftsQuery(std::string_view words);

// Search index row ids are kind * kSearchKindUnit + the source row's rid (kinds: 1 account,
// 2 contact, 3 deal, 4 note), so each kind is one row id range.
inline constexpr std::int64_t kSearchKindUnit = std::int64_t{1} << 40;

// Indexes what the records' triggers queued in search_pending since the last call, in a few
// set-based statements (per-row index writes would each become an FTS5 segment). Store::write
// calls it before every commit, so readers always see an index that matches the records.
void indexPendingSearch(Database& db);

}  // namespace nextstep
