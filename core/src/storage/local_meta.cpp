#include "nextstep/storage/local_meta.h"

namespace nextstep::local_meta {

std::optional<std::string> text(Database& db, std::string_view key) {
  auto s = db.prepare("SELECT value FROM local_meta WHERE key = ?1");
  s->bind(1, key);
  if (!s->step() || s->isNull(0)) return std::nullopt;
  return s->text(0);
}

std::optional<std::int64_t> integer(Database& db, std::string_view key) {
  auto s = db.prepare("SELECT value FROM local_meta WHERE key = ?1");
  s->bind(1, key);
  if (!s->step() || s->isNull(0)) return std::nullopt;
  return s->integer(0);
}

void put(Database& db, std::string_view key, const Value& value) {
  auto s = db.prepare(
      "INSERT INTO local_meta(key, value) VALUES (?1, ?2) "
      "ON CONFLICT(key) DO UPDATE SET value = excluded.value");
  s->bindAll(key, value);
  s->run();
}

void erase(Database& db, std::string_view key) {
  auto s = db.prepare("DELETE FROM local_meta WHERE key = ?1");
  s->bind(1, key);
  s->run();
}

}  // namespace nextstep::local_meta
