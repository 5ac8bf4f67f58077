#include "store_digest.h"

#include <sodium.h>

#include <algorithm>
#include <cstdio>
#include <vector>

#include "nextstep/storage/record_rows.h"
#include "postgres_rows.h"

namespace nextstep::server {
namespace {

using Lines = std::vector<std::string>;

// Fields joined with a separator no field's length can fake: each is length-prefixed.
class Line {
 public:
  Line& operator<<(const std::string& field) {
    text_ += std::to_string(field.size()) + ':' + field;
    return *this;
  }
  Line& operator<<(const char* field) { return *this << std::string(field); }
  Line& operator<<(std::int64_t n) { return *this << std::to_string(n); }
  Line& operator<<(const Stamp& s) { return *this << s.toHex(); }
  Line& operator<<(const Value& v) {
    const pg::ValueColumns c = pg::valueColumns(v);
    return *this << std::int64_t{c.type} << c.bytes.str();
  }
  std::string str() && { return std::move(text_); }

 private:
  std::string text_;
};

// Sorted first: the two databases order text differently (memcmp against a collation).
std::string digestOf(Lines lines) {
  std::sort(lines.begin(), lines.end());
  crypto_generichash_state state;
  crypto_generichash_init(&state, nullptr, 0, crypto_generichash_BYTES);
  for (const std::string& l : lines) {
    crypto_generichash_update(&state, reinterpret_cast<const unsigned char*>(l.data()), l.size());
    crypto_generichash_update(&state, reinterpret_cast<const unsigned char*>("\n"), 1);
  }
  unsigned char out[crypto_generichash_BYTES];
  crypto_generichash_final(&state, out, sizeof out);
  std::string hex;
  for (unsigned char b : out) {
    char two[3];
    std::snprintf(two, sizeof two, "%02x", b);
    hex += two;
  }
  return hex;
}

}  // namespace

std::string storeDigest(Database& db) {
  using records::columnStamp;
  Lines lines;
  {
    auto s = db.prepare(
        "SELECT team, version, device, device_seq, record_type, record_id, kind, key, value, "
        "stamp, base, author FROM ops");
    while (s->step()) {
      lines.push_back(std::move(Line() << "op" << s->integer(0) << s->integer(1) << s->integer(2)
                                       << s->integer(3) << s->integer(4) << s->text(5)
                                       << s->integer(6) << s->text(7) << s->value(8)
                                       << columnStamp(*s, 9) << columnStamp(*s, 10) << s->text(11))
                          .str());
    }
  }
  {
    auto s = db.prepare(
        "SELECT team, record_type, record_id, key, value, stamp, base, author, version "
        "FROM registers");
    while (s->step()) {
      lines.push_back(std::move(Line() << "register" << s->integer(0) << s->integer(1) << s->text(2)
                                       << s->text(3) << s->value(4) << columnStamp(*s, 5)
                                       << columnStamp(*s, 6) << s->text(7) << s->integer(8))
                          .str());
    }
  }
  {
    auto s = db.prepare(
        "SELECT team, record_type, record_id, set_name, member, add_stamp, removed_upto, "
        "add_author FROM members");
    while (s->step()) {
      lines.push_back(std::move(Line() << "member" << s->integer(0) << s->integer(1) << s->text(2)
                                       << s->text(3) << s->text(4) << columnStamp(*s, 5)
                                       << columnStamp(*s, 6) << s->text(7))
                          .str());
    }
  }
  return digestOf(std::move(lines));
}

std::string storeDigest(pqxx::transaction_base& tx) {
  Lines lines;
  for (const pqxx::row& r :
       tx.exec("SELECT team_id, version, device_id, device_seq, record_type, record_id, kind, "
               "key, value_type, value, stamp, base, author FROM ops")) {
    lines.push_back(std::move(Line() << "op" << r[0].as<std::int64_t>() << r[1].as<std::int64_t>()
                                     << r[2].as<std::int64_t>() << r[3].as<std::int64_t>()
                                     << r[4].as<std::int64_t>() << r[5].as<std::string>()
                                     << r[6].as<std::int64_t>() << r[7].as<std::string>()
                                     << pg::valueOf(r[8], r[9]) << pg::stampOf(r[10])
                                     << pg::stampOf(r[11]) << r[12].as<std::string>())
                        .str());
  }
  for (const pqxx::row& r :
       tx.exec("SELECT team_id, record_type, record_id, key, value_type, value, stamp, base, "
               "author, version FROM registers")) {
    lines.push_back(std::move(Line()
                              << "register" << r[0].as<std::int64_t>() << r[1].as<std::int64_t>()
                              << r[2].as<std::string>() << r[3].as<std::string>()
                              << pg::valueOf(r[4], r[5]) << pg::stampOf(r[6]) << pg::stampOf(r[7])
                              << r[8].as<std::string>() << r[9].as<std::int64_t>())
                        .str());
  }
  for (const pqxx::row& r :
       tx.exec("SELECT team_id, record_type, record_id, set_name, member, add_stamp, "
               "removed_upto, add_author FROM members")) {
    lines.push_back(std::move(Line()
                              << "member" << r[0].as<std::int64_t>() << r[1].as<std::int64_t>()
                              << r[2].as<std::string>() << r[3].as<std::string>()
                              << r[4].as<std::string>() << pg::stampOf(r[5]) << pg::stampOf(r[6])
                              << r[7].as<std::string>())
                        .str());
  }
  return digestOf(std::move(lines));
}

}  // namespace nextstep::server
