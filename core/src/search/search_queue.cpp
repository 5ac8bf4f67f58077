#include <array>

#include "nextstep/search/search.h"

namespace nextstep {

// The triggers of core/schema/4.sql queue a doc (kind * 2^40 + rid) in search_pending, with the
// text it was indexed with when it must leave the index. Deletes go first, then inserts, each in
// row id order: FTS5 flushes its pending terms whenever a row id is not above the previous one. A
// doc's first queued entry tells whether the index held it when the transaction began (a delete,
// with that text) or not.
void indexPendingSearch(Database& db) {
  {
    auto any = db.prepare("SELECT 1 FROM search_pending LIMIT 1");
    if (!any->step()) return;
  }
  static constexpr std::array kSteps = {
      R"sql(
INSERT INTO name_index(name_index, rowid, title, body)
  SELECT 'delete', doc, title, body
  FROM (SELECT doc, del, title, body, min(seq) FROM search_pending WHERE doc >> 40 != 4
        GROUP BY doc)
  WHERE del = 1 ORDER BY doc)sql",
      R"sql(
INSERT INTO note_index(note_index, rowid, body)
  SELECT 'delete', doc, body
  FROM (SELECT doc, del, body, min(seq) FROM search_pending WHERE doc >> 40 = 4 GROUP BY doc)
  WHERE del = 1 ORDER BY doc)sql",
      R"sql(
INSERT INTO note_index(rowid, body)
  SELECT rid + 4398046511104, text FROM notes
  WHERE deleted = 0
    AND rid IN (SELECT doc & 1099511627775 FROM search_pending WHERE doc >> 40 = 4)
  ORDER BY 1)sql",
      R"sql(
INSERT INTO name_index(rowid, title, body)
  SELECT rid + 1099511627776, name, coalesce(industry,'') || ' ' || coalesce(city,'')
    FROM accounts WHERE deleted = 0
      AND rid IN (SELECT doc & 1099511627775 FROM search_pending WHERE doc >> 40 = 1)
  UNION ALL
  SELECT rid + 2199023255552, name, coalesce(email,'') || ' ' || coalesce(title,'')
    FROM contacts WHERE deleted = 0
      AND rid IN (SELECT doc & 1099511627775 FROM search_pending WHERE doc >> 40 = 2)
  UNION ALL
  SELECT rid + 3298534883328, title, coalesce(stage,'') || ' ' || coalesce(owner,'')
    FROM deals WHERE deleted = 0
      AND rid IN (SELECT doc & 1099511627775 FROM search_pending WHERE doc >> 40 = 3)
  ORDER BY 1)sql", "DELETE FROM search_pending",
  };
  static_assert(kSearchKindUnit == 1099511627776, "the statements above spell out 2^40");
  for (const char* sql : kSteps) db.prepare(sql)->run();
}

}  // namespace nextstep
