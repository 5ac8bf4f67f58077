#include "qml_warning_guard.h"

#include <QMutex>
#include <QMutexLocker>

#include <cstdio>

namespace {

QMutex mutex;
QStringList seen;
QtMessageHandler previous = nullptr;

void handle(QtMsgType type, const QMessageLogContext& context, const QString& message) {
  if (type == QtWarningMsg || type == QtCriticalMsg || type == QtFatalMsg) {
    QMutexLocker lock(&mutex);
    seen << message;
  }
  if (previous) {
    previous(type, context, message);
  } else {
    std::fprintf(stderr, "%s\n", qPrintable(message));
  }
}

}  // namespace

QmlWarningGuard::QmlWarningGuard() { previous = qInstallMessageHandler(handle); }

QmlWarningGuard::~QmlWarningGuard() { qInstallMessageHandler(previous); }

int QmlWarningGuard::warnings() {
  QMutexLocker lock(&mutex);
  return static_cast<int>(seen.size());
}

QStringList QmlWarningGuard::messages() {
  QMutexLocker lock(&mutex);
  return seen;
}
