// Live fan-out: each team's newly accepted operations, kept in a bounded ring of recent entries,
// and one thread that wakes the team's Subscribe streams when there is something new (and once
// per tick, for heartbeats). No thread per stream; a stream that fell behind the ring reads
// pages from the store instead.
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "server_store.h"

namespace nextstep::server {

// A stream as the feed sees it. retain()/release() keep it alive while the feed's thread wakes
// it outside the feed's lock.
class FeedSubscriber {
 public:
  virtual void wake() = 0;
  virtual void retain() = 0;
  virtual void release() = 0;

 protected:
  ~FeedSubscriber() = default;
};

struct FeedRead {
  bool behind = false;  // the ring no longer holds the operation after the cursor
  bool more = false;    // the ring holds more than fitted
  std::vector<std::shared_ptr<const pb::LoggedOperation>> ops;
  std::uint64_t head = 0;  // the newest version the ring has seen
};

struct FeedLimits {
  std::size_t ring_ops = 4096;
  std::size_t ring_bytes = 8 * 1024 * 1024;
  std::chrono::milliseconds tick{1000};
};

class TeamFeed {
 public:
  explicit TeamFeed(FeedLimits limits = {});
  ~TeamFeed();
  TeamFeed(const TeamFeed&) = delete;
  TeamFeed& operator=(const TeamFeed&) = delete;

  void start();
  void stop();

  void subscribe(TeamId team, FeedSubscriber* subscriber);
  void unsubscribe(TeamId team, FeedSubscriber* subscriber);
  // After the operations are committed, in version order; teams without streams keep nothing.
  void publish(TeamId team, const std::vector<pb::LoggedOperation>& ops);
  // Another replica committed the team's log up to `head`: the streams behind it read the
  // store. The ring keeps nothing it cannot vouch for as contiguous.
  void advance(TeamId team, std::uint64_t head);
  // The newest version the feed has seen for the team (0: none yet); nothing when the team has no
  // streams here.
  std::optional<std::uint64_t> knownHead(TeamId team) const;
  // Operations after the cursor, up to about budget_bytes (at least one when there is one).
  FeedRead read(TeamId team, std::uint64_t after_version, std::size_t budget_bytes) const;

  // Shutdown: every stream is woken to end itself, and new ones are turned away.
  void closeAll();
  bool closing() const;
  std::size_t subscriberCount() const;

 private:
  struct Team {
    std::unordered_set<FeedSubscriber*> subscribers;
    std::deque<std::shared_ptr<const pb::LoggedOperation>> ring;
    std::size_t ring_bytes = 0;
    std::uint64_t head = 0;
  };
  void run();
  // Retains the subscribers to wake; call with mu_ held, wake them after releasing it.
  void collect(const Team& team, std::vector<FeedSubscriber*>& out) const;

  FeedLimits limits_;
  mutable std::mutex mu_;
  std::condition_variable changed_;
  std::unordered_map<TeamId, Team> teams_;
  std::unordered_set<TeamId> dirty_;
  bool closing_ = false;
  bool wake_all_ = false;
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace nextstep::server
