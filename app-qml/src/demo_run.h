// nextstep-app --demo: the demo pipeline in a temporary database, then the window, the QML self
// test or the screenshot run. The window reaches the demo's records through its `demo` property.
#pragma once

#include <QObject>
#include <QString>
#include <QVariantMap>

#include <functional>
#include <memory>

#include "app_options.h"

class LocalStore;
class QQmlApplicationEngine;
class ScreenshotRun;

class DemoRun : public QObject {
  Q_OBJECT

 public:
  // Loads Main.qml with these initial properties added; false when it did not load.
  using ShowWindow = std::function<bool(const QVariantMap& extra)>;

  // The store and the engine outlive the run; `folder` (the demo's database, a second device's
  // store and the CRM export) outlives the store's use of it.
  DemoRun(LocalStore& store, QQmlApplicationEngine& engine, AppOptions options, QString folder,
          ShowWindow show_window, QObject* parent = nullptr);
  ~DemoRun() override;

  // Opens the demo database and fills it; the run ends by exiting the application when it is a
  // self test or a screenshot run, or when the database cannot be opened or filled (exit 1).
  void start();

 private:
  void filled(const QVariantMap& ids);

  LocalStore& store_;
  QQmlApplicationEngine& engine_;
  AppOptions options_;
  QString folder_;
  ShowWindow show_window_;
  std::unique_ptr<ScreenshotRun> shots_;
};
