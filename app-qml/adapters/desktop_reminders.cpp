#include "desktop_reminders.h"

#include <string>
#include <vector>

#include "nextstep/follow_up/reminders.h"
#include "nextstep/platform/desktop_notifier.h"

namespace {

// One check: how many notifications it showed, and why it stopped short ("" when it did not).
struct CheckOutcome {
  int shown = 0;
  std::string problem;
};

}  // namespace

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
      [notifier = notifier_, zone = store_.zone()](nextstep::Store& s) {
        if (!*notifier) {
          // No session bus (a phone, a service shell): nothing is marked shown, so a later
          // check on a desktop still shows everything.
          auto connected = nextstep::platform::DesktopNotifier::connect();
          if (!connected) return CheckOutcome{0, connected.error().message};
          *notifier = std::move(*connected);
        }
        nextstep::ReminderQuery query;
        query.now = s.now();
        query.zone = zone;
        auto due = nextstep::undeliveredReminders(s, query);
        if (!due) return CheckOutcome{0, due.error().message};
        CheckOutcome outcome;
        std::vector<nextstep::Reminder> shown;
        for (const nextstep::Reminder& r : *due) {
          const nextstep::platform::DesktopNotification n{
              r.title, r.body, r.kind == nextstep::ReminderKind::kMeetingEnding, -1};
          if (auto id = (*notifier)->notify(n); !id) {
            // No notification service on the bus (not yet, or not any more): the rest stay
            // due, and the next check connects again.
            outcome.problem = id.error().message;
            notifier->reset();
            break;
          }
          shown.push_back(r);
        }
        outcome.shown = static_cast<int>(shown.size());
        if (!shown.empty()) {
          if (auto marked = nextstep::markDelivered(s, shown, query.now); !marked) {
            outcome.problem = marked.error().message;  // shown, and shown again next time
          }
        }
        return outcome;
      },
      [this](const CheckOutcome& outcome) {
        busy_ = false;
        const QString problem = QString::fromStdString(outcome.problem);
        // Said once when it starts or changes, not every minute.
        if (!problem.isEmpty() && problem != problem_) {
          qInfo("Reminders cannot be shown as desktop notifications: %s", qPrintable(problem));
        }
        problem_ = problem;
        Q_EMIT checked(outcome.shown, problem);
      });
}
