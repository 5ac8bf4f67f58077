#include "pipeline/account_names.h"

#include <array>
#include <vector>

namespace nextstep {
namespace {

constexpr std::array<std::string_view, 24> kLegalForms = {
    "gmbh", "ag", "kg",  "ug",   "se",  "inc", "ltd", "llc", "plc", "corp", "co",  "bv",
    "nv",   "sa", "sas", "sarl", "srl", "spa", "oy",  "ab",  "as",  "aps",  "pty", "limited"};

bool isLegalForm(std::string_view word) {
  for (std::string_view f : kLegalForms) {
    if (word == f) return true;
  }
  return false;
}

}  // namespace

std::string accountKey(std::string_view name) {
  std::string out;
  bool space = false;
  for (const char c : name) {
    const auto u = static_cast<unsigned char>(c);
    const bool keep =
        u >= 0x80 || (u >= '0' && u <= '9') || (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z');
    if (!keep) {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += (u >= 'A' && u <= 'Z') ? static_cast<char>(u - 'A' + 'a') : c;
  }
  return out;
}

std::string accountStem(std::string_view key) {
  std::string stem(key);
  for (;;) {
    const std::size_t cut = stem.rfind(' ');
    if (cut == std::string::npos || !isLegalForm(std::string_view(stem).substr(cut + 1))) break;
    stem.resize(cut);
  }
  return stem;
}

std::optional<AccountMatch> matchAccount(Database& db, std::string_view name) {
  const std::string key = accountKey(name);
  if (key.empty()) return std::nullopt;
  const std::string stem = accountStem(key);
  // Candidates share the first word, found through the name index (NOCASE) as a range.
  const std::string first = key.substr(0, key.find(' '));
  auto s = db.prepare(
      "SELECT id, name FROM accounts WHERE name >= ?1 COLLATE NOCASE AND name < ?2 COLLATE NOCASE "
      "AND deleted = 0 ORDER BY rid LIMIT 200");
  s->bindAll(first, first + "\xff");
  std::optional<AccountMatch> similar;
  while (s->step()) {
    const std::string candidate = accountKey(s->textView(1));
    if (candidate == key) return AccountMatch{s->text(0), s->text(1), true};
    if (!similar && !stem.empty() && accountStem(candidate) == stem) {
      similar = AccountMatch{s->text(0), s->text(1), false};
    }
  }
  return similar;
}

}  // namespace nextstep
