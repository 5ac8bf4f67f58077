#include "mailbox.h"

void Mailbox::post(std::function<void()> call) {
  bool wake = false;
  {
    const std::lock_guard lock(mutex_);
    calls_.push_back(std::move(call));
    wake = !drain_posted_;
    drain_posted_ = true;
  }
  // By name, so that Qt builds and runs the queued call inside its own (uninstrumented) code and
  // nothing of ours crosses threads outside the lock.
  if (wake) QMetaObject::invokeMethod(this, "drain", Qt::QueuedConnection);
}

void Mailbox::drain() {
  std::vector<std::function<void()>> calls;
  {
    const std::lock_guard lock(mutex_);
    calls.swap(calls_);
    drain_posted_ = false;
  }
  for (auto& call : calls) call();
}
