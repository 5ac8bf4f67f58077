#include "import_controller.h"

#include <QUrl>

#include "display_text.h"

namespace {

using nextstep::data::ImportKind;

constexpr int kProblemsShown = 50;

QString kindText(ImportKind kind, int n) {
  switch (kind) {
    case ImportKind::kDeals:
      return n == 1 ? QObject::tr("deal") : QObject::tr("deals");
    case ImportKind::kAccounts:
      return n == 1 ? QObject::tr("account") : QObject::tr("accounts");
    case ImportKind::kContacts:
      return n == 1 ? QObject::tr("contact") : QObject::tr("contacts");
    case ImportKind::kActivities:
      return n == 1 ? QObject::tr("activity") : QObject::tr("activities");
  }
  return {};
}

}  // namespace

ImportController::ImportController(QObject* parent) : StoreController(parent) {}

void ImportController::reload(LocalStore&) { loadDone(); }

void ImportController::setFile(const QString& file) {
  if (file_ == file) return;
  file_ = file;
  report_.reset();  // a report speaks of one file
  Q_EMIT formChanged();
  Q_EMIT reportChanged();
}

void ImportController::setSource(const QString& source) {
  if (source_ == source || !nextstep::data::parseCrmSource(source.toStdString())) return;
  source_ = source;
  report_.reset();
  Q_EMIT formChanged();
  Q_EMIT reportChanged();
}

QString ImportController::localPath() const {
  const QString trimmed = file_.trimmed();
  if (trimmed.startsWith(QLatin1String("file:"))) return QUrl(trimmed).toLocalFile();
  return trimmed;
}

QString ImportController::whyNot() const {
  if (store() == nullptr) return tr("The database is not open");
  if (busy_) return tr("Reading the file…");
  if (localPath().isEmpty()) return tr("Choose the CSV file your CRM exported");
  return {};
}

QString ImportController::summary() const {
  if (!report_) return {};
  const auto& r = *report_;
  QString text = r.dry_run ? tr("%1 rows of %2 in the file: %3 to add, %4 to skip.")
                                 .arg(r.rows)
                                 .arg(kindText(r.kind, r.rows))
                                 .arg(r.added)
                                 .arg(r.skipped)
                           : tr("Imported %1 %2; %3 rows skipped.")
                                 .arg(r.added)
                                 .arg(kindText(r.kind, r.added))
                                 .arg(r.skipped);
  if (r.accounts_created > 0) {
    const int n = r.accounts_created;
    text += QLatin1Char(' ') +
            (r.dry_run ? (n == 1 ? tr("1 new account will be made.")
                                 : tr("%1 new accounts will be made.").arg(n))
                       : (n == 1 ? tr("1 new account made.") : tr("%1 new accounts made.").arg(n)));
  }
  if (r.converted_from_windows_1252) {
    text += QLatin1Char(' ') + tr("The file was not UTF-8 and was read as Windows-1252.");
  }
  if (!r.unused_columns.empty()) {
    QStringList names;
    for (const auto& c : r.unused_columns) names << display::qs(c);
    text += QLatin1Char(' ') + tr("Not read: %1.").arg(names.join(QStringLiteral(", ")));
  }
  return text;
}

QStringList ImportController::problems() const {
  QStringList out;
  if (!report_) return out;
  for (const auto& row : report_->details) {
    if (out.size() == kProblemsShown) {
      out << tr("… and more: the CLI's `import csv --dry-run` lists every row.");
      break;
    }
    QStringList what;
    if (!row.added) what << display::qs(row.reason);
    for (const auto& note : row.notes) what << display::qs(note);
    out << tr("Row %1: %2").arg(row.row).arg(what.join(QStringLiteral("; ")));
  }
  return out;
}

void ImportController::check() { start(true); }

void ImportController::run() { start(false); }

void ImportController::clear() {
  file_.clear();
  report_.reset();
  clearError();
  Q_EMIT formChanged();
  Q_EMIT reportChanged();
}

void ImportController::start(bool dry_run) {
  LocalStore* local = store();
  if (local == nullptr || !whyNot().isEmpty()) return;
  nextstep::data::ImportOptions options;
  options.from = *nextstep::data::parseCrmSource(source_.toStdString());
  options.dry_run = dry_run;
  options.zone = local->zone();
  busy_ = true;
  clearError();
  Q_EMIT busyChanged();
  Q_EMIT formChanged();
  auto job = [path = localPath().toStdString(), options](nextstep::Store& s) {
    return nextstep::data::importCsvFile(s, path, options);
  };
  auto finished = [this](const nextstep::Result<nextstep::data::ImportReport>& r) {
    busy_ = false;
    Q_EMIT busyChanged();
    Q_EMIT formChanged();
    if (!r) {
      report_.reset();
      showError(r.error());
      Q_EMIT reportChanged();
      return;
    }
    report_ = *r;
    Q_EMIT reportChanged();
    if (!r->dry_run) Q_EMIT done(r->added);
  };
  // A dry run rolls back: it is a read as far as the screens are concerned.
  if (dry_run) {
    local->read(this, std::move(job), std::move(finished));
  } else {
    local->write(this, std::move(job), std::move(finished));
  }
}
