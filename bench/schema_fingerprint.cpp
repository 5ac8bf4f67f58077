#include "schema_fingerprint.h"

#include <sodium.h>

#include <stdexcept>

#include "bench_now.h"
#include "nextstep/storage/store.h"

namespace nextstep::bench {
namespace fs = std::filesystem;

std::string schemaFingerprint(const fs::path& scratch_dir) {
  const fs::path probe = scratch_dir / "schema-probe.db";
  for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(probe.string() + suffix);
  std::string text;
  {
    auto store = Store::open({.path = probe.string(), .wall = fixedWallClock()});
    if (!store) throw std::runtime_error("cannot create " + probe.string());
    auto lock = (*store)->lock();
    Database& db = (*store)->database();
    text = "user_version " + std::to_string(db.scalar("PRAGMA user_version")) + "\n";
    auto s = db.prepare("SELECT coalesce(sql, '') FROM sqlite_schema ORDER BY type, name");
    while (s->step()) text += s->text(0) + "\n";
  }
  for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(probe.string() + suffix);

  if (sodium_init() < 0) throw std::runtime_error("libsodium failed to initialise");
  unsigned char digest[crypto_hash_sha256_BYTES];
  crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(text.data()), text.size());
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string hex;
  for (unsigned char b : digest) {
    hex += kDigits[b >> 4];
    hex += kDigits[b & 0xf];
  }
  return hex;
}

}  // namespace nextstep::bench
