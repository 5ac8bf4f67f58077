// The app's desktop reminders (DesktopReminders) on a private session bus with the stand-in
// notification server the CLI tests use (tests/data/fake_notification_service.h), on the demo
// pipeline at 10:20 with a meeting in its last ten minutes: what a rep notices on the desktop.
//
// libdbus reads the session bus address once per process, so each test function needs a process
// of its own: ctest runs them one by one (tests/app/CMakeLists.txt).
#include <QSignalSpy>
#include <QTest>

#include <optional>
#include <string>
#include <vector>

#include "app_fixture.h"
#include "desktop_reminders.h"
#include "fake_notification_service.h"
#include "nextstep/follow_up/reminders.h"
#include "nextstep/meetings/actions.h"

using nextstep::testing::FakeNotificationService;
using nextstep::testing::ShownNotification;

namespace {

constexpr int kWaitMs = 20'000;
// Long enough that only the checks a test asks for run.
constexpr int kNoTimerCheckMs = 3'600'000;

// Runs `job` on the store's thread and waits for its result.
template <typename Job>
auto onStoreThread(LocalStore& store, Job job) {
  using Out = decltype(job(std::declval<nextstep::Store&>()));
  std::optional<Out> out;
  QObject receiver;
  store.write(&receiver, std::move(job), [&out](const Out& r) { out = r; });
  if (!QTest::qWaitFor([&out] { return out.has_value(); }, kWaitMs)) {
    qWarning("the store did not answer within %d ms", kWaitMs);
  }
  return out;
}

// The reminders due now that this device has not shown yet.
std::vector<nextstep::Reminder> undelivered(LocalStore& store) {
  auto due = onStoreThread(store, [zone = store.zone()](nextstep::Store& s) {
    nextstep::ReminderQuery query;
    query.now = s.now();
    query.zone = zone;
    return nextstep::undeliveredReminders(s, query);
  });
  return due && due->ok() ? **due : std::vector<nextstep::Reminder>{};
}

// The session bus for this process; false when an earlier test function already chose another.
bool useSessionBus(const std::string& address) {
  static std::string first;
  if (first.empty()) first = address;
  qputenv("DBUS_SESSION_BUS_ADDRESS", QByteArray::fromStdString(address));
  return first == address;
}

const char* kOneBusPerProcess =
    "libdbus keeps the first session bus of a process: run one test function at a time (ctest "
    "does)";

}  // namespace

class RemindersTests : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  // The meeting about to end and the customer's date reached show up as notifications with the
  // reminder's words; the call to close stays until dismissed. A second check shows nothing new.
  void dueRemindersAreShownOnce() {
    FakeNotificationService desktop;
    QVERIFY2(desktop.ok(), desktop.error().c_str());
    if (!useSessionBus(desktop.address())) QSKIP(kOneBusPerProcess);
    AppFixture app;
    QVERIFY(app.ok());
    // The customer promised the signed order by today.
    auto added = onStoreThread(app.store(), [deal = app.ids().deal_to_book,
                                             zone = app.store().zone()](nextstep::Store& s) {
      return nextstep::addAction(s, {.deal = deal,
                                     .owner = nextstep::ActionOwner::kCustomer,
                                     .text = "Send the signed order form",
                                     .due = zone.toLocal(s.now()).date});
    });
    QVERIFY(added && added->ok());
    const std::vector<nextstep::Reminder> due = undelivered(app.store());
    QVERIFY(!due.empty());

    DesktopReminders reminders(app.store());
    QSignalSpy checked(&reminders, &DesktopReminders::checked);
    reminders.start(kNoTimerCheckMs);
    QVERIFY(checked.count() == 1 || checked.wait(kWaitMs));
    QCOMPARE(checked.at(0).at(1).toString(), QString());
    QCOMPARE(checked.at(0).at(0).toInt(), static_cast<int>(due.size()));

    const std::vector<ShownNotification> shown = desktop.shown();
    QCOMPARE(shown.size(), due.size());
    bool closeTheCall = false;
    bool customerDate = false;
    for (std::size_t i = 0; i < shown.size(); ++i) {
      QCOMPARE(shown[i].app, std::string("NextStep"));
      QCOMPARE(shown[i].summary, due[i].title);
      QCOMPARE(shown[i].body, due[i].body);
      const bool urgent = due[i].kind == nextstep::ReminderKind::kMeetingEnding;
      QCOMPARE(shown[i].urgency, urgent ? 2 : 1);
      if (due[i].meeting_id == app.ids().meeting_in_progress && urgent) {
        closeTheCall = true;
        QCOMPARE(shown[i].summary, std::string("Ten minutes left: close the call"));
        QVERIFY(shown[i].body.find("book the next step") != std::string::npos);
      }
      if (due[i].kind == nextstep::ReminderKind::kCustomerDate &&
          shown[i].summary == "Their date: Send the signed order form") {
        customerDate = true;
        QVERIFY(shown[i].body.find("Ask whether it is done") != std::string::npos);
      }
    }
    QVERIFY2(closeTheCall, "the meeting in its last ten minutes was not shown");
    QVERIFY2(customerDate, "the customer's date reached was not shown");

    reminders.start(kNoTimerCheckMs);
    QVERIFY(checked.count() == 2 || checked.wait(kWaitMs));
    QCOMPARE(checked.at(1).at(0).toInt(), 0);
    QCOMPARE(checked.at(1).at(1).toString(), QString());
    QCOMPARE(desktop.shown().size(), shown.size());
    QVERIFY(undelivered(app.store()).empty());
  }

  // A desktop session without a notification server: said so, nothing lost; the reminders stay
  // due for a later check or another device.
  void aBusWithoutNotificationServiceIsReported() {
    FakeNotificationService bus(/*claim_name=*/false);
    QVERIFY2(bus.ok(), bus.error().c_str());
    if (!useSessionBus(bus.address())) QSKIP(kOneBusPerProcess);
    AppFixture app;
    QVERIFY(app.ok());
    const std::size_t due = undelivered(app.store()).size();
    QVERIFY(due > 0);

    DesktopReminders reminders(app.store());
    QSignalSpy checked(&reminders, &DesktopReminders::checked);
    reminders.start(kNoTimerCheckMs);
    QVERIFY(checked.count() == 1 || checked.wait(kWaitMs));
    QCOMPARE(checked.at(0).at(0).toInt(), 0);
    const QString problem = checked.at(0).at(1).toString();
    QVERIFY2(problem.contains(QStringLiteral("no desktop notification service")),
             qPrintable(problem));
    QVERIFY(bus.shown().empty());
    QCOMPARE(undelivered(app.store()).size(), due);
  }

  // No session bus at all (a service shell, a bus gone): said so, no crash.
  void noSessionBusIsReported() {
    if (!useSessionBus("unix:path=/nonexistent/nextstep-test-bus")) QSKIP(kOneBusPerProcess);
    AppFixture app;
    QVERIFY(app.ok());
    DesktopReminders reminders(app.store());
    QSignalSpy checked(&reminders, &DesktopReminders::checked);
    reminders.start(kNoTimerCheckMs);
    QVERIFY(checked.count() == 1 || checked.wait(kWaitMs));
    QCOMPARE(checked.at(0).at(0).toInt(), 0);
    const QString problem = checked.at(0).at(1).toString();
    QVERIFY2(problem.contains(QStringLiteral("no session bus")), qPrintable(problem));
  }
};

QTEST_GUILESS_MAIN(RemindersTests)
#include "reminders_tests.moc"
