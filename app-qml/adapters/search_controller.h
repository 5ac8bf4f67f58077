// Search across deals, accounts, contacts and notes (the core's full-text search) as the rep
// types; each hit leads to its deal where it has one.
#pragma once

#include <QString>

#include "card_list_model.h"
#include "store_controller.h"

class SearchController : public StoreController {
  Q_OBJECT
  QML_ELEMENT
  Q_PROPERTY(QString query READ query WRITE setQuery NOTIFY queryChanged)
  Q_PROPERTY(CardListModel* hits READ hits CONSTANT)

 public:
  explicit SearchController(QObject* parent = nullptr);
  QString query() const { return query_; }
  void setQuery(const QString& q);
  CardListModel* hits() { return &hits_; }

 Q_SIGNALS:
  void queryChanged();

 protected:
  void reload(LocalStore& store) override;

 private:
  QString query_;
  CardListModel hits_;
};
