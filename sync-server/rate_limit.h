// Token buckets per key (a bearer token, or a peer address for logins): a steady rate with a
// burst allowance. The map is capped, so a flood of new keys cannot grow memory without end.
#pragma once

#include <cstdint>
#include <functional>
#include <mutex>
#include <string>
#include <unordered_map>

namespace nextstep::server {

class RateLimiter {
 public:
  using Clock = std::function<std::int64_t()>;  // monotonic milliseconds

  // rate_per_second 0 turns limiting off.
  RateLimiter(double rate_per_second, double burst, std::size_t max_keys = 100'000,
              Clock clock = steadyMillis);

  // Takes one request from the key's bucket; false when it is empty.
  bool allow(const std::string& key);
  std::size_t trackedKeys() const;

  static std::int64_t steadyMillis();

 private:
  struct Bucket {
    double tokens;
    std::int64_t updated_ms;
  };
  void prune(std::int64_t now_ms);

  double rate_per_ms_;
  double burst_;
  std::size_t max_keys_;
  Clock clock_;
  mutable std::mutex mu_;
  std::unordered_map<std::string, Bucket> buckets_;
};

}  // namespace nextstep::server
