#include "new_deal_controller.h"

#include <QLocale>

#include <cmath>

#include "display_text.h"
#include "nextstep/pipeline.h"
#include "nextstep/team_settings.h"

namespace {

struct FormRead {
  nextstep::Result<nextstep::TeamSettings> settings;
  nextstep::Result<std::vector<nextstep::Account>> accounts;
};

}  // namespace

NewDealController::NewDealController(QObject* parent) : StoreController(parent) {}

void NewDealController::reload(LocalStore& store) {
  store.read(
      this,
      [](nextstep::Store& s) {
        return FormRead{nextstep::teamSettings(s), nextstep::listAccounts(s, 500)};
      },
      [this](const FormRead& r) {
        loadDone();
        if (!r.settings || !r.accounts) {
          showError(!r.settings ? r.settings.error() : r.accounts.error());
          return;
        }
        stages_.clear();
        stage_keys_.clear();
        for (const std::string& st : r.settings->stages) {
          stage_keys_ << display::qs(st);
          stages_ << display::stage(st);
        }
        accounts_.clear();
        for (const auto& a : *r.accounts) accounts_ << display::qs(a.name);
        stage_index_ = std::clamp(stage_index_, 0, std::max(0, int(stages_.size()) - 1));
        Q_EMIT stagesChanged();
        Q_EMIT formChanged();
      });
}

void NewDealController::setTitle(const QString& v) {
  if (title_ == v) return;
  title_ = v;
  Q_EMIT formChanged();
}

void NewDealController::setAccount(const QString& v) {
  if (account_ == v) return;
  account_ = v;
  Q_EMIT formChanged();
}

void NewDealController::setValue(const QString& v) {
  if (value_ == v) return;
  value_ = v;
  Q_EMIT formChanged();
}

void NewDealController::setCurrency(const QString& v) {
  const QString upper = v.trimmed().toUpper();
  if (currency_ == upper) return;
  currency_ = upper;
  Q_EMIT formChanged();
}

void NewDealController::setStageIndex(int i) {
  if (stage_index_ == i) return;
  stage_index_ = i;
  Q_EMIT formChanged();
}

std::optional<std::int64_t> NewDealController::valueMinor() const {
  const QString text = value_.trimmed();
  if (text.isEmpty()) return 0;
  bool ok = false;
  double units = QLocale().toDouble(text, &ok);
  if (!ok) units = QLocale::c().toDouble(text, &ok);
  if (!ok || units < 0 || units > 1e15) return std::nullopt;
  return std::llround(units * 100);
}

QString NewDealController::whyNot() const {
  if (saving_ || !loaded()) return {};
  if (title_.trimmed().isEmpty()) return tr("Give the deal a title");
  if (!valueMinor()) return tr("The value is an amount, like 12000.50");
  if (currency_.size() != 3) return tr("The currency is a three-letter code, like EUR");
  return {};
}

void NewDealController::clear() {
  title_.clear();
  account_.clear();
  value_.clear();
  stage_index_ = 0;
  clearError();
  Q_EMIT formChanged();
}

void NewDealController::create() {
  LocalStore* local = store();
  if (local == nullptr || saving_ || !whyNot().isEmpty() || !loaded()) return;
  nextstep::NewDeal d;
  d.title = title_.trimmed().toStdString();
  if (!account_.trimmed().isEmpty()) d.account = account_.trimmed().toStdString();
  d.value_minor = *valueMinor();
  d.currency = currency_.toStdString();
  if (stage_index_ >= 0 && stage_index_ < stage_keys_.size())
    d.stage = stage_keys_[stage_index_].toStdString();
  saving_ = true;
  Q_EMIT savingChanged();
  Q_EMIT formChanged();
  local->write(
      this, [d](nextstep::Store& s) { return nextstep::addDeal(s, d); },
      [this](const nextstep::Result<std::string>& id) {
        saving_ = false;
        Q_EMIT savingChanged();
        Q_EMIT formChanged();
        if (!id) {
          showError(id.error());
          return;
        }
        clearError();
        Q_EMIT created(display::qs(*id));
      });
}
