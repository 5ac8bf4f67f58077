// nextstep-app: creates the objects of one run and wires them; everything else lives in the
// nextstep_app library (adapters/, src/) and the NextStep QML module. See docs/app.md.
#include <QtQml/qqmlextensionplugin.h>
#include <QGuiApplication>
#include <QQmlApplicationEngine>
#include <QQuickStyle>
#include <QQuickWindow>
#include <QTemporaryDir>

#include <cstdio>
#include <memory>
#include <optional>

#include "app_options.h"
#include "app_singletons.h"
#include "demo_pipeline.h"
#include "local_store.h"
#include "qml_self_test.h"
#ifdef NEXTSTEP_DESKTOP_REMINDERS
#include "desktop_reminders.h"
#endif
#include "qml_warning_guard.h"
#include "screenshot_run.h"
#include "sync_controller.h"

Q_IMPORT_QML_PLUGIN(NextStepPlugin)

int main(int argc, char** argv) {
  QGuiApplication app(argc, argv);
  QGuiApplication::setOrganizationName(QStringLiteral("NextStep"));
  QGuiApplication::setApplicationName(QStringLiteral("nextstep-app"));
  QGuiApplication::setApplicationDisplayName(QStringLiteral("NextStep"));
  QGuiApplication::setDesktopFileName(QStringLiteral("app.nextstep.NextStep"));  // app-qml/desktop
  QQuickStyle::setStyle(QStringLiteral("Material"));
  const AppOptions options = parseAppOptions(app);
  QmlWarningGuard warnings;

  // The demo's temporary folder outlives the store that has its database open.
  std::optional<QTemporaryDir> scratch;
  if (options.demo) scratch.emplace();

  // The store on its thread, the sync client beside it; QML reaches both as singletons.
  LocalStore store;
  SyncController sync(store);
  AppStoreSingleton::instance = &store;
  AppSyncSingleton::instance = &sync;

  QQmlApplicationEngine engine;
  auto showWindow = [&](const demo::DemoIds* ids) {
    engine.setInitialProperties(
        {{QStringLiteral("startSize"), options.size}, {QStringLiteral("dark"), options.dark}});
    engine.load(QUrl(QStringLiteral("qrc:/NextStep/Main.qml")));
    if (engine.rootObjects().isEmpty()) return false;
    if (ids) {
      QObject* root = engine.rootObjects().first();
      root->setProperty("demoDealId", QString::fromStdString(ids->deal_with_conflict));
      root->setProperty("demoMeetingInProgress", QString::fromStdString(ids->meeting_in_progress));
      root->setProperty("demoUpcomingMeeting", QString::fromStdString(ids->upcoming_meeting));
      root->setProperty("demoEventId", QString::fromStdString(ids->event));
      root->setProperty("demoBookDealId", QString::fromStdString(ids->deal_to_book));
      root->setProperty("demoCrmExport", QString::fromStdString(ids->crm_export));
    }
    return true;
  };

  if (!options.demo) {
    const QString path = options.db.isEmpty() ? defaultDatabasePath() : options.db;
    store.openDatabase({path.toStdString(), true, nextstep::HybridClock::systemWallClock()});
    if (!showWindow(nullptr)) return 1;
#ifdef NEXTSTEP_DESKTOP_REMINDERS
    DesktopReminders reminders(store);
    QObject::connect(&store, &LocalStore::openChanged, &reminders,
                     [&reminders] { reminders.start(); });
#endif
    return QGuiApplication::exec();
  }

  // --demo: a temporary database with the demo pipeline, then the window (and the runs).
  const auto clock = std::make_shared<demo::DemoClock>(store.zone());
  store.openDatabase(
      {scratch->filePath(QStringLiteral("demo.db")).toStdString(), true, clock->wall()});
  std::unique_ptr<ScreenshotRun> shots;
  store.write(
      &app,
      [clock, zone = store.zone(),
       dir = scratch->filePath(QStringLiteral("devices"))](nextstep::Store& s) {
        return demo::fillDemoPipeline(s, *clock, zone, dir.toStdString());
      },
      [&](const nextstep::Result<demo::DemoIds>& ids) {
        if (!ids) {
          std::fprintf(stderr, "nextstep-app: demo: %s\n", ids.error().message.c_str());
          QCoreApplication::exit(1);
          return;
        }
        if (options.self_test) {
          const int failed = loadEveryQmlFile(engine);
          QCoreApplication::exit(failed > 0 || QmlWarningGuard::warnings() > 0 ? 1 : 0);
          return;
        }
        if (!showWindow(&*ids)) {
          QCoreApplication::exit(1);
          return;
        }
        if (options.screenshots.isEmpty()) return;
        auto* window = qobject_cast<QQuickWindow*>(engine.rootObjects().first());
        if (window == nullptr) {
          QCoreApplication::exit(1);
          return;
        }
        shots = std::make_unique<ScreenshotRun>(*window, store, options.screenshots, options.only);
        QObject::connect(shots.get(), &ScreenshotRun::finished, &app, &QCoreApplication::exit);
        shots->start();
      });
  if (!store.isOpen() && !store.openError().isEmpty()) return 1;
  return QGuiApplication::exec();
}
