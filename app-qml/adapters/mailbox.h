// Calls handed to the thread a QObject lives on, in the order they were posted, from any thread.
// Qt's queued calls would do the same, but they hand over under Qt's own futex-based locks, which
// ThreadSanitizer cannot see: every handoff of ours then looks like a race. This queue is guarded
// by a std::mutex that TSan understands, so the app's TSan run checks the handoffs instead.
#pragma once

#include <QObject>

#include <functional>
#include <mutex>
#include <vector>

class Mailbox : public QObject {
  Q_OBJECT

 public:
  using QObject::QObject;

  // Thread-safe. `call` runs on this object's thread; calls left when it is destroyed are dropped.
  void post(std::function<void()> call);

 private:
  Q_INVOKABLE void drain();

  std::mutex mutex_;
  std::vector<std::function<void()>> calls_;
  bool drain_posted_ = false;
};
