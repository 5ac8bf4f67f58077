#include "rate_limit.h"

#include <algorithm>
#include <chrono>

namespace nextstep::server {

RateLimiter::RateLimiter(double rate_per_second, double burst, std::size_t max_keys, Clock clock)
    : rate_per_ms_(rate_per_second / 1000.0),
      burst_(std::max(burst, 1.0)),
      max_keys_(std::max<std::size_t>(max_keys, 1)),
      clock_(std::move(clock)) {}

std::int64_t RateLimiter::steadyMillis() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::steady_clock::now().time_since_epoch())
      .count();
}

bool RateLimiter::allow(const std::string& key) {
  if (rate_per_ms_ <= 0) return true;
  const std::int64_t now = clock_();
  std::lock_guard lock(mu_);
  auto it = buckets_.find(key);
  if (it == buckets_.end()) {
    if (buckets_.size() >= max_keys_) prune(now);
    it = buckets_.emplace(key, Bucket{burst_, now}).first;
  }
  Bucket& b = it->second;
  b.tokens = std::min(burst_, b.tokens + static_cast<double>(now - b.updated_ms) * rate_per_ms_);
  b.updated_ms = now;
  if (b.tokens < 1.0) return false;
  b.tokens -= 1.0;
  return true;
}

std::size_t RateLimiter::trackedKeys() const {
  std::lock_guard lock(mu_);
  return buckets_.size();
}

void RateLimiter::prune(std::int64_t now_ms) {
  // A bucket that has refilled completely is the same as no bucket: forget it.
  std::erase_if(buckets_, [&](const auto& entry) {
    const Bucket& b = entry.second;
    return b.tokens + static_cast<double>(now_ms - b.updated_ms) * rate_per_ms_ >= burst_;
  });
  // Still full of busy keys: forgetting some lets them burst once more, which is better than
  // refusing every newcomer or growing without bound.
  while (buckets_.size() >= max_keys_) buckets_.erase(buckets_.begin());
}

}  // namespace nextstep::server
