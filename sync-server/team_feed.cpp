#include "team_feed.h"

#include <algorithm>

namespace nextstep::server {

TeamFeed::TeamFeed(FeedLimits limits) : limits_(limits) {}

TeamFeed::~TeamFeed() { stop(); }

void TeamFeed::start() {
  std::lock_guard lock(mu_);
  if (thread_.joinable()) return;
  stopping_ = false;
  thread_ = std::thread([this] { run(); });
}

void TeamFeed::stop() {
  {
    std::lock_guard lock(mu_);
    stopping_ = true;
  }
  changed_.notify_all();
  if (thread_.joinable()) thread_.join();
}

void TeamFeed::subscribe(TeamId team, FeedSubscriber* subscriber) {
  std::lock_guard lock(mu_);
  teams_[team].subscribers.insert(subscriber);
}

void TeamFeed::unsubscribe(TeamId team, FeedSubscriber* subscriber) {
  std::lock_guard lock(mu_);
  auto it = teams_.find(team);
  if (it == teams_.end()) return;
  it->second.subscribers.erase(subscriber);
  // Nobody listens: the ring's memory goes back.
  if (it->second.subscribers.empty()) teams_.erase(it);
}

void TeamFeed::publish(TeamId team, const std::vector<pb::LoggedOperation>& ops) {
  if (ops.empty()) return;
  {
    std::lock_guard lock(mu_);
    auto it = teams_.find(team);
    if (it == teams_.end()) return;
    Team& t = it->second;
    for (const pb::LoggedOperation& op : ops) {
      // Already counted (another replica's notice came first): the streams read it from the
      // store. After a gap (versions that another replica committed), only what follows it
      // stays, so a stream never reads past an operation the ring does not hold.
      if (op.version() <= t.head) continue;
      if (!t.ring.empty() && op.version() != t.head + 1) {
        t.ring.clear();
        t.ring_bytes = 0;
      }
      auto entry = std::make_shared<const pb::LoggedOperation>(op);
      t.ring_bytes += entry->ByteSizeLong();
      t.head = std::max(t.head, entry->version());
      t.ring.push_back(std::move(entry));
    }
    while (!t.ring.empty() &&
           (t.ring.size() > limits_.ring_ops || t.ring_bytes > limits_.ring_bytes)) {
      t.ring_bytes -= t.ring.front()->ByteSizeLong();
      t.ring.pop_front();
    }
    dirty_.insert(team);
  }
  changed_.notify_one();
}

void TeamFeed::advance(TeamId team, std::uint64_t head) {
  {
    std::lock_guard lock(mu_);
    auto it = teams_.find(team);
    if (it == teams_.end() || head <= it->second.head) return;
    Team& t = it->second;
    t.ring.clear();
    t.ring_bytes = 0;
    t.head = head;
    dirty_.insert(team);
  }
  changed_.notify_one();
}

std::optional<std::uint64_t> TeamFeed::knownHead(TeamId team) const {
  std::lock_guard lock(mu_);
  auto it = teams_.find(team);
  if (it == teams_.end()) return std::nullopt;
  return it->second.head;
}

FeedRead TeamFeed::read(TeamId team, std::uint64_t after_version, std::size_t budget_bytes) const {
  FeedRead out;
  std::lock_guard lock(mu_);
  auto it = teams_.find(team);
  if (it == teams_.end()) return out;
  const Team& t = it->second;
  out.head = t.head;
  if (t.ring.empty()) {
    out.behind = t.head > after_version;
    return out;
  }
  if (t.ring.front()->version() > after_version + 1) {
    out.behind = true;
    return out;
  }
  auto next = std::partition_point(t.ring.begin(), t.ring.end(),
                                   [&](const auto& op) { return op->version() <= after_version; });
  std::size_t used = 0;
  for (; next != t.ring.end(); ++next) {
    const std::size_t size = (*next)->ByteSizeLong() + 6;
    if (!out.ops.empty() && used + size > budget_bytes) {
      out.more = true;
      break;
    }
    used += size;
    out.ops.push_back(*next);
  }
  return out;
}

void TeamFeed::closeAll() {
  {
    std::lock_guard lock(mu_);
    closing_ = true;
    wake_all_ = true;
  }
  changed_.notify_one();
}

bool TeamFeed::closing() const {
  std::lock_guard lock(mu_);
  return closing_;
}

std::size_t TeamFeed::subscriberCount() const {
  std::lock_guard lock(mu_);
  std::size_t n = 0;
  for (const auto& [id, team] : teams_) n += team.subscribers.size();
  return n;
}

void TeamFeed::collect(const Team& team, std::vector<FeedSubscriber*>& out) const {
  for (FeedSubscriber* s : team.subscribers) {
    s->retain();
    out.push_back(s);
  }
}

void TeamFeed::run() {
  auto next_tick = std::chrono::steady_clock::now() + limits_.tick;
  std::vector<FeedSubscriber*> wake;
  std::unique_lock lock(mu_);
  while (!stopping_) {
    changed_.wait_until(lock, next_tick, [&] { return stopping_ || wake_all_ || !dirty_.empty(); });
    if (stopping_) break;
    const bool tick = std::chrono::steady_clock::now() >= next_tick;
    if (tick) next_tick = std::chrono::steady_clock::now() + limits_.tick;
    if (tick || wake_all_) {
      for (const auto& [id, team] : teams_) collect(team, wake);
    } else {
      for (const TeamId id : dirty_) {
        auto it = teams_.find(id);
        if (it != teams_.end()) collect(it->second, wake);
      }
    }
    dirty_.clear();
    wake_all_ = false;
    // Woken outside the lock: a stream may read the store or start a write.
    lock.unlock();
    for (FeedSubscriber* s : wake) {
      s->wake();
      s->release();
    }
    wake.clear();
    lock.lock();
  }
}

}  // namespace nextstep::server
