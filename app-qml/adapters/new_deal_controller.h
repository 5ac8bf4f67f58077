// A new deal from the app, in a few taps: title, account (an existing one matched by the core,
// or a new one), value and currency, the rung of the team's ladder it starts on. Given a deal,
// the same form changes its title, account, value and currency (the rung has its own sheet).
#pragma once

#include <QString>
#include <QStringList>

#include "form_controller.h"

class NewDealController : public FormController {
  Q_OBJECT
  QML_ELEMENT
  // Empty: a new deal.
  Q_PROPERTY(QString dealId READ dealId WRITE setDealId NOTIFY dealIdChanged)
  Q_PROPERTY(QString title READ title WRITE setTitle NOTIFY formChanged)
  Q_PROPERTY(QString account READ account WRITE setAccount NOTIFY formChanged)
  Q_PROPERTY(QString value READ value WRITE setValue NOTIFY formChanged)
  Q_PROPERTY(QString currency READ currency WRITE setCurrency NOTIFY formChanged)
  Q_PROPERTY(QStringList stages READ stages NOTIFY stagesChanged)
  Q_PROPERTY(int stageIndex READ stageIndex WRITE setStageIndex NOTIFY formChanged)
  Q_PROPERTY(QStringList accounts READ accounts NOTIFY stagesChanged)
  // Why Create is disabled, next to it; empty when it is not.
  Q_PROPERTY(QString whyNot READ whyNot NOTIFY formChanged)

 public:
  explicit NewDealController(QObject* parent = nullptr);

  QString dealId() const { return deal_id_; }
  void setDealId(const QString& id);
  QString title() const { return title_; }
  void setTitle(const QString& v);
  QString account() const { return account_; }
  void setAccount(const QString& v);
  QString value() const { return value_; }
  void setValue(const QString& v);
  QString currency() const { return currency_; }
  void setCurrency(const QString& v);
  QStringList stages() const { return stages_; }
  int stageIndex() const { return stage_index_; }
  void setStageIndex(int i);
  QStringList accounts() const { return accounts_; }
  QString whyNot() const;

  // Empties the form for the next deal.
  Q_INVOKABLE void clear();
  // Creates the deal, or saves the changes to the one given.
  Q_INVOKABLE void save();

 Q_SIGNALS:
  void dealIdChanged();
  void stagesChanged();

 protected:
  void reload(LocalStore& store) override;

 private:
  struct Stored {
    QString title, account, currency;
    std::int64_t value_minor = 0;
  };
  std::optional<std::int64_t> valueMinor() const;
  bool changed() const;

  QString deal_id_, title_, account_, value_, currency_ = QStringLiteral("EUR");
  Stored stored_;
  QStringList stages_, stage_keys_, accounts_;
  int stage_index_ = 0;
};
