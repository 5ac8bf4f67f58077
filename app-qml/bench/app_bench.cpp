// nextstep_app_bench: the app on the shared workload's 100k-deal pipeline (bench/'s loader makes
// and caches the database; this copies it so the cache stays pristine).
//   1. cold start: main() to the application object and style, to the QML loaded, to the window's
//      first frame, and to Today's figures shown;
//   2. scrolling the pipeline list (phone size, paged model) one step per frame, each frame timed.
// Run under a display (xvfb-run with QT_QPA_PLATFORM=xcb). Prints the figures; exit 0.
#include <QtQml/qqmlextensionplugin.h>
#include <QElapsedTimer>
#include <QGuiApplication>
#include <QQmlApplicationEngine>
#include <QQuickItem>
#include <QQuickStyle>
#include <QQuickWindow>
#include <QTimer>

#include <atomic>
#include <cstdio>
#include <exception>

#include "app_singletons.h"
#include "bench_options.h"
#include "bench_store.h"
#include "figures.h"
#include "frame_clock.h"
#include "local_store.h"
#include "main_window_load.h"
#include "pipeline_model.h"
#include "sync_controller.h"
#include "workload_files.h"
#include "workload_loader.h"

Q_IMPORT_QML_PLUGIN(NextStepPlugin)

namespace {

constexpr int kScrollFrames = 1500;
constexpr double kScrollStepPx = 24;  // per frame: 1,440 px/s at 60 frames a second

int run(int argc, char** argv) {
  QElapsedTimer since_main;
  since_main.start();
  std::atomic<qint64> first_swap_ns{-1};  // outlives the window, whose render thread writes it
  nextstep::bench::BenchOptions options = nextstep::bench::takeBenchOptions(argc, argv);
  // Preparing the database is not part of the start: load (once, cached) and copy it.
  const nextstep::bench::WorkloadFiles files(options.dir, options.deals);
  nextstep::bench::ensureLoadedPipeline(files);
  const auto db = files.scratchDatabase("app");
  nextstep::bench::copyDatabase(files.database(), db);
  std::fprintf(stderr, "app bench: %d deals, database %s\n", options.deals, db.c_str());

  since_main.restart();
  skipThreadingProbeWithoutGpu();  // as main.cpp does
  QGuiApplication app(argc, argv);
  QQuickStyle::setStyle(QStringLiteral("Material"));
  LocalStore store;
  SyncController sync(store);
  AppStoreSingleton::instance = &store;
  AppSyncSingleton::instance = &sync;
  const double app_ready_ms = static_cast<double>(since_main.nsecsElapsed()) / 1e6;
  store.openDatabase({db.string(), false, nextstep::HybridClock::systemWallClock()});
  QQmlApplicationEngine engine;
  if (!loadMainWindow(engine, {{QStringLiteral("startSize"), QStringLiteral("phone")}})) return 1;
  const double qml_loaded_ms = static_cast<double>(since_main.nsecsElapsed()) / 1e6;
  auto* window = qobject_cast<QQuickWindow*>(engine.rootObjects().first());
  if (window == nullptr) return 1;

  double today_ms = -1;
  // Taken on the render thread, at the swap itself: a queued slot would add the time the GUI
  // thread spends on the store's first answers before it gets to the event.
  QObject::connect(
      window, &QQuickWindow::frameSwapped, window,
      [&since_main, &first_swap_ns]() {
        qint64 none = -1;
        first_swap_ns.compare_exchange_strong(none, since_main.nsecsElapsed());
      },
      Qt::DirectConnection);
  // Today's figures are on screen once the store went idle after opening and a frame followed.
  QEventLoop wait;
  QTimer poll;
  poll.setInterval(2);
  QObject::connect(&poll, &QTimer::timeout, &app, [&]() {
    if (first_swap_ns.load() >= 0 && store.isOpen() && !store.busy()) wait.quit();
  });
  poll.start();
  QTimer::singleShot(60000, &wait, &QEventLoop::quit);
  wait.exec();
  poll.stop();
  today_ms = static_cast<double>(since_main.nsecsElapsed()) / 1e6;
  const double first_frame_ms = static_cast<double>(first_swap_ns.load()) / 1e6;

  // The pipeline, scrolled frame by frame.
  QMetaObject::invokeMethod(window, "showScreen", Q_ARG(QVariant, QStringLiteral("pipeline")));
  auto* list = window->findChild<QQuickItem*>(QStringLiteral("pipelineList"));
  auto* model = window->findChild<PipelineModel*>(QStringLiteral("pipelineModel"));
  if (list == nullptr || model == nullptr) {
    std::fprintf(stderr, "app bench: the pipeline list was not found\n");
    return 1;
  }
  QElapsedTimer first_page;
  first_page.start();
  while (model->count() == 0 && first_page.elapsed() < 30000) {
    QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
  }
  const double first_page_ms = static_cast<double>(first_page.nsecsElapsed()) / 1e6;
  for (int i = 0; i < 20; ++i) QCoreApplication::processEvents(QEventLoop::AllEvents, 5);

  // The floor: frames that change nothing (the render of this window on this machine's GL).
  FrameClock idle(*window);
  for (int frame = 0; frame < 200; ++frame) {
    idle.startFrame();
    QElapsedTimer guard;
    guard.start();
    while (!idle.frameDone() && guard.elapsed() < 2000) {
      QCoreApplication::processEvents(QEventLoop::AllEvents, 1);
    }
  }
  const auto floor = idle.summary();

  FrameClock clock(*window);
  for (int frame = 0; frame < kScrollFrames; ++frame) {
    list->setProperty("contentY", list->property("contentY").toDouble() + kScrollStepPx);
    clock.startFrame();
    QElapsedTimer guard;
    guard.start();
    while (!clock.frameDone() && guard.elapsed() < 2000) {
      QCoreApplication::processEvents(QEventLoop::AllEvents, 1);
    }
  }
  const auto s = clock.summary();

  std::printf("NextStep app on %d deals (%lld loaded in the list after scrolling)\n", options.deals,
              static_cast<long long>(model->count()));
  using nextstep::bench::figureName;
  const int d = options.deals;
  nextstep::bench::recordFigures(
      options, {{figureName("app_gui_ready_ms", d), app_ready_ms, "ms"},
                {figureName("app_qml_loaded_ms", d), qml_loaded_ms, "ms"},
                {figureName("app_first_frame_ms", d), first_frame_ms, "ms"},
                {figureName("app_today_ms", d), today_ms, "ms"},
                {figureName("app_pipeline_first_page_ms", d), first_page_ms, "ms"},
                {figureName("app_render_floor_p50_ms", d), floor.p50, "ms"},
                {figureName("app_scroll_frames", d), static_cast<double>(s.count), "frames"},
                {figureName("app_scroll_p50_ms", d), s.p50, "ms"},
                {figureName("app_scroll_p99_ms", d), s.p99, "ms"},
                {figureName("app_scroll_max_ms", d), s.max, "ms"},
                {figureName("app_scroll_over_16ms", d), static_cast<double>(s.over16), "frames"}});
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  try {
    return run(argc, argv);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "nextstep_app_bench: %s\n", e.what());
    return 1;
  }
}
