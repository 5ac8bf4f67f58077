#include "contact_controller.h"

#include "display_text.h"
#include "nextstep/pipeline/pipeline.h"
#include "nextstep/pipeline/typed_names.h"

namespace {

struct ContactRead {
  nextstep::Result<nextstep::Contact> contact = nextstep::Contact{};
  std::string account_name;
  nextstep::Result<std::vector<nextstep::Account>> accounts;
};

}  // namespace

ContactController::ContactController(QObject* parent) : FormController(parent) {
  connect(this, &StoreController::storeChanged, this, [this]() { check_.setStore(store()); });
  connect(&check_, &AccountNameCheck::checked, this, &ContactController::formChanged);
}

void ContactController::setContactId(const QString& id) {
  if (contact_id_ == id) return;
  contact_id_ = id;
  Q_EMIT contactIdChanged();
  restart();
}

void ContactController::startNew(const QString& account) {
  contact_id_.clear();
  Q_EMIT contactIdChanged();
  stored_ = Fields{};
  stored_.account = account;
  typed_ = stored_;
  check_.setName(account);
  clearError();
  Q_EMIT accountChanged();
  Q_EMIT formChanged();
  refresh();
}

void ContactController::reload(LocalStore& store) {
  store.read(
      this,
      [id = contact_id_.toStdString()](nextstep::Store& s) {
        ContactRead r{nextstep::Contact{}, {}, nextstep::listAccounts(s, 500)};
        if (id.empty()) return r;
        r.contact = nextstep::getContact(s, id);
        if (r.contact && r.contact->account_id) {
          if (auto a = nextstep::getAccount(s, *r.contact->account_id)) r.account_name = a->name;
        }
        return r;
      },
      [this](const ContactRead& r) {
        loadDone();
        if (!r.contact || !r.accounts) {
          showError(!r.contact ? r.contact.error() : r.accounts.error());
          return;
        }
        accounts_.clear();
        for (const auto& a : *r.accounts) accounts_ << display::qs(a.name);
        Q_EMIT accountsChanged();
        // A new contact's form is started by startNew(); an edited one from what is stored,
        // once: later reloads (sync, another process) keep what the rep typed.
        if (!contact_id_.isEmpty()) {
          const auto& c = *r.contact;
          stored_ = {display::qs(c.name),
                     display::qs(c.email),
                     display::qs(c.phone),
                     display::qs(c.title),
                     display::qs(std::string(nextstep::nameOf(c.role))),
                     display::qs(r.account_name)};
          if (takeStartOver()) {
            typed_ = stored_;
            check_.setName(typed_.account);
            clearError();
            Q_EMIT accountChanged();
          }
        }
        Q_EMIT formChanged();
      });
}

void ContactController::set(QString& field, const QString& v) {
  if (field == v) return;
  field = v;
  Q_EMIT formChanged();
}

void ContactController::setRole(const QString& v) {
  if (!nextstep::parseEnum<nextstep::ContactRole>(v.toStdString())) return;
  set(typed_.role, v);
}

void ContactController::setAccount(const QString& v) {
  if (typed_.account == v) return;
  typed_.account = v;
  // Its own signal: the account field's binding is not re-read for every other change.
  Q_EMIT accountChanged();
  Q_EMIT formChanged();
  check_.setName(v);
}

QString ContactController::whyNot() const {
  if (saving() || !loaded()) return {};
  if (typed_.name.trimmed().isEmpty()) return tr("Give the contact a name");
  if (nextstep::emailProblem(typed_.email.toStdString()))
    return tr("The email is not an address like name@company.com");
  if (typed_.account.trimmed().isEmpty() && !stored_.account.isEmpty())
    return tr("Name the account they work at");
  if (accountIsNew() && check_.current() && !check_.matchId().isEmpty() && !check_.exact()) {
    return tr("Did you mean the account '%1'?").arg(check_.matchName());
  }
  if (!contact_id_.isEmpty() && typed_ == stored_) return tr("Change a field to save");
  return {};
}

void ContactController::save() {
  LocalStore* local = store();
  if (local == nullptr || saving() || !whyNot().isEmpty() || !loaded()) return;
  const auto text = [](const QString& v) { return v.trimmed().toStdString(); };
  const auto role = nextstep::parseEnum<nextstep::ContactRole>(typed_.role.toStdString())
                        .value_or(nextstep::ContactRole::kOther);
  beginSave();
  if (contact_id_.isEmpty()) {
    nextstep::NewContact c{text(typed_.name),  std::nullopt, text(typed_.email),
                           text(typed_.phone), role,         text(typed_.title)};
    if (!typed_.account.trimmed().isEmpty()) c.account = text(typed_.account);
    local->write(
        this, [c](nextstep::Store& s) { return nextstep::addContact(s, c); },
        [this](const nextstep::Result<std::string>& id) { endSave(id); });
    return;
  }
  nextstep::ContactChanges c;
  if (typed_.name != stored_.name) c.name = text(typed_.name);
  if (typed_.email != stored_.email) c.email = text(typed_.email);
  if (typed_.phone != stored_.phone) c.phone = text(typed_.phone);
  if (typed_.title != stored_.title) c.title = text(typed_.title);
  if (typed_.role != stored_.role) c.role = role;
  if (typed_.account.trimmed() != stored_.account) c.account = text(typed_.account);
  local->write(
      this,
      [id = contact_id_.toStdString(), c](nextstep::Store& s) {
        return nextstep::changeContact(s, id, c);
      },
      [this, id = contact_id_](const nextstep::Result<void>& r) { endSave(r, id); });
}
