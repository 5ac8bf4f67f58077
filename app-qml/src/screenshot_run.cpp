#include "screenshot_run.h"

#include <QImage>
#include <QVariant>

#include <cstdio>

#include "local_store.h"
#include "qml_warning_guard.h"

namespace {

constexpr QSize kPhone(390, 844);
constexpr QSize kDesktop(1280, 800);
constexpr int kTickMs = 50;
constexpr int kIdleTicks = 8;      // the store idle this long, animations done
constexpr int kGiveUpTicks = 400;  // 20 s: a screen that never settles

// An image with one colour everywhere shows nothing.
bool isBlank(const QImage& image) {
  if (image.isNull() || image.width() == 0 || image.height() == 0) return true;
  const QRgb first = image.pixel(0, 0);
  for (int y = 0; y < image.height(); y += 7) {
    for (int x = 0; x < image.width(); x += 7) {
      if (image.pixel(x, y) != first) return false;
    }
  }
  return true;
}

}  // namespace

ScreenshotRun::ScreenshotRun(QQuickWindow& window, LocalStore& store, const QString& dir,
                             const QStringList& only, QObject* parent)
    : QObject(parent), window_(window), store_(store), dir_(dir) {
  const QStringList screens = only.isEmpty() ? allScreens() : only;
  for (const QString& size : {QStringLiteral("phone"), QStringLiteral("desktop")}) {
    for (const bool dark : {false, true}) {
      for (const QString& screen : screens) shots_.push_back({screen, size, dark});
    }
  }
  poll_.setInterval(kTickMs);
  connect(&poll_, &QTimer::timeout, this, &ScreenshotRun::settle);
}

QStringList ScreenshotRun::allScreens() {
  return {QStringLiteral("today"),
          QStringLiteral("pipeline"),
          QStringLiteral("pipeline-filtered"),
          QStringLiteral("deal"),
          QStringLiteral("booking"),
          QStringLiteral("booked"),
          QStringLiteral("booking-date"),
          QStringLiteral("booking-zone"),
          QStringLiteral("booking-move"),
          QStringLiteral("new-deal"),
          QStringLiteral("deal-edit"),
          QStringLiteral("account-edit"),
          QStringLiteral("contact-edit"),
          QStringLiteral("deal-stage"),
          QStringLiteral("deal-cancel"),
          QStringLiteral("close-call"),
          QStringLiteral("close-call-end"),
          QStringLiteral("pre-call-plan"),
          QStringLiteral("event"),
          QStringLiteral("event-new"),
          QStringLiteral("event-participants"),
          QStringLiteral("health"),
          QStringLiteral("directory"),
          QStringLiteral("search"),
          QStringLiteral("settings"),
          QStringLiteral("settings-team"),
          QStringLiteral("import"),
          QStringLiteral("sign-in")};
}

void ScreenshotRun::start() {
  if (!dir_.mkpath(QStringLiteral("."))) {
    fail(QStringLiteral("cannot create %1").arg(dir_.absolutePath()));
    Q_EMIT finished(1);
    return;
  }
  next();
}

void ScreenshotRun::next() {
  if (index_ >= shots_.size()) {
    const int warnings = QmlWarningGuard::warnings();
    if (warnings > 0) {
      std::fprintf(stderr, "screenshots: %d Qt/QML warning(s), failing\n", warnings);
    }
    std::fprintf(stderr, "screenshots: %zu images in %s\n", shots_.size() - failures_,
                 qPrintable(dir_.absolutePath()));
    Q_EMIT finished(failures_ > 0 || warnings > 0 ? 1 : 0);
    return;
  }
  const Shot& shot = shots_[index_];
  QObject* root = &window_;
  const QSize size = shot.size == QLatin1String("phone") ? kPhone : kDesktop;
  if (window_.size() != size) {
    window_.setMinimumSize(size);
    window_.setMaximumSize(size);
    window_.resize(size);
  }
  root->setProperty("dark", shot.dark);
  QMetaObject::invokeMethod(root, "showScreen", Q_ARG(QVariant, QVariant(shot.screen)));
  idle_ticks_ = 0;
  waited_ticks_ = 0;
  poll_.start();
}

void ScreenshotRun::settle() {
  ++waited_ticks_;
  const bool busy = store_.busy();
  idle_ticks_ = busy ? 0 : idle_ticks_ + 1;
  if (idle_ticks_ < kIdleTicks && waited_ticks_ < kGiveUpTicks) return;
  poll_.stop();
  if (waited_ticks_ >= kGiveUpTicks) {
    fail(QStringLiteral("%1: the store never went idle").arg(shots_[index_].screen));
  }
  // One fresh frame, then the grab.
  connect(&window_, &QQuickWindow::frameSwapped, this, [this]() {
    disconnect(&window_, &QQuickWindow::frameSwapped, this, nullptr);
    QTimer::singleShot(30, this, &ScreenshotRun::grab);
  });
  window_.update();
}

void ScreenshotRun::grab() {
  const Shot& shot = shots_[index_];
  const QString name = QStringLiteral("%1-%2-%3.png")
                           .arg(shot.screen, shot.size,
                                shot.dark ? QStringLiteral("dark") : QStringLiteral("light"));
  const QImage image = window_.grabWindow();
  if (isBlank(image)) {
    fail(QStringLiteral("%1: empty image").arg(name));
  } else if (!image.save(dir_.filePath(name))) {
    fail(QStringLiteral("%1: cannot save").arg(name));
  }
  ++index_;
  next();
}

void ScreenshotRun::fail(const QString& why) {
  ++failures_;
  std::fprintf(stderr, "screenshots: %s\n", qPrintable(why));
}
