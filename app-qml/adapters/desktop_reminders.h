// While the app runs: the reminders due (follow-ups, the customer's dates, the ten minutes before
// a meeting ends, customers reaching the touch cadence) as desktop notifications, once per
// device, checked every minute on the store's thread. The reminders are the core's query over
// synced data, so whichever device the rep carries shows them.
#pragma once

#include <QObject>
#include <QTimer>

#include <memory>

#include "local_store.h"

namespace nextstep::platform {
class DesktopNotifier;
}

class DesktopReminders : public QObject {
  Q_OBJECT

 public:
  explicit DesktopReminders(LocalStore& store, QObject* parent = nullptr);
  ~DesktopReminders() override;

  // Checks now and then every `interval_ms`.
  void start(int interval_ms = 60'000);

 Q_SIGNALS:
  // After each check: how many were shown; `problem` says why not all due could be (no session
  // bus, no notification service on it), "" when fine.
  void checked(int shown, const QString& problem);

 private:
  void check();

  LocalStore& store_;
  QTimer timer_;
  bool busy_ = false;
  QString problem_;  // the last check's
  // Used only on the store's thread, by one check at a time.
  std::shared_ptr<std::unique_ptr<nextstep::platform::DesktopNotifier>> notifier_;
};
