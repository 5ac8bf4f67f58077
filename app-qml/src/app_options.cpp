#include "app_options.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QStandardPaths>

#include <cstdio>
#include <cstdlib>

AppOptions parseAppOptions(const QCoreApplication& app) {
  QCommandLineParser parser;
  parser.setApplicationDescription(
      QCoreApplication::translate("main",
                                  "NextStep: never leave a meeting without the next one "
                                  "booked."));
  parser.addHelpOption();
  const QCommandLineOption db(QStringLiteral("db"),
                              QCoreApplication::translate("main", "The database file."),
                              QStringLiteral("PATH"));
  const QCommandLineOption demo(
      QStringLiteral("demo"),
      QCoreApplication::translate("main", "Show a demo pipeline in a temporary database."));
  const QCommandLineOption shots(
      QStringLiteral("screenshots"),
      QCoreApplication::translate("main", "Save every screen as PNG files in DIR and quit."),
      QStringLiteral("DIR"));
  const QCommandLineOption only(
      QStringLiteral("only"),
      QCoreApplication::translate("main", "With --screenshots: only these screens (comma list)."),
      QStringLiteral("SCREENS"));
  const QCommandLineOption selfTest(
      QStringLiteral("self-test"),
      QCoreApplication::translate("main", "Load every QML file, then quit."));
  const QCommandLineOption size(
      QStringLiteral("size"),
      QCoreApplication::translate("main", "Start at phone or desktop size."),
      QStringLiteral("phone|desktop"));
  const QCommandLineOption dark(QStringLiteral("dark"),
                                QCoreApplication::translate("main", "Start in the dark theme."));
  parser.addOptions({db, demo, shots, only, selfTest, size, dark});
  parser.process(app);

  AppOptions out;
  out.db = parser.value(db);
  out.demo = parser.isSet(demo);
  out.screenshots = parser.value(shots);
  if (parser.isSet(only)) out.only = parser.value(only).split(QLatin1Char(','), Qt::SkipEmptyParts);
  out.self_test = parser.isSet(selfTest);
  out.size = parser.value(size);
  out.dark = parser.isSet(dark);
  if ((!out.screenshots.isEmpty() || out.self_test) && !out.demo) {
    std::fprintf(stderr, "nextstep-app: --screenshots and --self-test need --demo\n");
    std::exit(2);
  }
  if (!out.db.isEmpty() && out.demo) {
    std::fprintf(stderr, "nextstep-app: --demo uses its own temporary database; drop --db\n");
    std::exit(2);
  }
  if (!out.size.isEmpty() && out.size != QLatin1String("phone") &&
      out.size != QLatin1String("desktop")) {
    std::fprintf(stderr, "nextstep-app: --size takes phone or desktop\n");
    std::exit(2);
  }
  return out;
}

QString defaultDatabasePath() {
  const QString dir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
  QDir().mkpath(dir);
  return QDir(dir).filePath(QStringLiteral("nextstep.db"));
}
