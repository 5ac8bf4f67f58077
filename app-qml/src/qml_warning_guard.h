// Counts every warning Qt and QML print (and passes them on to stderr), so the screenshot run,
// the self-test and the tests can fail on any of them.
#pragma once

#include <QString>
#include <QStringList>

class QmlWarningGuard {
 public:
  QmlWarningGuard();
  ~QmlWarningGuard();
  QmlWarningGuard(const QmlWarningGuard&) = delete;
  QmlWarningGuard& operator=(const QmlWarningGuard&) = delete;

  static int warnings();
  static QStringList messages();
};
