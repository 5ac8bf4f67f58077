#include "pipeline_model.h"

#include <QTimer>

#include "display_text.h"
#include "nextstep/pipeline/pipeline.h"

namespace {

using display::qs;

struct Page {
  nextstep::Result<std::vector<nextstep::DealRow>> rows;
  std::optional<nextstep::Result<std::int64_t>> total;
  nextstep::Instant now;
};

PipelineModel::Row toRow(const nextstep::DealRow& r, nextstep::Instant now,
                         const nextstep::TimeZone& zone) {
  PipelineModel::Row row;
  row.deal_id = qs(r.deal.id);
  row.title = qs(r.deal.title);
  row.account = qs(r.deal.account_name);
  row.stage = qs(r.deal.stage);
  row.stage_label = display::stage(r.deal.stage);
  row.value_text = display::money(r.deal.value);
  row.owner = qs(r.deal.owner);
  row.compliance_only = r.deal.compliance_only;
  if (r.deal.latest_customer_kind) {
    row.latest_kind = display::actionKind(*r.deal.latest_customer_kind);
  }
  row.has_next = r.next_step.has_value();
  if (r.next_step) {
    row.next_when = display::relativeDay(r.next_step->start, now, zone);
    row.next_goal = qs(r.next_step->goal);
  }
  return row;
}

}  // namespace

PipelineModel::PipelineModel(QObject* parent) : QAbstractListModel(parent) {}

int PipelineModel::rowCount(const QModelIndex& parent) const {
  return parent.isValid() ? 0 : count();
}

QVariant PipelineModel::data(const QModelIndex& index, int role) const {
  if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
    return {};
  }
  const Row& r = rows_[static_cast<std::size_t>(index.row())];
  switch (role) {
    case Qt::DisplayRole:
    case kTitleRole:
      return r.title;
    case kDealIdRole:
      return r.deal_id;
    case kAccountRole:
      return r.account;
    case kStageRole:
      return r.stage;
    case kStageLabelRole:
      return r.stage_label;
    case kValueTextRole:
      return r.value_text;
    case kHasNextStepRole:
      return r.has_next;
    case kNextStepWhenRole:
      return r.next_when;
    case kNextStepGoalRole:
      return r.next_goal;
    case kComplianceOnlyRole:
      return r.compliance_only;
    case kLatestKindRole:
      return r.latest_kind;
    case kOwnerRole:
      return r.owner;
    default:
      return {};
  }
}

QHash<int, QByteArray> PipelineModel::roleNames() const {
  return {{kDealIdRole, "dealId"},
          {kTitleRole, "title"},
          {kAccountRole, "accountName"},
          {kStageRole, "stage"},
          {kStageLabelRole, "stageLabel"},
          {kValueTextRole, "valueText"},
          {kHasNextStepRole, "hasNextStep"},
          {kNextStepWhenRole, "nextStepWhen"},
          {kNextStepGoalRole, "nextStepGoal"},
          {kComplianceOnlyRole, "complianceOnly"},
          {kLatestKindRole, "latestKind"},
          {kOwnerRole, "owner"}};
}

bool PipelineModel::canFetchMore(const QModelIndex& parent) const {
  const LocalStore* local = store_.data();
  if (parent.isValid() || local == nullptr || !local->isOpen()) return false;
  return have_total_ && !fetching_ && static_cast<qint64>(rows_.size()) < total_;
}

void PipelineModel::fetchMore(const QModelIndex& parent) {
  if (!canFetchMore(parent)) return;
  fetchPage(false);
}

void PipelineModel::setStore(LocalStore* store) {
  if (store_ == store) return;
  if (store_) disconnect(store_, nullptr, this, nullptr);
  store_ = store;
  if (store_) {
    connect(store_, &LocalStore::opened, this, &PipelineModel::scheduleReload);
    connect(store_, &LocalStore::changed, this, &PipelineModel::scheduleReload);
  }
  Q_EMIT storeChanged();
  scheduleReload();
}

void PipelineModel::setStage(const QString& stage) {
  if (stage_ == stage) return;
  stage_ = stage;
  Q_EMIT filterChanged();
  scheduleReload();
}

void PipelineModel::setWithoutNextStep(bool on) {
  if (without_next_ == on) return;
  without_next_ = on;
  Q_EMIT filterChanged();
  scheduleReload();
}

void PipelineModel::setStale(bool on) {
  if (stale_ == on) return;
  stale_ = on;
  Q_EMIT filterChanged();
  scheduleReload();
}

void PipelineModel::setComplianceOnly(bool on) {
  if (compliance_only_ == on) return;
  compliance_only_ = on;
  Q_EMIT filterChanged();
  scheduleReload();
}

void PipelineModel::setPageSize(int rows) {
  rows = std::clamp(rows, 10, 1000);
  if (page_size_ == rows) return;
  page_size_ = rows;
  Q_EMIT filterChanged();
}

QString PipelineModel::dealIdAt(int row) const {
  if (row < 0 || row >= count()) return {};
  return rows_[static_cast<std::size_t>(row)].deal_id;
}

int PipelineModel::rowOf(const QString& dealId) const {
  for (std::size_t i = 0; i < rows_.size(); ++i) {
    if (rows_[i].deal_id == dealId) return static_cast<int>(i);
  }
  return -1;
}

void PipelineModel::scheduleReload() {
  if (scheduled_) return;
  scheduled_ = true;
  QTimer::singleShot(0, this, [this]() {
    scheduled_ = false;
    reload();
  });
}

void PipelineModel::reload() {
  const LocalStore* local = store_.data();
  if (local == nullptr || !local->isOpen()) return;
  ++generation_;
  fetchPage(true);
}

void PipelineModel::setFetching(bool on) {
  if (fetching_ == on) return;
  fetching_ = on;
  Q_EMIT loadingChanged();
}

void PipelineModel::fetchPage(bool replace) {
  LocalStore* local = store_.data();
  if (local == nullptr) return;
  nextstep::DealFilter filter;
  filter.without_next_step = without_next_;
  filter.stale = stale_;
  filter.compliance_only = compliance_only_;
  if (!stage_.isEmpty()) filter.stage = stage_.toStdString();
  // A reload after a change keeps as many rows as the view already showed.
  filter.limit = replace ? std::max(page_size_, std::min(count(), 600)) : page_size_;
  filter.offset = replace ? 0 : count();
  const int generation = generation_;
  const nextstep::TimeZone zone = local->zone();
  setFetching(true);
  local->read(
      this,
      [filter, replace](nextstep::Store& s) {
        Page page{nextstep::listDeals(s, filter), std::nullopt, s.now()};
        if (replace) page.total = nextstep::countDeals(s, filter);
        return page;
      },
      [this, generation, replace, zone](const Page& page) {
        if (generation != generation_) return;  // a newer query is on its way
        if (!page.rows) {
          setFetching(false);
          return;
        }
        std::vector<Row> fresh;
        fresh.reserve(page.rows->size());
        for (const auto& r : *page.rows) fresh.push_back(toRow(r, page.now, zone));
        if (replace) {
          beginResetModel();
          rows_ = std::move(fresh);
          endResetModel();
          have_total_ = true;
          const qint64 total = page.total && *page.total ? **page.total : count();
          if (total != total_) {
            total_ = total;
            Q_EMIT totalCountChanged();
          }
        } else if (!fresh.empty()) {
          beginInsertRows({}, count(), count() + static_cast<int>(fresh.size()) - 1);
          rows_.insert(rows_.end(), std::make_move_iterator(fresh.begin()),
                       std::make_move_iterator(fresh.end()));
          endInsertRows();
        } else {
          total_ = count();  // the end came sooner than counted (a deal closed meanwhile)
          Q_EMIT totalCountChanged();
        }
        // Only now: a view (or a tester) asking for more while rows go in must not fetch the
        // same offset again.
        setFetching(false);
        Q_EMIT countChanged();
        Q_EMIT pageLoaded();
      });
}
