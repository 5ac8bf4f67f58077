#include "store_watch.h"

#include "json_log.h"

namespace nextstep::server {

StoreWatch::StoreWatch(ServerStore& store, std::chrono::milliseconds interval, Changed changed)
    : store_(store), interval_(interval), changed_(std::move(changed)) {}

StoreWatch::~StoreWatch() { stop(); }

void StoreWatch::start() {
  std::lock_guard lock(mu_);
  if (thread_.joinable()) return;
  stopping_ = false;
  thread_ = std::thread([this] { run(); });
}

void StoreWatch::stop() {
  {
    std::lock_guard lock(mu_);
    stopping_ = true;
  }
  wake_.notify_all();
  if (thread_.joinable()) thread_.join();
}

void StoreWatch::run() {
  std::unique_lock lock(mu_);
  while (!wake_.wait_for(lock, interval_, [this] { return stopping_; })) {
    lock.unlock();
    const Result<void> answer = store_.ping();
    lock.lock();
    if (stopping_) return;
    if (answer.ok() == reachable_) continue;
    reachable_ = answer.ok();
    if (reachable_) {
      LogLine("store_reachable").info();
    } else {
      LogLine("store_unreachable")
          .text("error", errorCodeName(answer.error().code))
          .text("message", answer.error().message)
          .warn();
    }
    // Under the lock, so that stop() waits for it and answers cannot arrive out of order.
    if (changed_) changed_(reachable_);
  }
}

}  // namespace nextstep::server
