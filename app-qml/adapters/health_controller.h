// The team's numbers (DOMAIN.md) from the core's pipelineHealth: the three rates and the counts of
// what is wrong, with the lists behind them; and healthTrend's eight weeks of the three rates.
#pragma once

#include "card_list_model.h"
#include "store_controller.h"

class HealthController : public StoreController {
  Q_OBJECT
  QML_ELEMENT
  Q_PROPERTY(double nextStepRate READ nextStepRate NOTIFY figuresChanged)
  Q_PROPERTY(double bookedAtTableRate READ bookedAtTableRate NOTIFY figuresChanged)
  Q_PROPERTY(double commitmentRate READ commitmentRate NOTIFY figuresChanged)
  Q_PROPERTY(qint64 openDeals READ openDeals NOTIFY figuresChanged)
  Q_PROPERTY(qint64 withNextStep READ withNextStep NOTIFY figuresChanged)
  Q_PROPERTY(qint64 bookedTotal READ bookedTotal NOTIFY figuresChanged)
  Q_PROPERTY(qint64 bookedAtTable READ bookedAtTable NOTIFY figuresChanged)
  Q_PROPERTY(qint64 commitmentDeals READ commitmentDeals NOTIFY figuresChanged)
  // [{label, count, tone}]: the problems, for the bar chart
  Q_PROPERTY(CardListModel* problems READ problems CONSTANT)
  // [{week, nextStep, atTable, commitment}], oldest first: the rates week by week
  Q_PROPERTY(QVariantList trend READ trend NOTIFY figuresChanged)
  Q_PROPERTY(CardListModel* stale READ stale CONSTANT)
  Q_PROPERTY(CardListModel* withoutNextStepDeals READ withoutNextStepDeals CONSTANT)

 public:
  explicit HealthController(QObject* parent = nullptr);
  double nextStepRate() const { return next_rate_; }
  double bookedAtTableRate() const { return table_rate_; }
  double commitmentRate() const { return commitment_rate_; }
  qint64 openDeals() const { return open_; }
  qint64 withNextStep() const { return with_next_; }
  qint64 bookedTotal() const { return booked_; }
  qint64 bookedAtTable() const { return at_table_; }
  qint64 commitmentDeals() const { return commitment_; }
  CardListModel* problems() { return &problems_; }
  QVariantList trend() const { return trend_; }
  CardListModel* stale() { return &stale_; }
  CardListModel* withoutNextStepDeals() { return &without_; }

 Q_SIGNALS:
  void figuresChanged();

 protected:
  void reload(LocalStore& store) override;

 private:
  double next_rate_ = 0, table_rate_ = 0, commitment_rate_ = 0;
  qint64 open_ = 0, with_next_ = 0, booked_ = 0, at_table_ = 0, commitment_ = 0;
  CardListModel problems_, stale_, without_;
  QVariantList trend_;
};
