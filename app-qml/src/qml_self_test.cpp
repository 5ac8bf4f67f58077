#include "qml_self_test.h"

#include <QDir>
#include <QFile>
#include <QQmlComponent>
#include <QQmlEngine>

#include <cstdio>
#include <memory>

namespace {

// Values for the delegates' and cards' required properties (the model roles they take).
QVariantMap sampleProperties() {
  const QString text = QStringLiteral("Sample");
  QVariantMap out;
  for (const char* name : {"recordId", "kind", "title", "subtitle", "detail", "when", "badge",
                           "dealId", "secondaryId", "accountName", "stageLabel", "valueText",
                           "nextStepWhen", "nextStepGoal", "stage", "latestKind", "owner"}) {
    out.insert(QString::fromLatin1(name), text);
  }
  out.insert(QStringLiteral("tone"), QStringLiteral("neutral"));
  out.insert(QStringLiteral("flag"), false);
  out.insert(QStringLiteral("hasNextStep"), false);
  out.insert(QStringLiteral("complianceOnly"), false);
  out.insert(QStringLiteral("index"), 0);
  out.insert(QStringLiteral("amount"), 1.0);
  out.insert(QStringLiteral("person"), QVariantMap{{"id", text}, {"name", text}, {"title", text}});
  return out;
}

}  // namespace

int loadEveryQmlFile(QQmlEngine& engine) {
  const QDir module(QStringLiteral(":/NextStep"));
  const QVariantMap samples = sampleProperties();
  int failed = 0;
  int loaded = 0;
  for (const QString& file : module.entryList({QStringLiteral("*.qml")}, QDir::Files)) {
    // A singleton (Theme) is not created as a component; every other file loads it.
    QFile source(module.filePath(file));
    if (source.open(QIODevice::ReadOnly) && source.readAll().contains("pragma Singleton")) {
      ++loaded;
      continue;
    }
    QQmlComponent component(&engine, QUrl(QStringLiteral("qrc:/NextStep/") + file));
    std::unique_ptr<QObject> object(component.beginCreate(engine.rootContext()));
    if (object) {
      QVariantMap initial;
      for (auto it = samples.begin(); it != samples.end(); ++it) {
        if (object->metaObject()->indexOfProperty(it.key().toUtf8().constData()) >= 0) {
          initial.insert(it.key(), it.value());
        }
      }
      component.setInitialProperties(object.get(), initial);
      component.completeCreate();
    }
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
