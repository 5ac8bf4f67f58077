#include "search/paused_search.h"

#include <algorithm>
#include <string>

#include "nextstep/search/search.h"
#include "search/indexed_text.h"

namespace nextstep {
namespace {

constexpr std::size_t kRidsPerStatement = 200;

}  // namespace

void PausedSearch::pause() { db_.prepare("INSERT INTO search_paused(paused) VALUES (1)")->run(); }

void PausedSearch::willWrite(RecordType type, std::span<const std::int64_t> rids) {
  queue(type, rids, true);
}

void PausedSearch::created(RecordType type, std::int64_t rid) {
  if (indexedKind(type) != nullptr) created_[type].push_back(rid);
}

void PausedSearch::resume() {
  for (const auto& [type, rids] : created_) queue(type, rids, false);
  created_.clear();
  db_.prepare("DELETE FROM search_paused")->run();
}

// As the update triggers' first entry for a row: a live row leaves the index with its text now
// (del = 1), a deleted one is not in it. A created row is not in it either.
void PausedSearch::queue(RecordType type, std::span<const std::int64_t> rids, bool indexed_now) {
  const IndexedKind* k = indexedKind(type);
  if (k == nullptr || rids.empty()) return;
  std::string list;
  for (std::size_t i = 1; i <= kRidsPerStatement; ++i)
    list += (i > 1 ? ", ?" : "?") + std::to_string(i);
  const std::string entry = indexed_now ? std::string("deleted = 0, ") + k->title + ", " + k->body
                                        : std::string("0, NULL, NULL");
  auto s = db_.prepare("INSERT INTO search_pending(doc, del, title, body) SELECT rid + " +
                       std::to_string(k->kind * kSearchKindUnit) + ", " + entry + " FROM " +
                       k->table + " WHERE rid IN (" + list + ")");
  // The last chunk repeats its last rid to fill the list, so one prepared statement serves all.
  for (std::size_t at = 0; at < rids.size(); at += kRidsPerStatement) {
    s->reset();
    for (std::size_t i = 0; i < kRidsPerStatement; ++i)
      s->bind(static_cast<int>(i) + 1, rids[std::min(at + i, rids.size() - 1)]);
    s->run();
  }
}

}  // namespace nextstep
