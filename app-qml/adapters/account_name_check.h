// Which account a name typed in a form means, as the core matches it (case, spacing and legal
// form aside), while the rep types: the same account, a near one to ask about, or none yet.
#pragma once

#include <QString>

#include "store_controller.h"

class AccountNameCheck : public StoreController {
  Q_OBJECT
  QML_ELEMENT
  Q_PROPERTY(QString name READ name WRITE setName NOTIFY nameChanged)
  // The account being edited: its own name is no match.
  Q_PROPERTY(QString ownId READ ownId WRITE setOwnId NOTIFY nameChanged)
  Q_PROPERTY(QString matchId READ matchId NOTIFY checked)
  Q_PROPERTY(QString matchName READ matchName NOTIFY checked)
  // The same name but for case and spacing; else matchName differs by its legal form.
  Q_PROPERTY(bool exact READ exact NOTIFY checked)
  // The answer is for the name as it is typed now.
  Q_PROPERTY(bool current READ current NOTIFY checked)

 public:
  explicit AccountNameCheck(QObject* parent = nullptr);

  QString name() const { return name_; }
  void setName(const QString& name);
  QString ownId() const { return own_id_; }
  void setOwnId(const QString& id);
  QString matchId() const { return match_id_; }
  QString matchName() const { return match_name_; }
  bool exact() const { return exact_; }
  bool current() const { return checked_name_ == name_.trimmed(); }

 Q_SIGNALS:
  void nameChanged();
  void checked();

 protected:
  void reload(LocalStore& store) override;
  bool ready() const override { return !name_.trimmed().isEmpty(); }

 private:
  void show(const QString& typed, const QString& id, const QString& name, bool exact);

  QString name_, own_id_, checked_name_, match_id_, match_name_;
  bool exact_ = false;
};
