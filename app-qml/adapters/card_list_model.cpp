#include "card_list_model.h"

CardListModel::CardListModel(QObject* parent) : QAbstractListModel(parent) {}

int CardListModel::rowCount(const QModelIndex& parent) const {
  return parent.isValid() ? 0 : count();
}

QVariant CardListModel::data(const QModelIndex& index, int role) const {
  if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
    return {};
  }
  const Card& c = cards_[static_cast<std::size_t>(index.row())];
  switch (role) {
    case Qt::DisplayRole:
    case kTitleRole:
      return c.title;
    case kIdRole:
      return c.id;
    case kKindRole:
      return c.kind;
    case kSubtitleRole:
      return c.subtitle;
    case kDetailRole:
      return c.detail;
    case kWhenRole:
      return c.when;
    case kBadgeRole:
      return c.badge;
    case kToneRole:
      return c.tone;
    case kDealIdRole:
      return c.dealId;
    case kSecondaryIdRole:
      return c.secondaryId;
    case kFlagRole:
      return c.flag;
    case kAmountRole:
      return c.amount;
    default:
      return {};
  }
}

QHash<int, QByteArray> CardListModel::roleNames() const {
  return {{kIdRole, "recordId"},   {kKindRole, "kind"},
          {kTitleRole, "title"},   {kSubtitleRole, "subtitle"},
          {kDetailRole, "detail"}, {kWhenRole, "when"},
          {kBadgeRole, "badge"},   {kToneRole, "tone"},
          {kDealIdRole, "dealId"}, {kSecondaryIdRole, "secondaryId"},
          {kFlagRole, "flag"},     {kAmountRole, "amount"}};
}

void CardListModel::setCards(std::vector<Card> cards) {
  const bool countChanges = cards.size() != cards_.size();
  beginResetModel();
  cards_ = std::move(cards);
  endResetModel();
  if (countChanges) Q_EMIT countChanged();
}

QVariantMap CardListModel::get(int row) const {
  QVariantMap out;
  if (row < 0 || row >= count()) return out;
  const auto roles = roleNames();
  for (auto it = roles.begin(); it != roles.end(); ++it) {
    out.insert(QString::fromUtf8(it.value()), data(index(row), it.key()));
  }
  return out;
}

int CardListModel::indexOf(const QString& id) const {
  for (std::size_t i = 0; i < cards_.size(); ++i) {
    if (cards_[i].id == id) return static_cast<int>(i);
  }
  return -1;
}
