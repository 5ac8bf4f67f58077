// The app benchmark's FrameClock (app-qml/bench): QQuickWindow::frameSwapped comes from the
// render thread under the threaded render loop, so its slot must not touch the frame list. Here a
// plain thread stands in for the render thread. Before the fix the slot pushed into the list on
// that thread (the benchmark's intermittent "double free or corruption").
#include <QQuickWindow>
#include <QTest>

#include <atomic>
#include <memory>
#include <thread>

#include "frame_clock.h"

namespace {

void swapOnAnotherThread(QQuickWindow& window) {
  std::thread render([&window]() { Q_EMIT window.frameSwapped(); });
  render.join();
}

}  // namespace

class FrameClockTests : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void theListIsWrittenOnTheGuiThreadOnly() {
    QQuickWindow window;
    FrameClock clock(window);
    clock.startFrame();
    swapOnAnotherThread(window);
    // The swap is seen, but the list only grows when the GUI thread asks.
    QCOMPARE(clock.frameMs().size(), std::size_t{0});
    QVERIFY(clock.frameDone());
    QCOMPARE(clock.frameMs().size(), std::size_t{1});
    QVERIFY(clock.frameMs().front() >= 0);
    // A swap nobody asked for is not a frame.
    swapOnAnotherThread(window);
    QVERIFY(clock.frameDone());
    QCOMPARE(clock.summary().count, 1);
  }

  void swapsRacingTheGuiThreadAndTheClocksEnd() {
    QQuickWindow window;
    std::atomic<bool> stop{false};
    std::thread render([&]() {
      while (!stop.load()) Q_EMIT window.frameSwapped();
    });
    int frames = 0;
    for (int round = 0; round < 10; ++round) {
      auto clock = std::make_unique<FrameClock>(window);
      for (int i = 0; i < 30; ++i) {
        clock->startFrame();
        while (!clock->frameDone()) {
        }
        (void)clock->summary();
      }
      frames += clock->summary().count;
      clock->startFrame();  // a frame still pending when the clock goes
      clock.reset();
    }
    stop.store(true);
    render.join();
    QCOMPARE(frames, 10 * 30);
  }
};

QTEST_MAIN(FrameClockTests)
#include "frame_clock_tests.moc"
