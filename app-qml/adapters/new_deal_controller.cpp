#include "new_deal_controller.h"

#include "display_text.h"
#include "money_text.h"
#include "nextstep/pipeline/pipeline.h"
#include "nextstep/pipeline/team_settings.h"

namespace {

struct FormRead {
  nextstep::Result<nextstep::TeamSettings> settings;
  nextstep::Result<std::vector<nextstep::Account>> accounts;
  nextstep::Result<nextstep::Deal> deal = nextstep::Deal{};
};

}  // namespace

NewDealController::NewDealController(QObject* parent) : FormController(parent) {}

void NewDealController::setDealId(const QString& id) {
  if (deal_id_ == id) return;
  deal_id_ = id;
  Q_EMIT dealIdChanged();
  restart();
}

void NewDealController::reload(LocalStore& store) {
  store.read(
      this,
      [id = deal_id_.toStdString()](nextstep::Store& s) {
        FormRead r{nextstep::teamSettings(s), nextstep::listAccounts(s, 500)};
        if (!id.empty()) r.deal = nextstep::getDeal(s, id);
        return r;
      },
      [this](const FormRead& r) {
        loadDone();
        if (!r.settings || !r.accounts || !r.deal) {
          showError(!r.settings   ? r.settings.error()
                    : !r.accounts ? r.accounts.error()
                                  : r.deal.error());
          return;
        }
        if (!deal_id_.isEmpty()) {
          stored_ = {display::qs(r.deal->title), display::qs(r.deal->account_name),
                     display::qs(r.deal->value.currency), r.deal->value.minor};
          // Opened afresh, the form shows the deal as stored; later reloads keep what is typed.
          if (takeStartOver()) {
            title_ = stored_.title;
            account_ = stored_.account;
            value_ = money_text::typedOf(stored_.value_minor);
            currency_ = stored_.currency;
            clearError();
          }
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
  return money_text::minorOf(value_);
}

bool NewDealController::changed() const {
  return title_.trimmed() != stored_.title || account_.trimmed() != stored_.account ||
         valueMinor() != stored_.value_minor || currency_ != stored_.currency;
}

QString NewDealController::whyNot() const {
  if (saving() || !loaded()) return {};
  if (title_.trimmed().isEmpty()) return tr("Give the deal a title");
  if (!valueMinor()) return tr("The value is an amount to the cent, like 12000.50");
  if (currency_.size() != 3) return tr("The currency is a three-letter code, like EUR");
  if (!deal_id_.isEmpty() && account_.trimmed().isEmpty() && !stored_.account.isEmpty())
    return tr("Name the account: a deal keeps one");
  if (!deal_id_.isEmpty() && !changed()) return tr("Change a field to save");
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

void NewDealController::save() {
  LocalStore* local = store();
  if (local == nullptr || saving() || !whyNot().isEmpty() || !loaded()) return;
  beginSave();
  if (!deal_id_.isEmpty()) {
    nextstep::DealChanges c;
    if (title_.trimmed() != stored_.title) c.title = title_.trimmed().toStdString();
    if (account_.trimmed() != stored_.account) c.account = account_.trimmed().toStdString();
    if (valueMinor() != stored_.value_minor) c.value_minor = *valueMinor();
    if (currency_ != stored_.currency) c.currency = currency_.toStdString();
    local->write(
        this,
        [id = deal_id_.toStdString(), c](nextstep::Store& s) {
          return nextstep::changeDeal(s, id, c);
        },
        [this, id = deal_id_](const nextstep::Result<void>& r) { endSave(r, id); });
    return;
  }
  nextstep::NewDeal d;
  d.title = title_.trimmed().toStdString();
  if (!account_.trimmed().isEmpty()) d.account = account_.trimmed().toStdString();
  d.value_minor = *valueMinor();
  d.currency = currency_.toStdString();
  if (stage_index_ >= 0 && stage_index_ < stage_keys_.size())
    d.stage = stage_keys_[stage_index_].toStdString();
  local->write(
      this, [d](nextstep::Store& s) { return nextstep::addDeal(s, d); },
      [this](const nextstep::Result<std::string>& id) { endSave(id); });
}
