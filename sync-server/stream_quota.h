// How many live Subscribe streams each user holds, against a ceiling.
#pragma once

#include <mutex>
#include <unordered_map>

#include "server_store.h"

namespace nextstep::server {

class StreamQuota {
 public:
  explicit StreamQuota(int max_per_user) : max_(max_per_user) {}

  bool acquire(UserId user) {
    std::lock_guard lock(mu_);
    int& n = open_[user];
    if (n >= max_) {
      if (n == 0) open_.erase(user);
      return false;
    }
    ++n;
    return true;
  }

  void release(UserId user) {
    std::lock_guard lock(mu_);
    auto it = open_.find(user);
    if (it != open_.end() && --it->second <= 0) open_.erase(it);
  }

 private:
  int max_;
  std::mutex mu_;
  std::unordered_map<UserId, int> open_;
};

}  // namespace nextstep::server
