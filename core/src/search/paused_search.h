// The sync merge's side of search (core/schema/7.sql). While a page merges, the records' search
// triggers are paused: a trigger call per written row cost a third of a merged update. The merge
// queues in search_pending, a few statements a page, what the triggers would have queued: the
// records it may write, with the text the index holds for them, before their first write, and
// the records it creates. indexPendingSearch indexes them before the commit, as it does the
// triggers' queue.
#pragma once

#include <cstdint>
#include <map>
#include <span>
#include <vector>

#include "nextstep/storage/catalog.h"
#include "nextstep/storage/database.h"

namespace nextstep {

class PausedSearch {
 public:
  explicit PausedSearch(Database& db) : db_(db) {}

  // Inside the caller's write transaction: a rollback turns the triggers back on with the rest.
  void pause();
  // Existing records of `type`, by rid, before any of them is written while paused.
  void willWrite(RecordType type, std::span<const std::int64_t> rids);
  // A record inserted while paused.
  void created(RecordType type, std::int64_t rid);
  // Queues the created records and turns the triggers back on; before the commit.
  void resume();

 private:
  void queue(RecordType type, std::span<const std::int64_t> rids, bool indexed_now);

  Database& db_;
  std::map<RecordType, std::vector<std::int64_t>> created_;
};

}  // namespace nextstep
