// Open deals as a paged list (the Pipeline page and each column of the board): a page of rows is
// fetched on the store's thread when the view scrolls near the end, so a pipeline of 100k deals
// never loads up front. Filters are the core's DealFilter.
#pragma once

#include <QtQml/qqmlregistration.h>
#include <QAbstractListModel>
#include <QPointer>
#include <QString>

#include <vector>

#include "local_store.h"

class PipelineModel : public QAbstractListModel {
  Q_OBJECT
  QML_ELEMENT
  Q_PROPERTY(LocalStore* store READ store WRITE setStore NOTIFY storeChanged)
  Q_PROPERTY(QString stage READ stage WRITE setStage NOTIFY filterChanged)
  Q_PROPERTY(
      bool withoutNextStep READ withoutNextStep WRITE setWithoutNextStep NOTIFY filterChanged)
  Q_PROPERTY(bool stale READ stale WRITE setStale NOTIFY filterChanged)
  Q_PROPERTY(bool complianceOnly READ complianceOnly WRITE setComplianceOnly NOTIFY filterChanged)
  Q_PROPERTY(int pageSize READ pageSize WRITE setPageSize NOTIFY filterChanged)
  Q_PROPERTY(qint64 totalCount READ totalCount NOTIFY totalCountChanged)
  Q_PROPERTY(int count READ count NOTIFY countChanged)
  Q_PROPERTY(bool loading READ loading NOTIFY loadingChanged)

 public:
  enum Role {
    kDealIdRole = Qt::UserRole + 1,
    kTitleRole,
    kAccountRole,
    kStageRole,
    kStageLabelRole,
    kValueTextRole,
    kHasNextStepRole,
    kNextStepWhenRole,
    kNextStepGoalRole,
    kComplianceOnlyRole,
    kLatestKindRole,
    kOwnerRole,
  };
  Q_ENUM(Role)

  struct Row {
    QString deal_id, title, account, stage, stage_label, value_text, next_when, next_goal,
        latest_kind, owner;
    bool has_next = false;
    bool compliance_only = false;
  };

  explicit PipelineModel(QObject* parent = nullptr);

  int rowCount(const QModelIndex& parent = {}) const override;
  QVariant data(const QModelIndex& index, int role) const override;
  QHash<int, QByteArray> roleNames() const override;
  bool canFetchMore(const QModelIndex& parent) const override;
  void fetchMore(const QModelIndex& parent) override;

  LocalStore* store() const { return store_; }
  void setStore(LocalStore* store);
  QString stage() const { return stage_; }
  void setStage(const QString& stage);
  bool withoutNextStep() const { return without_next_; }
  void setWithoutNextStep(bool on);
  bool stale() const { return stale_; }
  void setStale(bool on);
  bool complianceOnly() const { return compliance_only_; }
  void setComplianceOnly(bool on);
  int pageSize() const { return page_size_; }
  void setPageSize(int rows);
  qint64 totalCount() const { return total_; }
  int count() const { return static_cast<int>(rows_.size()); }
  bool loading() const { return fetching_; }

  Q_INVOKABLE [[nodiscard]] QString dealIdAt(int row) const;
  // The next page, unless one is on its way or all are here: the lists ask ahead of their end.
  Q_INVOKABLE void fetchNext() { fetchMore({}); }
  Q_INVOKABLE [[nodiscard]] int rowOf(const QString& dealId) const;

 Q_SIGNALS:
  void storeChanged();
  void filterChanged();
  void totalCountChanged();
  void countChanged();
  void loadingChanged();
  // A page arrived (tests and the benchmark wait for it).
  void pageLoaded();

 private:
  void reload();
  void scheduleReload();
  void fetchPage(bool replace);
  void setFetching(bool on);

  QPointer<LocalStore> store_;
  QString stage_;
  bool without_next_ = false;
  bool stale_ = false;
  bool compliance_only_ = false;
  int page_size_ = 60;
  std::vector<Row> rows_;
  qint64 total_ = 0;
  bool fetching_ = false;
  bool scheduled_ = false;
  bool have_total_ = false;
  int generation_ = 0;  // answers to an older filter are dropped
};
