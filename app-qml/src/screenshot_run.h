// Renders every screen of the app at phone (390x844) and desktop (1280x800) size, in light and
// dark, into DIR/<screen>-<phone|desktop>-<light|dark>.png. The window's root item offers
// showScreen(name) and a `dark` property; each grab waits until the store is idle and a frame has
// been swapped. Finishes with 0, or 1 on any Qt/QML warning or an empty image.
#pragma once

#include <QDir>
#include <QObject>
#include <QPointer>
#include <QQuickWindow>
#include <QSize>
#include <QStringList>
#include <QTimer>

#include <vector>

class LocalStore;

class ScreenshotRun : public QObject {
  Q_OBJECT

 public:
  // The window and the store outlive the run.
  ScreenshotRun(QQuickWindow& window, LocalStore& store, const QString& dir,
                const QStringList& only, QObject* parent = nullptr);

  static QStringList allScreens();
  void start();

 Q_SIGNALS:
  void finished(int exitCode);

 private:
  struct Shot {
    QString screen;
    QString size;  // phone | desktop
    bool dark = false;
  };
  void next();
  void settle();
  void grab();
  void fail(const QString& why);

  QQuickWindow& window_;
  LocalStore& store_;
  QDir dir_;
  std::vector<Shot> shots_;
  std::size_t index_ = 0;
  QTimer poll_;
  int idle_ticks_ = 0;
  int waited_ticks_ = 0;
  int failures_ = 0;
};
