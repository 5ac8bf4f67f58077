// Full-text search over deals, accounts, contacts and notes (SQLite FTS5).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "nextstep/store.h"

namespace nextstep {

struct SearchHit {
  std::string kind;  // account, contact, deal, note
  std::string id;
  std::string title;
  std::string detail;
  std::optional<std::string> deal_id;  // for notes: the deal they belong to
};

// Every word of the query must match the start of a word in the record (so "acm pil" finds
// "Acme pilot"). Best matches first: accounts, contacts and deals by rank, then notes (ranked
// among the newest 500 that match, so a common word costs the same as a rare one).
Result<std::vector<SearchHit>> search(Store& store, std::string_view query, int limit = 20);

// The FTS5 expression for a user's words; empty when they contain no word at all.
std::string ftsQuery(std::string_view words);

// Indexes what the records' triggers queued in search_pending since the last call, in a few
// set-based statements (per-row index writes would each become an FTS5 segment). Store::write
// calls it before every commit, so readers always see an index that matches the records.
void indexPendingSearch(Database& db);

}  // namespace nextstep
