#include "nextstep/search/search.h"

#include <algorithm>

#include "nextstep/storage/record_reads.h"

namespace nextstep {
namespace {

// The kinds of the index's row ids (see kSearchKindUnit).
struct Kind {
  const char* name;
  const char* sql;  // selects title, detail, deal id by rid
};
const Kind kKinds[] = {
    {"", ""},
    {"account",
     "SELECT id, name, trim(coalesce(industry,'') || ' · ' || coalesce(city,''), ' ·'), NULL FROM "
     "accounts WHERE rid = ?1"},
    {"contact",
     "SELECT c.id, c.name, trim(coalesce(c.title,'') || ' · ' || coalesce(a.name,''), ' ·'), NULL "
     "FROM contacts c LEFT JOIN accounts a ON a.id = c.account_id WHERE c.rid = ?1"},
    {"deal",
     "SELECT d.id, d.title, trim(coalesce(a.name,'') || ' · ' || d.stage, ' ·'), d.id "
     "FROM deals d LEFT JOIN accounts a ON a.id = d.account_id WHERE d.rid = ?1"},
    {"note",
     "SELECT n.id, coalesce(d.title, a.name, 'Note'), substr(n.text, 1, 160), n.deal_id "
     "FROM notes n LEFT JOIN deals d ON d.id = n.deal_id LEFT JOIN accounts a ON a.id = "
     "n.account_id "
     "WHERE n.rid = ?1"},
};

}  // namespace

std::string ftsQuery(std::string_view words) {
  std::string out;
  std::string word;
  auto flush = [&] {
    if (word.empty()) return;
    if (!out.empty()) out += ' ';
    out += '"' + word + "\"*";
    word.clear();
  };
  for (char c : words) {
    const auto u = static_cast<unsigned char>(c);
    // Letters and digits (and every byte of a UTF-8 sequence) make words; anything else,
    // including FTS5 syntax like quotes and stars, separates them.
    if (std::isalnum(u) || u >= 0x80) {
      word += c;
    } else {
      flush();
    }
  }
  flush();
  return out;
}

namespace {

// Matches ranked per query: the newest this many of each kind (bm25 reads each ranked match's
// sizes; ranking all 79,000 notes with "budget" took 250 ms).
constexpr int kNameCandidates = 200;
constexpr int kNoteCandidates = 500;

// The newest kNameCandidates name matches of each kind, best first.
const std::string& rankedNames() {
  static const std::string sql = [] {
    std::string kinds;
    for (std::int64_t kind = 1; kind <= 3; ++kind) {
      if (!kinds.empty()) kinds += " UNION ALL ";
      kinds +=
          "SELECT * FROM (SELECT rowid, rank FROM name_index WHERE name_index MATCH ?1 AND "
          "rowid >= " +
          std::to_string(kind * kSearchKindUnit) + " AND rowid < " +
          std::to_string((kind + 1) * kSearchKindUnit) + " ORDER BY rowid DESC LIMIT " +
          std::to_string(kNameCandidates) + ")";
    }
    return "SELECT rowid FROM (" + kinds + ") ORDER BY rank LIMIT ?2";
  }();
  return sql;
}

}  // namespace

Result<std::vector<SearchHit>> search(Store& store, std::string_view query, int limit) {
  const std::string fts = ftsQuery(query);
  if (fts.empty()) return Error::invalid("type a word to search for");
  if (limit < 1 || limit > 500) return Error::invalid("search limit must be between 1 and 500");
  std::string exact = fts;
  std::erase(exact, '*');
  return store.read([&](Database& db) {
    std::vector<std::int64_t> rowids;
    auto collect = [&](const std::string& sql, const std::string& match, int candidates) {
      const auto known = rowids.size();
      auto s = db.prepare(sql);
      s->bindAll(match, static_cast<std::int64_t>(limit) + static_cast<std::int64_t>(known));
      if (candidates > 0) s->bind(3, candidates);
      while (s->step() && static_cast<int>(rowids.size()) < limit) {
        const std::int64_t rowid = s->integer(0);
        if (std::find(rowids.begin(), rowids.begin() + static_cast<std::ptrdiff_t>(known), rowid) ==
            rowids.begin() + static_cast<std::ptrdiff_t>(known)) {
          rowids.push_back(rowid);
        }
      }
    };
    // Whole words first: a prefix query merges the lists of every word it starts (4 ms a word
    // here), and an exact match is the better one.
    collect(rankedNames(), exact, 0);
    if (static_cast<int>(rowids.size()) < limit) collect(rankedNames(), fts, 0);
    if (static_cast<int>(rowids.size()) < limit) {
      collect(
          "SELECT rowid FROM (SELECT rowid, rank FROM note_index WHERE note_index MATCH ?1 "
          "ORDER BY rowid DESC LIMIT ?3) ORDER BY rank LIMIT ?2",
          fts, kNoteCandidates);
    }
    std::vector<SearchHit> out;
    for (std::int64_t rowid : rowids) {
      const auto kind = static_cast<std::size_t>(rowid / kSearchKindUnit);
      if (kind == 0 || kind >= std::size(kKinds)) continue;
      auto s = db.prepare(kKinds[kind].sql);
      s->bind(1, rowid % kSearchKindUnit);
      if (!s->step()) continue;
      out.push_back({kKinds[kind].name, s->text(0), s->text(1), s->text(2), s->optText(3)});
    }
    return out;
  });
}

}  // namespace nextstep
