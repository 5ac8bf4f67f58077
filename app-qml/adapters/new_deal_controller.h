// A new deal from the app, in a few taps: title, account (an existing one matched by the core,
// or a new one), value and currency, the rung of the team's ladder it starts on.
#pragma once

#include <QString>
#include <QStringList>

#include "store_controller.h"

class NewDealController : public StoreController {
  Q_OBJECT
  QML_ELEMENT
  Q_PROPERTY(QString title READ title WRITE setTitle NOTIFY formChanged)
  Q_PROPERTY(QString account READ account WRITE setAccount NOTIFY formChanged)
  Q_PROPERTY(QString value READ value WRITE setValue NOTIFY formChanged)
  Q_PROPERTY(QString currency READ currency WRITE setCurrency NOTIFY formChanged)
  Q_PROPERTY(QStringList stages READ stages NOTIFY stagesChanged)
  Q_PROPERTY(int stageIndex READ stageIndex WRITE setStageIndex NOTIFY formChanged)
  Q_PROPERTY(QStringList accounts READ accounts NOTIFY stagesChanged)
  // Why Create is disabled, next to it; empty when it is not.
  Q_PROPERTY(QString whyNot READ whyNot NOTIFY formChanged)
  Q_PROPERTY(bool saving READ saving NOTIFY savingChanged)

 public:
  explicit NewDealController(QObject* parent = nullptr);

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
  bool saving() const { return saving_; }

  // Empties the form for the next deal.
  Q_INVOKABLE void clear();
  Q_INVOKABLE void create();

 Q_SIGNALS:
  void formChanged();
  void stagesChanged();
  void savingChanged();
  void created(const QString& dealId);

 protected:
  void reload(LocalStore& store) override;

 private:
  // The value in cents, read in the user's locale (or with a dot); nullopt when it is not one.
  std::optional<std::int64_t> valueMinor() const;

  QString title_, account_, value_, currency_ = QStringLiteral("EUR");
  QStringList stages_, stage_keys_, accounts_;
  int stage_index_ = 0;
  bool saving_ = false;
};
