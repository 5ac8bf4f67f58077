#include "frame_clock.h"

#include <algorithm>

FrameClock::FrameClock(QQuickWindow& window) : window_(window), swaps_(std::make_shared<Swaps>()) {
  swaps_->epoch.start();
  // On the render thread (threaded render loop): atomics only, in a state the slot co-owns.
  connection_ = connect(
      &window_, &QQuickWindow::frameSwapped, this,
      [swaps = swaps_]() {
        if (!swaps->pending.load(std::memory_order_acquire)) return;
        swaps->swapped_ns.store(swaps->epoch.nsecsElapsed(), std::memory_order_relaxed);
        swaps->pending.store(false, std::memory_order_release);
      },
      Qt::DirectConnection);
}

FrameClock::~FrameClock() { disconnect(connection_); }

void FrameClock::startFrame() {
  recorded_ = false;
  started_ns_ = swaps_->epoch.nsecsElapsed();
  swaps_->pending.store(true, std::memory_order_release);
  window_.update();
}

bool FrameClock::frameDone() {
  if (recorded_) return true;
  if (swaps_->pending.load(std::memory_order_acquire)) return false;
  frames_.push_back(
      static_cast<double>(swaps_->swapped_ns.load(std::memory_order_relaxed) - started_ns_) / 1e6);
  recorded_ = true;
  return true;
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
