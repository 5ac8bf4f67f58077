#include "qml_self_test.h"

#include <QDir>
#include <QQmlComponent>
#include <QQmlEngine>

#include <cstdio>
#include <memory>

int loadEveryQmlFile(QQmlEngine& engine) {
  const QDir module(QStringLiteral(":/NextStep"));
  int failed = 0;
  int loaded = 0;
  for (const QString& file : module.entryList({QStringLiteral("*.qml")}, QDir::Files)) {
    QQmlComponent component(&engine, QUrl(QStringLiteral("qrc:/NextStep/") + file));
    std::unique_ptr<QObject> object(component.create());
    if (component.isError() || !object) {
      ++failed;
      std::fprintf(stderr, "self-test: %s: %s\n", qPrintable(file),
                   qPrintable(component.errorString()));
      continue;
    }
    ++loaded;
  }
  std::fprintf(stderr, "self-test: %d QML files loaded, %d failed\n", loaded, failed);
  return failed;
}
