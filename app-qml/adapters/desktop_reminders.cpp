#include "desktop_reminders.h"

#include "nextstep/platform/desktop_notifier.h"
#include "nextstep/reminders.h"

DesktopReminders::DesktopReminders(LocalStore& store, QObject* parent)
    : QObject(parent),
      store_(store),
      notifier_(std::make_shared<std::unique_ptr<nextstep::platform::DesktopNotifier>>()) {
  connect(&timer_, &QTimer::timeout, this, &DesktopReminders::check);
}

DesktopReminders::~DesktopReminders() = default;

void DesktopReminders::start(int interval_ms) {
  timer_.start(interval_ms);
  check();
}

void DesktopReminders::check() {
  if (busy_ || !store_.isOpen()) return;
  busy_ = true;
  // A read as far as the views care: only this device's "already shown" marks are written.
  store_.read(
      this,
      [notifier = notifier_, zone = store_.zone()](nextstep::Store& s) -> nextstep::Result<int> {
        if (!*notifier) {
          // No session bus (a phone, a service shell): nothing is marked shown, so a later
          // check on a desktop still shows everything.
          auto connected = nextstep::platform::DesktopNotifier::connect();
          if (!connected) return connected.error();
          *notifier = std::move(*connected);
        }
        nextstep::ReminderQuery query;
        query.now = s.now();
        query.zone = zone;
        auto due = nextstep::undeliveredReminders(s, query);
        if (!due) return due.error();
        std::vector<nextstep::Reminder> shown;
        for (const nextstep::Reminder& r : *due) {
          const nextstep::platform::DesktopNotification n{
              r.title, r.body, r.kind == nextstep::ReminderKind::kMeetingEnding, -1};
          if (!(*notifier)->notify(n)) {
            notifier->reset();  // the notification service went away: connect again next time
            break;
          }
          shown.push_back(r);
        }
        if (!shown.empty()) {
          if (auto marked = nextstep::markDelivered(s, shown, query.now); !marked) {
            return marked.error();
          }
        }
        return static_cast<int>(shown.size());
      },
      [this](const nextstep::Result<int>& shown) {
        busy_ = false;
        Q_EMIT checked(shown ? *shown : 0,
                       shown ? QString() : QString::fromStdString(shown.error().message));
      });
}
