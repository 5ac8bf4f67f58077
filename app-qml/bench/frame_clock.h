// Frame times of a QQuickWindow: from the moment a frame is asked for (a scroll step) to the end
// of its swap, which covers the GUI thread's work (polish: delegates made or reused, bindings),
// the scene graph's sync and the render.
#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QQuickWindow>

#include <vector>

class FrameClock : public QObject {
  Q_OBJECT

 public:
  explicit FrameClock(QQuickWindow& window);
  void startFrame();  // call when changing what the window shows
  bool frameDone() const { return !pending_; }
  const std::vector<double>& frameMs() const { return frames_; }

  struct Summary {
    double p50 = 0, p99 = 0, max = 0;
    int over16 = 0;
    int count = 0;
  };
  Summary summary() const;

 private:
  QQuickWindow& window_;
  QElapsedTimer timer_;
  bool pending_ = false;
  std::vector<double> frames_;
};
