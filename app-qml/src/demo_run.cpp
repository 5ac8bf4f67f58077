#include "demo_run.h"

#include <QCoreApplication>
#include <QDir>
#include <QQmlApplicationEngine>
#include <QQuickWindow>

#include <cstdio>

#include "demo_pipeline.h"
#include "local_store.h"
#include "qml_self_test.h"
#include "qml_warning_guard.h"
#include "screenshot_run.h"

namespace {

// The names Main.qml's showScreen() reads the demo's records by.
QVariantMap demoProperty(const demo::DemoIds& ids) {
  const auto s = [](const std::string& id) { return QString::fromStdString(id); };
  return {{QStringLiteral("dealWithConflict"), s(ids.deal_with_conflict)},
          {QStringLiteral("meetingInProgress"), s(ids.meeting_in_progress)},
          {QStringLiteral("upcomingMeeting"), s(ids.upcoming_meeting)},
          {QStringLiteral("event"), s(ids.event)},
          {QStringLiteral("dealToBook"), s(ids.deal_to_book)},
          {QStringLiteral("crmExport"), s(ids.crm_export)}};
}

}  // namespace

DemoRun::DemoRun(LocalStore& store, QQmlApplicationEngine& engine, AppOptions options,
                 QString folder, ShowWindow show_window, QObject* parent)
    : QObject(parent),
      store_(store),
      engine_(engine),
      options_(std::move(options)),
      folder_(std::move(folder)),
      show_window_(std::move(show_window)) {}

DemoRun::~DemoRun() = default;

void DemoRun::start() {
  // A store that did not open runs no job, so the fill below would never report back.
  connect(&store_, &LocalStore::failed, this, [](const QString& message) {
    std::fprintf(stderr, "nextstep-app: demo: %s\n", qPrintable(message));
    QCoreApplication::exit(1);
  });
  const auto clock = std::make_shared<demo::DemoClock>(store_.zone());
  store_.openDatabase(
      {QDir(folder_).filePath(QStringLiteral("demo.db")).toStdString(), true, clock->wall()});
  store_.write(
      this,
      [clock, zone = store_.zone(),
       dir = QDir(folder_).filePath(QStringLiteral("devices")).toStdString()](nextstep::Store& s) {
        return demo::fillDemoPipeline(s, *clock, zone, dir);
      },
      [this](const nextstep::Result<demo::DemoIds>& ids) {
        if (!ids) {
          std::fprintf(stderr, "nextstep-app: demo: %s\n", ids.error().message.c_str());
          QCoreApplication::exit(1);
          return;
        }
        filled(demoProperty(*ids));
      });
}

void DemoRun::filled(const QVariantMap& ids) {
  if (options_.self_test) {
    const int failed = loadEveryQmlFile(engine_);
    QCoreApplication::exit(failed > 0 || QmlWarningGuard::warnings() > 0 ? 1 : 0);
    return;
  }
  if (!show_window_({{QStringLiteral("demo"), ids}})) {
    QCoreApplication::exit(1);
    return;
  }
  if (options_.screenshots.isEmpty()) return;
  auto* window = qobject_cast<QQuickWindow*>(engine_.rootObjects().first());
  if (window == nullptr) {
    QCoreApplication::exit(1);
    return;
  }
  shots_ = std::make_unique<ScreenshotRun>(*window, store_, options_.screenshots, options_.only);
  connect(shots_.get(), &ScreenshotRun::finished, this, &QCoreApplication::exit);
  shots_->start();
}
