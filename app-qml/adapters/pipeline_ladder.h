// The team's ladder of stages (rule 11) with how many open deals sit on each rung and how many of
// them have no next step: the board's column headers and the phone's stage groups.
#pragma once

#include <QStringList>

#include "card_list_model.h"
#include "store_controller.h"

class PipelineLadder : public StoreController {
  Q_OBJECT
  QML_ELEMENT
  Q_PROPERTY(CardListModel* stages READ stages CONSTANT)
  Q_PROPERTY(QStringList stageNames READ stageNames NOTIFY figuresChanged)
  Q_PROPERTY(qint64 openDeals READ openDeals NOTIFY figuresChanged)
  Q_PROPERTY(qint64 withoutNextStep READ withoutNextStep NOTIFY figuresChanged)

 public:
  explicit PipelineLadder(QObject* parent = nullptr);
  CardListModel* stages() { return &stages_; }
  QStringList stageNames() const { return names_; }
  qint64 openDeals() const { return open_; }
  qint64 withoutNextStep() const { return without_; }

  Q_INVOKABLE [[nodiscard]] QString labelOf(const QString& stage) const;

 Q_SIGNALS:
  void figuresChanged();

 protected:
  void reload(LocalStore& store) override;

 private:
  CardListModel stages_;
  QStringList names_;
  qint64 open_ = 0;
  qint64 without_ = 0;
};
