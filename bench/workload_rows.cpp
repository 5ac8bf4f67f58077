#include "workload_rows.h"

#include <sodium.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <stdexcept>

#include "nextstep/time/civil_time.h"

namespace nextstep::bench {
namespace {

using nlohmann::json;

// "2026-08-28T06:30:00.000Z" (the generator's toISOString()) as unix seconds.
std::int64_t unixOf(const json& iso) {
  const std::string text = iso.get<std::string>();
  auto t = parseUtc(text.substr(0, 19) + "Z");
  if (!t) throw std::runtime_error("bad time '" + text + "': " + t.error().message);
  return toUnix(*t);
}

std::string hexOf(const unsigned char* bytes, std::size_t n) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string out;
  for (std::size_t i = 0; i < n; ++i) {
    out += kDigits[bytes[i] >> 4];
    out += kDigits[bytes[i] & 0xf];
  }
  return out;
}

void addRow(Workload& w, const json& r) {
  const std::string type = r.at("type").get<std::string>();
  auto text = [&](const char* key) { return r.at(key).get<std::string>(); };
  if (type == "account") {
    w.accounts.push_back({text("_id"), text("name"), text("industry"), text("city"), text("owner"),
                          r.at("cadence_days").get<std::int64_t>(), unixOf(r.at("created_at"))});
  } else if (type == "contact") {
    w.contacts.push_back({text("_id"), text("account_id"), text("name"), text("email"),
                          text("phone"), text("role"), text("title")});
  } else if (type == "deal") {
    w.deals.push_back({text("_id"), text("account_id"), text("title"), text("stage"),
                       text("status"), text("currency"), text("owner"),
                       r.at("value").get<std::int64_t>(), unixOf(r.at("created_at"))});
  } else if (type == "meeting") {
    w.meetings.push_back(
        {text("_id"), text("deal_id"), r.at("attendee_ids").get<std::vector<std::string>>(),
         unixOf(r.at("start")), text("tz"), r.at("duration_min").get<std::int64_t>(), text("place"),
         text("agenda"), r.at("booked_at_table").get<bool>()});
  } else if (type == "action") {
    w.actions.push_back({text("_id"), text("deal_id"), text("meeting_id"), text("owner"),
                         text("text"), text("due"), text("kind"), r.at("done").get<bool>()});
  } else if (type == "note") {
    w.notes.push_back({text("_id"), text("deal_id"), text("text"), unixOf(r.at("created_at"))});
  } else {
    throw std::runtime_error("unknown row type '" + type + "'");
  }
}

}  // namespace

std::int64_t Workload::rows() const {
  return static_cast<std::int64_t>(accounts.size() + contacts.size() + deals.size() +
                                   meetings.size() + actions.size() + notes.size());
}

std::int64_t Workload::attendees() const {
  std::int64_t n = 0;
  for (const WorkloadMeeting& m : meetings) n += static_cast<std::int64_t>(m.attendee_ids.size());
  return n;
}

Workload readWorkload(const std::filesystem::path& jsonl) {
  if (sodium_init() < 0) throw std::runtime_error("libsodium failed to initialise");
  std::ifstream in(jsonl, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + jsonl.string());
  crypto_hash_sha256_state hash;
  crypto_hash_sha256_init(&hash);
  Workload w;
  std::string line;
  std::int64_t lineNumber = 0;
  while (std::getline(in, line)) {
    ++lineNumber;
    line += '\n';  // hashed as written
    crypto_hash_sha256_update(&hash, reinterpret_cast<const unsigned char*>(line.data()),
                              line.size());
    w.bytes += static_cast<std::int64_t>(line.size());
    try {
      addRow(w, json::parse(line));
    } catch (const std::exception& e) {
      throw std::runtime_error(jsonl.string() + ":" + std::to_string(lineNumber) + ": " + e.what());
    }
  }
  unsigned char digest[crypto_hash_sha256_BYTES];
  crypto_hash_sha256_final(&hash, digest);
  w.sha256 = hexOf(digest, sizeof digest);
  return w;
}

}  // namespace nextstep::bench
