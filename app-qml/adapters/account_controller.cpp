#include "account_controller.h"

#include "display_text.h"
#include "nextstep/pipeline/pipeline.h"

AccountController::AccountController(QObject* parent) : FormController(parent) {
  connect(this, &StoreController::storeChanged, this, [this]() { check_.setStore(store()); });
  connect(&check_, &AccountNameCheck::checked, this, [this]() {
    Q_EMIT formChanged();
    if (save_when_checked_ && check_.current()) {
      save_when_checked_ = false;
      save();
    }
  });
}

void AccountController::setAccountId(const QString& id) {
  if (account_id_ == id) return;
  account_id_ = id;
  check_.setOwnId(id);
  Q_EMIT accountIdChanged();
  restart();
}

void AccountController::reload(LocalStore& store) {
  store.read(
      this,
      [id = account_id_.toStdString()](nextstep::Store& s) -> nextstep::Result<nextstep::Account> {
        if (id.empty()) return nextstep::Account{};
        return nextstep::getAccount(s, id);
      },
      [this](const nextstep::Result<nextstep::Account>& a) {
        loadDone();
        if (!a) {
          showError(a.error());
          return;
        }
        stored_ = {display::qs(a->name), display::qs(a->industry), display::qs(a->city),
                   a->cadence_days ? QString::number(*a->cadence_days) : QString(),
                   display::qs(a->tz)};
        // Opened afresh on an account, the form shows what is stored; later reloads keep what
        // is typed (a new account's form is emptied by clear()).
        if (takeStartOver() && !account_id_.isEmpty()) {
          name_ = stored_.name;
          industry_ = stored_.industry;
          city_ = stored_.city;
          cadence_ = stored_.cadence;
          zone_ = stored_.zone;
          keep_near_name_ = false;
          check_.setName(name_);
          clearError();
        }
        Q_EMIT formChanged();
      });
}

void AccountController::set(QString& field, const QString& v) {
  if (field == v) return;
  field = v;
  Q_EMIT formChanged();
}

void AccountController::setName(const QString& v) {
  if (name_ == v) return;
  keep_near_name_ = false;
  set(name_, v);
  check_.setName(v);
}

void AccountController::setIndustry(const QString& v) { set(industry_, v); }
void AccountController::setCity(const QString& v) { set(city_, v); }
void AccountController::setCadence(const QString& v) { set(cadence_, v); }
void AccountController::setZone(const QString& v) { set(zone_, v); }

bool AccountController::zoneChanged() const {
  return zone_.trimmed().isEmpty() ? !stored_.zone.isEmpty() : zoneFound() != stored_.zone;
}

QString AccountController::zoneFound() const {
  auto zone = nextstep::TimeZone::named(zone_.toStdString());
  return zone ? display::qs(zone->name()) : QString();
}

void AccountController::setKeepNearName(bool keep) {
  if (keep_near_name_ == keep) return;
  keep_near_name_ = keep;
  Q_EMIT formChanged();
}

std::optional<int> AccountController::cadenceDays() const {
  if (cadence_.trimmed().isEmpty()) return std::nullopt;
  bool ok = false;
  const int days = cadence_.trimmed().toInt(&ok);
  return ok && days >= 1 && days <= 365 ? days : 0;
}

QString AccountController::whyNot() const {
  if (saving() || !loaded()) return {};
  if (name_.trimmed().isEmpty()) return tr("Give the account a name");
  if (cadenceDays() == 0) return tr("Touch every 1 to 365 days, or leave it empty");
  if (!zone_.trimmed().isEmpty() && zoneFound().isEmpty()) {
    return tr("No time zone is called '%1'; try a city like New York").arg(zone_.trimmed());
  }
  if (nameIsNew() && check_.current() && !check_.matchId().isEmpty()) {
    if (check_.exact()) return tr("The account '%1' exists already").arg(check_.matchName());
    if (!keep_near_name_) return tr("Did you mean the account '%1'?").arg(check_.matchName());
  }
  if (!account_id_.isEmpty() && typed().name.trimmed() == stored_.name &&
      industry_ == stored_.industry && city_ == stored_.city &&
      cadence_.trimmed() == stored_.cadence && !zoneChanged()) {
    return tr("Change a field to save");
  }
  return {};
}

void AccountController::clear() {
  name_.clear();
  industry_.clear();
  city_.clear();
  cadence_.clear();
  zone_.clear();
  keep_near_name_ = false;
  check_.setName({});
  clearError();
  Q_EMIT formChanged();
}

void AccountController::save() {
  LocalStore* local = store();
  if (local == nullptr || saving() || !whyNot().isEmpty() || !loaded()) return;
  // A name typed a moment ago is matched first: a near duplicate is asked about, not saved.
  if (nameIsNew() && !check_.current()) {
    save_when_checked_ = true;
    return;
  }
  const auto days = cadenceDays();
  beginSave();
  if (account_id_.isEmpty()) {
    const nextstep::NewAccount a{name_.trimmed().toStdString(),
                                 industry_.trimmed().toStdString(),
                                 city_.trimmed().toStdString(),
                                 {},
                                 days,
                                 zone_.trimmed().toStdString()};
    local->write(
        this, [a](nextstep::Store& s) { return nextstep::addAccount(s, a); },
        [this](const nextstep::Result<std::string>& id) { endSave(id); });
    return;
  }
  nextstep::AccountChanges c;
  if (nameIsNew()) c.name = name_.trimmed().toStdString();
  if (industry_ != stored_.industry) c.industry = industry_.trimmed().toStdString();
  if (city_ != stored_.city) c.city = city_.trimmed().toStdString();
  if (cadence_.trimmed() != stored_.cadence) c.cadence_days = days;
  if (zoneChanged()) c.tz = zone_.trimmed().toStdString();
  local->write(
      this,
      [id = account_id_.toStdString(), c](nextstep::Store& s) {
        return nextstep::changeAccount(s, id, c);
      },
      [this, id = account_id_](const nextstep::Result<void>& r) { endSave(r, id); });
}
