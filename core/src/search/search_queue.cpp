#include <cstdint>
#include <string>

#include "nextstep/search/search.h"

namespace nextstep {
namespace {

// What the index holds of each kind of record, as SQL over its row: the text the records' search
// triggers (core/schema/) queue.
struct IndexedKind {
  std::int64_t kind;  // doc = kind * kSearchKindUnit + rid
  const char* table;
  const char* title;
  const char* body;
};
constexpr IndexedKind kIndexedKinds[] = {
    {1, "accounts", "name", "coalesce(industry,'') || ' ' || coalesce(city,'')"},
    {2, "contacts", "name", "coalesce(email,'') || ' ' || coalesce(title,'')"},
    {3, "deals", "title", "coalesce(stage,'') || ' ' || coalesce(owner,'')"},
    {4, "notes", "''", "text"},
};
// Notes have their own index; the other kinds share name_index.
constexpr std::int64_t kNoteKind = 4;

// One index's queued docs, in one statement: a doc's first queued entry tells whether the index
// held it when the transaction began (del = 1, with that text) or not. A doc whose row is live
// with the text it was indexed with is left alone (its words did not change, or changed back);
// otherwise it leaves the index with its old text and enters with its new one. Delete and insert
// of a doc are adjacent and docs ascend: FTS5 flushes its pending terms to a new segment whenever
// a row id is not above the previous one, except an insert right after the same row's delete.
// Each queued doc finds its row by rid.
std::string reindexStatement(bool notes) {
  const std::string index = notes ? "note_index" : "name_index";
  const std::string columns = notes ? "body" : "title, body";
  std::string docs;
  for (const IndexedKind& k : kIndexedKinds) {
    if ((k.kind == kNoteKind) != notes) continue;
    if (!docs.empty()) docs += " UNION ALL ";
    docs += std::string("SELECT q.doc, q.del, q.was_title, q.was_body, r.deleted = 0 AS live, ") +
            k.title + " AS now_title, " + k.body + " AS now_body FROM queued q LEFT JOIN " +
            k.table + " r ON r.rid = q.doc - " + std::to_string(k.kind * kSearchKindUnit) +
            " WHERE q.doc >> 40 = " + std::to_string(k.kind);
  }
  return "WITH queued AS MATERIALIZED (SELECT doc, del, title AS was_title, body AS was_body, "
         "min(seq) FROM search_pending WHERE doc >> 40 " +
         std::string(notes ? "= 4" : "!= 4") + " GROUP BY doc), docs AS MATERIALIZED (" + docs +
         ") INSERT INTO " + index + "(" + index + ", rowid, " + columns + ") SELECT cmd, doc, " +
         columns +
         " FROM (SELECT 'delete' AS cmd, doc, was_title AS title, was_body AS body, 0 AS step "
         "FROM docs WHERE del = 1 AND (live IS NOT 1 OR now_title IS NOT was_title "
         "OR now_body IS NOT was_body) "
         "UNION ALL SELECT NULL, doc, now_title, now_body, 1 FROM docs WHERE live = 1 "
         "AND (del = 0 OR now_title IS NOT was_title OR now_body IS NOT was_body)) "
         "ORDER BY doc, step";
}

}  // namespace

// The records' search triggers (core/schema/) queue a doc (kind * 2^40 + rid) in search_pending,
// with the text it was indexed with when it must leave the index.
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
