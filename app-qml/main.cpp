// nextstep-app: creates the objects of one run and wires them; everything else lives in the
// nextstep_app library (adapters/, src/) and the NextStep QML module. See docs/app.md.
#include <QtQml/qqmlextensionplugin.h>
#include <QGuiApplication>
#include <QQmlApplicationEngine>
#include <QQuickStyle>
#include <QQuickWindow>
#include <QTemporaryDir>

#include <optional>

#include "app_options.h"
#include "app_singletons.h"
#include "demo_run.h"
#include "local_store.h"
#include "main_window_load.h"
#ifdef NEXTSTEP_DESKTOP_REMINDERS
#include "desktop_reminders.h"
#endif
#include "qml_warning_guard.h"
#include "sync_controller.h"

Q_IMPORT_QML_PLUGIN(NextStepPlugin)

int main(int argc, char** argv) {
  skipThreadingProbeWithoutGpu();
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
  auto showWindow = [&](const QVariantMap& extra) {
    QVariantMap properties = extra;
    properties.insert(QStringLiteral("startSize"), options.size);
    properties.insert(QStringLiteral("dark"), options.dark);
    return loadMainWindow(engine, properties);
  };

  if (options.demo) {
    DemoRun demo(store, engine, options, scratch->path(), showWindow);
    demo.start();
    return QGuiApplication::exec();
  }

  const QString path = options.db.isEmpty() ? defaultDatabasePath() : options.db;
  store.openDatabase({path.toStdString(), true, nextstep::HybridClock::systemWallClock()});
  if (!showWindow({})) return 1;
#ifdef NEXTSTEP_DESKTOP_REMINDERS
  DesktopReminders reminders(store);
  QObject::connect(&store, &LocalStore::openChanged, &reminders,
                   [&reminders] { reminders.start(); });
#endif
  return QGuiApplication::exec();
}
