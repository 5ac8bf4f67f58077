#include <string>

#include "nextstep/search/search.h"
#include "search/indexed_text.h"

namespace nextstep {
namespace {

// One index's queued docs, in one statement: a doc's first queued entry tells whether the index
// held it when the transaction began (del = 1, with that text) or not. A doc whose row is live
// with the text it was indexed with is left alone (a merged write that changed nothing searched);
// otherwise it leaves the index with its old text and enters with its new one. Delete and insert
// of a doc are adjacent and docs ascend: FTS5 flushes its pending terms to a new segment whenever
// a row id is not above the previous one, except an insert right after the same row's delete.
std::string reindexStatement(bool notes) {
  const std::string index = notes ? "note_index" : "name_index";
  const std::string columns = notes ? "body" : "title, body";
  const std::string kinds = notes ? " = 4" : " != 4";
  std::string live;
  for (const IndexedKind& k : kIndexedKinds) {
    if ((k.kind == kNoteKind) != notes) continue;
    if (!live.empty()) live += " UNION ALL ";
    live +=
        "SELECT rid + " + std::to_string(k.kind * kSearchKindUnit) + " AS doc, " + k.title +
        " AS title, " + k.body + " AS body FROM " + k.table +
        " WHERE deleted = 0 AND rid IN (SELECT doc & 1099511627775 FROM queued WHERE doc >> 40 = " +
        std::to_string(k.kind) + ")";
  }
  return "WITH queued AS MATERIALIZED (SELECT doc, del, title, body, min(seq) FROM search_pending "
         "WHERE doc >> 40" +
         kinds + " GROUP BY doc), live AS MATERIALIZED (" + live + ") INSERT INTO " + index + "(" +
         index + ", rowid, " + columns + ") SELECT cmd, doc, " + columns +
         " FROM (SELECT 'delete' AS cmd, q.doc, q.title, q.body, 0 AS step FROM queued q "
         "LEFT JOIN live l ON l.doc = q.doc WHERE q.del = 1 AND (l.doc IS NULL OR "
         "l.title IS NOT q.title OR l.body IS NOT q.body) "
         "UNION ALL SELECT NULL, l.doc, l.title, l.body, 1 FROM live l JOIN queued q ON q.doc = "
         "l.doc WHERE q.del = 0 OR l.title IS NOT q.title OR l.body IS NOT q.body) "
         "ORDER BY doc, step";
}

}  // namespace

// The records' search triggers (core/schema/), and the sync merge (search/paused_search.h),
// queue a doc (kind * 2^40 + rid) in search_pending, with the text it was indexed with when it
// must leave the index.
void indexPendingSearch(Database& db) {
  {
    auto any = db.prepare("SELECT 1 FROM search_pending LIMIT 1");
    if (!any->step()) return;
  }
  static const std::string kSteps[] = {reindexStatement(false), reindexStatement(true),
                                       "DELETE FROM search_pending"};
  static_assert(kSearchKindUnit == 1099511627776, "the statements above spell out 2^40");
  for (const std::string& sql : kSteps) db.prepare(sql)->run();
}

}  // namespace nextstep
