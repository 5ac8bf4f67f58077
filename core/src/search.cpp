#include "nextstep/search.h"

#include "nextstep/record_reads.h"

namespace nextstep {
namespace {

// Kind digits packed into the index's row ids (see schema.cpp).
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

Result<std::vector<SearchHit>> search(Store& store, std::string_view query, int limit) {
  const std::string fts = ftsQuery(query);
  if (fts.empty()) return Error::invalid("type a word to search for");
  if (limit < 1 || limit > 500) return Error::invalid("search limit must be between 1 and 500");
  return store.read([&](Database& db) {
    // Names (accounts, contacts, deals) first, best first; then notes, if room is left: the
    // newest kNoteCandidates matching notes, best first. Ranking every match cost 250 ms for a
    // word found in one note of four (bm25 reads each match's sizes).
    constexpr int kNoteCandidates = 500;
    std::vector<std::int64_t> rowids;
    {
      auto s = db.prepare(
          "SELECT rowid FROM name_index WHERE name_index MATCH ?1 ORDER BY rank LIMIT ?2");
      s->bindAll(fts, limit);
      while (s->step()) rowids.push_back(s->integer(0));
    }
    if (static_cast<int>(rowids.size()) < limit) {
      auto s = db.prepare(
          "SELECT rowid FROM (SELECT rowid, rank FROM note_index WHERE note_index MATCH ?1 "
          "ORDER BY rowid DESC LIMIT ?3) ORDER BY rank LIMIT ?2");
      s->bindAll(fts, limit - static_cast<int>(rowids.size()), kNoteCandidates);
      while (s->step()) rowids.push_back(s->integer(0));
    }
    std::vector<SearchHit> out;
    for (std::int64_t rowid : rowids) {
      const auto kind = static_cast<std::size_t>(rowid % 8);
      if (kind == 0 || kind >= std::size(kKinds)) continue;
      auto s = db.prepare(kKinds[kind].sql);
      s->bind(1, rowid / 8);
      if (!s->step()) continue;
      out.push_back({kKinds[kind].name, s->text(0), s->text(1), s->text(2), s->optText(3)});
    }
    return out;
  });
}

}  // namespace nextstep
