// How server replicas on one PostgreSQL database learn of each other's writes: a push's
// transaction announces each team head it moved on a channel (NOTIFY, delivered only when it
// commits, in commit order), and every replica listens there on a connection of its own.
#pragma once

#include <pqxx/pqxx>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <map>
#include <mutex>
#include <string>
#include <thread>

#include "server_store.h"

namespace nextstep::server {

inline constexpr const char* kHeadsChannel = "nextstep_heads";

// Inside a push's transaction, before it commits: one notice a team, "TEAM:HEAD".
void announceHeads(pqxx::transaction_base& tx, const std::map<TeamId, std::uint64_t>& heads);

class PostgresHeadWatch final : public HeadWatch {
 public:
  PostgresHeadWatch(std::string url, HeadListener listener, std::chrono::milliseconds catch_up);
  ~PostgresHeadWatch() override;
  PostgresHeadWatch(const PostgresHeadWatch&) = delete;
  PostgresHeadWatch& operator=(const PostgresHeadWatch&) = delete;

 private:
  void run();
  // Every team's head: what was committed while no notice could arrive.
  void catchUp(pqxx::connection& conn);
  // False when stopping.
  bool pause(std::chrono::milliseconds how_long);

  const std::string url_;
  const HeadListener listener_;
  const std::chrono::milliseconds catch_up_;
  std::mutex mu_;
  std::condition_variable stop_;
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace nextstep::server
