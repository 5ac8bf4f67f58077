// A person at the customer, new or changed: name, email (for invitations), phone, job title, role
// in the decision, and the account they work at (matched by the core as typed).
#pragma once

#include <QString>
#include <QStringList>

#include "account_name_check.h"
#include "form_controller.h"

class ContactController : public FormController {
  Q_OBJECT
  QML_ELEMENT
  // Empty: a new contact.
  Q_PROPERTY(QString contactId READ contactId WRITE setContactId NOTIFY contactIdChanged)
  Q_PROPERTY(QString name READ name WRITE setName NOTIFY formChanged)
  Q_PROPERTY(QString email READ email WRITE setEmail NOTIFY formChanged)
  Q_PROPERTY(QString phone READ phone WRITE setPhone NOTIFY formChanged)
  Q_PROPERTY(QString jobTitle READ jobTitle WRITE setJobTitle NOTIFY formChanged)
  // decision_maker | approver | champion | user | other
  Q_PROPERTY(QString role READ role WRITE setRole NOTIFY formChanged)
  Q_PROPERTY(QString account READ account WRITE setAccount NOTIFY accountChanged)
  Q_PROPERTY(QStringList accounts READ accounts NOTIFY accountsChanged)
  Q_PROPERTY(AccountNameCheck* accountCheck READ accountCheck CONSTANT)
  // The account typed differs from the one stored (or given): it is matched.
  Q_PROPERTY(bool accountIsNew READ accountIsNew NOTIFY formChanged)
  // Why Save is disabled, next to it; empty when it is not.
  Q_PROPERTY(QString whyNot READ whyNot NOTIFY formChanged)

 public:
  explicit ContactController(QObject* parent = nullptr);

  QString contactId() const { return contact_id_; }
  void setContactId(const QString& id);
  QString name() const { return typed_.name; }
  void setName(const QString& v) { set(typed_.name, v); }
  QString email() const { return typed_.email; }
  void setEmail(const QString& v) { set(typed_.email, v); }
  QString phone() const { return typed_.phone; }
  void setPhone(const QString& v) { set(typed_.phone, v); }
  QString jobTitle() const { return typed_.title; }
  void setJobTitle(const QString& v) { set(typed_.title, v); }
  QString role() const { return typed_.role; }
  void setRole(const QString& v);
  QString account() const { return typed_.account; }
  void setAccount(const QString& v);
  QStringList accounts() const { return accounts_; }
  AccountNameCheck* accountCheck() { return &check_; }
  bool accountIsNew() const { return typed_.account.trimmed() != stored_.account; }
  QString whyNot() const;

  // A new contact, at this account when one is given.
  Q_INVOKABLE void startNew(const QString& account);
  Q_INVOKABLE void save();

 Q_SIGNALS:
  void contactIdChanged();
  void accountsChanged();
  void accountChanged();

 protected:
  void reload(LocalStore& store) override;

 private:
  struct Fields {
    QString name, email, phone, title, role = QStringLiteral("decision_maker"), account;
    bool operator==(const Fields&) const = default;
  };
  void set(QString& field, const QString& v);

  QString contact_id_;
  Fields typed_, stored_;
  QStringList accounts_;
  AccountNameCheck check_;
};
