// For the app's tests: the app's store and sync objects on a demo pipeline in a temporary folder,
// with the demo's clock (10:20 today, a meeting in its last ten minutes), installed as the QML
// singletons AppStore and AppSync.
#pragma once

#include <QTemporaryDir>

#include <memory>

#include "demo_pipeline.h"
#include "local_store.h"
#include "sync_controller.h"

class AppFixture {
 public:
  // kDemo fills the store with the demo pipeline; kFresh leaves it empty, as a new install.
  enum class Start { kDemo, kFresh };
  // Opens (and fills) the store, waiting (in a local event loop) until it is ready.
  explicit AppFixture(Start start = Start::kDemo);
  ~AppFixture();

  LocalStore& store() { return *store_; }
  const demo::DemoIds& ids() const { return ids_; }
  bool ok() const { return ok_; }
  // A folder of the test's own, for the files the app writes (invitations).
  QString scratch() const { return dir_.filePath(QStringLiteral("out")); }
  // Waits until every job posted to the store has come back.
  bool waitIdle(int timeout_ms = 5000);
  // Moves the app's clock (it keeps running from there) and lets the screens reload.
  void setClock(nextstep::Instant t);

 private:
  void fillDemo();

  QTemporaryDir dir_;
  std::shared_ptr<demo::DemoClock> clock_;
  std::unique_ptr<LocalStore> store_;
  std::unique_ptr<SyncController> sync_;
  demo::DemoIds ids_;
  bool ok_ = false;
};
