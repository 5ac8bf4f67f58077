#include "main_window_load.h"

#include <QDir>
#include <QGuiApplication>
#include <QOpenGLContext>
#include <QQmlComponent>
#include <QQuickWindow>
#include <QSGRendererInterface>
#include <QUrl>

#include <thread>

namespace {

const QUrl kMainQml(QStringLiteral("qrc:/NextStep/Main.qml"));

bool rendersWithDesktopOpenGl() {
  const QSGRendererInterface::GraphicsApi api = QQuickWindow::graphicsApi();
  if (api != QSGRendererInterface::OpenGL && api != QSGRendererInterface::Unknown) return false;
  const QString platform = QGuiApplication::platformName();
  return platform == QLatin1String("xcb") || platform == QLatin1String("wayland");
}

// Joins on leaving the scope: the window's own context is made after it, with the driver loaded.
class DriverLoad {
 public:
  DriverLoad() {
    if (!rendersWithDesktopOpenGl()) return;
    thread_ = std::thread([] {
      QOpenGLContext context;
      context.create();
    });
  }
  ~DriverLoad() {
    if (thread_.joinable()) thread_.join();
  }
  DriverLoad(const DriverLoad&) = delete;
  DriverLoad& operator=(const DriverLoad&) = delete;

 private:
  std::thread thread_;
};

}  // namespace

void skipThreadingProbeWithoutGpu() {
  if (qEnvironmentVariableIsSet("QT_OPENGL_NO_SANITY_CHECK")) return;
  const QStringList render_nodes =
      QDir(QStringLiteral("/dev/dri")).entryList({QStringLiteral("renderD*")}, QDir::System);
  if (render_nodes.isEmpty()) qputenv("QT_OPENGL_NO_SANITY_CHECK", "1");
}

bool loadMainWindow(QQmlApplicationEngine& engine, const QVariantMap& properties) {
  // Compiled here, the types stay in the engine's cache for load() below.
  const QQmlComponent types(&engine, kMainQml);
  const DriverLoad driver;
  engine.setInitialProperties(properties);
  engine.load(kMainQml);
  return !engine.rootObjects().isEmpty();
}
