#include "app_fixture.h"

#include <QEventLoop>
#include <QPointer>
#include <QTest>
#include <QTimer>

#include "app_singletons.h"

AppFixture::AppFixture(Start start) : store_(std::make_unique<LocalStore>()) {
  clock_ = std::make_shared<demo::DemoClock>(store_->zone());
  store_->openDatabase(
      {dir_.filePath(QStringLiteral("app.db")).toStdString(), true, clock_->wall()});
  if (start == Start::kDemo) {
    fillDemo();
  } else {
    ok_ = true;
  }
  sync_ = std::make_unique<SyncController>(*store_);
  AppStoreSingleton::instance = store_.get();
  AppSyncSingleton::instance = sync_.get();
  waitIdle();
}

void AppFixture::fillDemo() {
  // The answer may come after the wait gave up (a loaded sanitizer machine): it then finds the
  // loop gone through the QPointer instead of a dangling reference.
  QEventLoop loop;
  QPointer<QEventLoop> waiting(&loop);
  store_->write(
      store_.get(),
      [clock = clock_, zone = store_->zone(),
       scratch = dir_.filePath(QStringLiteral("devices")).toStdString()](nextstep::Store& s) {
        return demo::fillDemoPipeline(s, *clock, zone, scratch);
      },
      [this, waiting](const nextstep::Result<demo::DemoIds>& ids) {
        ok_ = ids.ok();
        if (ids) ids_ = *ids;
        if (!ids) qWarning("demo pipeline: %s", ids.error().message.c_str());
        if (waiting) waiting->quit();
      });
  QTimer::singleShot(120'000, &loop, &QEventLoop::quit);
  loop.exec();
}

void AppFixture::setClock(nextstep::Instant t) {
  clock_->set(t);
  Q_EMIT store_->changed();
}

AppFixture::~AppFixture() {
  sync_.reset();
  store_.reset();
}

bool AppFixture::waitIdle(int timeout_ms) {
  // Twice: a job's answer may post the next job.
  for (int round = 0; round < 2; ++round) {
    QTest::qWait(20);
    if (!QTest::qWaitFor([this]() { return !store_->busy(); }, timeout_ms)) return false;
  }
  return true;
}
