// Frame times of a QQuickWindow: from the moment a frame is asked for (a scroll step) to the end
// of its swap, which covers the GUI thread's work (polish: delegates made or reused, bindings),
// the scene graph's sync and the render.
//
// Threads: with the threaded render loop (xcb with Mesa's OpenGL, the benchmark's setup)
// QQuickWindow::frameSwapped is emitted on the scene graph's render thread. The slot there only
// stores the swap time into atomics of a state it shares (the connection keeps it alive, so a
// swap that lands while the clock is destroyed touches nothing freed); the frame list is written
// on the GUI thread only, in frameDone(). It used to push_back into frames_ on the render thread,
// unsynchronised with the GUI thread reading and destroying the same vector.
#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QQuickWindow>

#include <atomic>
#include <memory>
#include <vector>

class FrameClock : public QObject {
  Q_OBJECT

 public:
  explicit FrameClock(QQuickWindow& window);
  ~FrameClock() override;
  void startFrame();  // call when changing what the window shows (GUI thread)
  // True once the frame asked for was swapped; records its time (GUI thread).
  bool frameDone();
  const std::vector<double>& frameMs() const { return frames_; }

  struct Summary {
    double p50 = 0, p99 = 0, max = 0;
    int over16 = 0;
    int count = 0;
  };
  Summary summary() const;

 private:
  // Written by the render thread's slot, read by the GUI thread.
  struct Swaps {
    QElapsedTimer epoch;  // started once, only read afterwards
    std::atomic<bool> pending{false};
    std::atomic<qint64> swapped_ns{0};
  };

  QQuickWindow& window_;
  std::shared_ptr<Swaps> swaps_;
  QMetaObject::Connection connection_;
  qint64 started_ns_ = 0;
  bool recorded_ = true;
  std::vector<double> frames_;  // GUI thread only
};
