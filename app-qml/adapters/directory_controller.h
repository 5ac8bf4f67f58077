// Contacts and accounts: the customers, each account with its open deals and last touch (rule 8),
// each contact with their role. Choosing an account narrows the contacts to it.
#pragma once

#include <QString>

#include "card_list_model.h"
#include "store_controller.h"

class DirectoryController : public StoreController {
  Q_OBJECT
  QML_ELEMENT
  Q_PROPERTY(CardListModel* accounts READ accounts CONSTANT)
  Q_PROPERTY(CardListModel* contacts READ contacts CONSTANT)
  Q_PROPERTY(QString accountId READ accountId WRITE setAccountId NOTIFY accountIdChanged)
  Q_PROPERTY(QString accountName READ accountName NOTIFY listsChanged)
  Q_PROPERTY(CardListModel* accountDeals READ accountDeals CONSTANT)

 public:
  explicit DirectoryController(QObject* parent = nullptr);
  CardListModel* accounts() { return &accounts_; }
  CardListModel* contacts() { return &contacts_; }
  CardListModel* accountDeals() { return &deals_; }
  QString accountId() const { return account_id_; }
  void setAccountId(const QString& id);
  QString accountName() const { return account_name_; }

  Q_INVOKABLE void logTouch(const QString& accountId, const QString& kind, const QString& note);

 Q_SIGNALS:
  void accountIdChanged();
  void listsChanged();
  void touched();

 protected:
  void reload(LocalStore& store) override;

 private:
  CardListModel accounts_, contacts_, deals_;
  QString account_id_, account_name_;
};
