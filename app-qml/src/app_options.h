// The command line of nextstep-app:
//   nextstep-app [--db PATH]                    the rep's database (default: the app data folder)
//   nextstep-app --demo [--screenshots DIR]     a demo pipeline in a temporary database; with DIR,
//                                               every screen at phone and desktop size, light and
//                                               dark, saved as DIR/<screen>-<size>-<theme>.png
//   nextstep-app --demo --self-test             loads every QML file and quits
#pragma once

#include <QString>
#include <QStringList>

class QCoreApplication;

struct AppOptions {
  QString db;
  bool demo = false;
  QString screenshots;  // a folder: render every screen there and quit
  QStringList only;     // with --screenshots: these screens only
  bool self_test = false;
  QString size;  // phone | desktop: the window's starting size
  bool dark = false;
};

// Exits the process with a message on a bad command line (as QCommandLineParser does).
AppOptions parseAppOptions(const QCoreApplication& app);

// The default database: <AppDataLocation>/nextstep.db (the folder is created).
QString defaultDatabasePath();
