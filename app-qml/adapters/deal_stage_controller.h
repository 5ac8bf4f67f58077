// A deal's place on the team's ladder and its outcome (rule 11): move it up a rung, skip rungs
// when the customer is ready, mark it won, or lost with the reason, or reopen it.
#pragma once

#include <QString>
#include <QStringList>

#include "store_controller.h"

class DealStageController : public StoreController {
  Q_OBJECT
  QML_ELEMENT
  Q_PROPERTY(QString dealId READ dealId WRITE setDealId NOTIFY dealIdChanged)
  Q_PROPERTY(QString title READ title NOTIFY loadedDeal)
  Q_PROPERTY(QStringList stages READ stages NOTIFY loadedDeal)
  // The rung the deal is on now, and the one chosen (the same until the rep picks another).
  Q_PROPERTY(int currentIndex READ currentIndex NOTIFY loadedDeal)
  Q_PROPERTY(int chosenIndex READ chosenIndex WRITE setChosenIndex NOTIFY formChanged)
  // "open", "won" or "lost": as stored, and as chosen.
  Q_PROPERTY(QString status READ status NOTIFY loadedDeal)
  Q_PROPERTY(QString outcome READ outcome WRITE setOutcome NOTIFY formChanged)
  Q_PROPERTY(QString lostReason READ lostReason WRITE setLostReason NOTIFY formChanged)
  // What the chosen rung means for the deal: up one, skipping some, or back.
  Q_PROPERTY(QString moveText READ moveText NOTIFY formChanged)
  // Why Save is disabled, next to it; empty when it is not.
  Q_PROPERTY(QString whyNot READ whyNot NOTIFY formChanged)
  Q_PROPERTY(bool saving READ saving NOTIFY savingChanged)

 public:
  explicit DealStageController(QObject* parent = nullptr);

  QString dealId() const { return deal_id_; }
  void setDealId(const QString& id);
  QString title() const { return title_; }
  QStringList stages() const { return stages_; }
  int currentIndex() const { return current_index_; }
  int chosenIndex() const { return chosen_index_; }
  void setChosenIndex(int i);
  QString status() const { return status_; }
  QString outcome() const { return outcome_; }
  void setOutcome(const QString& outcome);
  QString lostReason() const { return lost_reason_; }
  void setLostReason(const QString& reason);
  QString moveText() const;
  QString whyNot() const;
  bool saving() const { return saving_; }

  Q_INVOKABLE void save();

 Q_SIGNALS:
  void dealIdChanged();
  void loadedDeal();
  void formChanged();
  void savingChanged();
  void saved();

 protected:
  void reload(LocalStore& store) override;
  bool ready() const override { return !deal_id_.isEmpty(); }

 private:
  bool changed() const;

  QString deal_id_, title_, status_, outcome_, lost_reason_, stored_lost_reason_;
  QStringList stages_, stage_keys_;
  int current_index_ = -1;
  int chosen_index_ = -1;
  bool saving_ = false;
};
