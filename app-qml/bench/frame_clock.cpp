#include "frame_clock.h"

#include <algorithm>

FrameClock::FrameClock(QQuickWindow& window) : window_(window) {
  connect(
      &window_, &QQuickWindow::frameSwapped, this,
      [this]() {
        if (!pending_) return;
        pending_ = false;
        frames_.push_back(static_cast<double>(timer_.nsecsElapsed()) / 1e6);
      },
      Qt::DirectConnection);
}

void FrameClock::startFrame() {
  pending_ = true;
  timer_.start();
  window_.update();
}

FrameClock::Summary FrameClock::summary() const {
  Summary s;
  if (frames_.empty()) return s;
  std::vector<double> sorted = frames_;
  std::sort(sorted.begin(), sorted.end());
  auto at = [&](double q) {
    return sorted[std::min(sorted.size() - 1, static_cast<std::size_t>(q * sorted.size()))];
  };
  s.p50 = at(0.5);
  s.p99 = at(0.99);
  s.max = sorted.back();
  s.over16 = static_cast<int>(
      std::count_if(sorted.begin(), sorted.end(), [](double ms) { return ms > 16.0; }));
  s.count = static_cast<int>(sorted.size());
  return s;
}
