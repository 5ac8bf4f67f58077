#include "nextstep/model/ids.h"

#include <chrono>
#include <cstdio>
#include <random>

namespace nextstep {
namespace {

std::mt19937_64& generator() {
  // One generator per thread, seeded from the OS: ids must not repeat across devices.
  thread_local std::mt19937_64 gen([] {
    std::random_device rd;
    std::seed_seq seq{rd(), rd(), rd(), rd(), rd(), rd(), rd(), rd()};
    return std::mt19937_64(seq);
  }());
  return gen;
}

std::uint64_t randomBits() { return generator()(); }

struct IdSequence {
  std::uint64_t last_ms = 0;
  std::uint64_t counter = 0;
};
IdSequence& sequence() {
  thread_local IdSequence s;
  return s;
}

}  // namespace

std::string newRecordId(std::int64_t unix_millis) {
  // RFC 9562 UUIDv7: 48-bit milliseconds, version 7, a 12-bit counter (its method 1), variant 10,
  // 62 random bits. The counter keeps the ids one thread makes in the order it made them, even
  // within a millisecond or when the clock steps back: lists ordered by id (a meeting's attendees)
  // then show what was added first, first.
  auto& [lastMs, counter] = sequence();
  auto ms = static_cast<std::uint64_t>(unix_millis) & 0xffffffffffffULL;
  if (ms <= lastMs) {
    ms = lastMs;
    if (++counter > 0x0fff) {
      ++ms;
      counter = randomBits() & 0x07ff;  // the upper half stays free for this millisecond's ids
    }
  } else {
    counter = randomBits() & 0x07ff;
  }
  lastMs = ms;
  const std::uint64_t r2 = randomBits();
  const std::uint64_t hi = (ms << 16) | 0x7000 | counter;
  const std::uint64_t lo = (r2 & 0x3fffffffffffffffULL) | 0x8000000000000000ULL;
  char buf[37];
  std::snprintf(buf, sizeof buf, "%08llx-%04llx-%04llx-%04llx-%012llx",
                static_cast<unsigned long long>(hi >> 32),
                static_cast<unsigned long long>((hi >> 16) & 0xffff),
                static_cast<unsigned long long>(hi & 0xffff),
                static_cast<unsigned long long>(lo >> 48),
                static_cast<unsigned long long>(lo & 0xffffffffffffULL));
  return buf;
}

std::string newRecordId() {
  return newRecordId(std::chrono::duration_cast<std::chrono::milliseconds>(
                         std::chrono::system_clock::now().time_since_epoch())
                         .count());
}

DeviceId newDeviceId() {
  DeviceId id = 0;
  while (id == 0) id = randomBits();
  return id;
}

void seedIdsForTesting(std::uint64_t seed) {
  generator().seed(seed);
  sequence() = {};
}

bool looksLikeRecordId(std::string_view s) {
  if (s.size() != 36) return false;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    if (i == 8 || i == 13 || i == 18 || i == 23) {
      if (c != '-') return false;
    } else if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
      return false;
    }
  }
  return true;
}

}  // namespace nextstep
