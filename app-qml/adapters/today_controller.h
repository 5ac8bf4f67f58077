// The rep's day (Today page): meetings today in the device's zone, follow-ups due and overdue,
// meetings that need their outcome, deals without a next step, the headline figure, and the
// meeting whose last ten minutes have come (rule 3: close the call).
#pragma once

#include <QString>
#include <QTimer>
#include <QVariantMap>

#include "card_list_model.h"
#include "store_controller.h"

class TodayController : public StoreController {
  Q_OBJECT
  QML_ELEMENT
  Q_PROPERTY(CardListModel* meetings READ meetings CONSTANT)
  Q_PROPERTY(CardListModel* followUpsDue READ followUpsDue CONSTANT)
  Q_PROPERTY(CardListModel* overdue READ overdue CONSTANT)
  Q_PROPERTY(CardListModel* outcomesMissing READ outcomesMissing CONSTANT)
  Q_PROPERTY(CardListModel* needNextStep READ needNextStep CONSTANT)
  Q_PROPERTY(QString dateText READ dateText NOTIFY figuresChanged)
  Q_PROPERTY(qint64 openDeals READ openDeals NOTIFY figuresChanged)
  Q_PROPERTY(qint64 withNextStep READ withNextStep NOTIFY figuresChanged)
  Q_PROPERTY(double nextStepRate READ nextStepRate NOTIFY figuresChanged)
  Q_PROPERTY(qint64 needNextStepTotal READ needNextStepTotal NOTIFY figuresChanged)
  Q_PROPERTY(qint64 overdueTotal READ overdueTotal NOTIFY figuresChanged)
  Q_PROPERTY(qint64 outcomesMissingTotal READ outcomesMissingTotal NOTIFY figuresChanged)
  // The meeting to close now: {meetingId, dealId, title, minutesLeft, lastTen}; empty when none.
  Q_PROPERTY(QVariantMap callToClose READ callToClose NOTIFY figuresChanged)

 public:
  explicit TodayController(QObject* parent = nullptr);

  CardListModel* meetings() { return &meetings_; }
  CardListModel* followUpsDue() { return &due_; }
  CardListModel* overdue() { return &overdue_; }
  CardListModel* outcomesMissing() { return &outcomes_missing_; }
  CardListModel* needNextStep() { return &need_next_; }
  QString dateText() const { return date_text_; }
  qint64 openDeals() const { return open_deals_; }
  qint64 withNextStep() const { return open_deals_ - need_next_total_; }
  double nextStepRate() const {
    return open_deals_ == 0 ? 0.0 : static_cast<double>(withNextStep()) / open_deals_;
  }
  qint64 needNextStepTotal() const { return need_next_total_; }
  qint64 overdueTotal() const { return overdue_total_; }
  qint64 outcomesMissingTotal() const { return outcomes_missing_total_; }
  QVariantMap callToClose() const { return call_to_close_; }

 Q_SIGNALS:
  void figuresChanged();

 protected:
  void reload(LocalStore& store) override;

 private:
  CardListModel meetings_, due_, overdue_, outcomes_missing_, need_next_;
  QString date_text_;
  qint64 open_deals_ = 0, need_next_total_ = 0, overdue_total_ = 0, outcomes_missing_total_ = 0;
  QVariantMap call_to_close_;
  QTimer minute_;  // the reminder and "in progress" follow the clock
};
