#include "graphics_driver_warmup.h"

#include <QGuiApplication>
#include <QOpenGLContext>
#include <QQuickWindow>
#include <QSGRendererInterface>

namespace {

bool rendersWithOpenGl() {
  const QSGRendererInterface::GraphicsApi api = QQuickWindow::graphicsApi();
  if (api != QSGRendererInterface::OpenGL && api != QSGRendererInterface::Unknown) return false;
  // The platforms whose windows render with the desktop's OpenGL driver.
  const QString platform = QGuiApplication::platformName();
  return platform == QLatin1String("xcb") || platform == QLatin1String("wayland");
}

}  // namespace

GraphicsDriverWarmup::GraphicsDriverWarmup() {
  // NEXTSTEP_DRIVER_WARMUP=0 turns it off, to measure what it saves (docs/benchmarks.md).
  if (!rendersWithOpenGl() || qEnvironmentVariable("NEXTSTEP_DRIVER_WARMUP") == u"0") return;
  thread_ = std::thread([] {
    QOpenGLContext context;
    context.create();
  });
}

GraphicsDriverWarmup::~GraphicsDriverWarmup() {
  if (thread_.joinable()) thread_.join();
}
