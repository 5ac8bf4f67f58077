// A pipeline brought in from another CRM's CSV export, from the app as from the CLI: the file,
// the CRM it came from, a dry run that says row by row what would happen, then the import itself
// (one transaction through the core's write path, so it syncs to the team).
#pragma once

#include <QString>
#include <QStringList>

#include "nextstep/data/csv_import.h"
#include "store_controller.h"

class ImportController : public StoreController {
  Q_OBJECT
  QML_ELEMENT
  // A path, or the file:// URL a file dialog gives.
  Q_PROPERTY(QString file READ file WRITE setFile NOTIFY formChanged)
  // salesforce | hubspot | pipedrive | nextstep
  Q_PROPERTY(QString source READ source WRITE setSource NOTIFY formChanged)
  Q_PROPERTY(bool busy READ busy NOTIFY busyChanged)
  // The dry run's report is for the file and source now chosen.
  Q_PROPERTY(bool checked READ checked NOTIFY reportChanged)
  Q_PROPERTY(bool imported READ imported NOTIFY reportChanged)
  Q_PROPERTY(int toAdd READ toAdd NOTIFY reportChanged)
  // "12 deals in the file: 10 to add, 2 to skip; 3 new accounts."
  Q_PROPERTY(QString summary READ summary NOTIFY reportChanged)
  // "Row 7: no title", "Row 9: stage 'Demo' is not on the ladder; put on Lead"
  Q_PROPERTY(QStringList problems READ problems NOTIFY reportChanged)
  // Why Check or Import cannot run now, in words; empty when it can.
  Q_PROPERTY(QString whyNot READ whyNot NOTIFY formChanged)

 public:
  explicit ImportController(QObject* parent = nullptr);

  QString file() const { return file_; }
  void setFile(const QString& file);
  QString source() const { return source_; }
  void setSource(const QString& source);
  bool busy() const { return busy_; }
  bool checked() const { return report_.has_value() && report_->dry_run; }
  bool imported() const { return report_.has_value() && !report_->dry_run; }
  int toAdd() const { return report_ ? report_->added : 0; }
  QString summary() const;
  QStringList problems() const;
  QString whyNot() const;

  // A dry run: the report of what Import will do, and nothing written.
  Q_INVOKABLE void check();
  // Imports the file; `done` follows with the number of records added.
  Q_INVOKABLE void run();
  // Empties the form for another file.
  Q_INVOKABLE void clear();

 Q_SIGNALS:
  void formChanged();
  void busyChanged();
  void reportChanged();
  void done(int added);

 protected:
  void reload(LocalStore& store) override;

 private:
  void start(bool dry_run);
  QString localPath() const;

  QString file_, source_ = QStringLiteral("salesforce");
  bool busy_ = false;
  std::optional<nextstep::data::ImportReport> report_;
};
