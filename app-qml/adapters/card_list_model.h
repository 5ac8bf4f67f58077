// A short list of rows shown as cards (today's meetings, a deal's people, search hits, conflicts):
// each row already in the words the screen shows. Filled by a controller from a core query.
#pragma once

#include <QtQml/qqmlregistration.h>
#include <QAbstractListModel>
#include <QString>
#include <QVariantMap>

#include <vector>

struct Card {
  QString id;    // the record the row is about
  QString kind;  // what kind of record or entry: meeting, note, commitment...
  QString title;
  QString subtitle;
  QString detail;
  QString when;         // a time or date, already formatted
  QString badge;        // a short label: a role, a stage, a class
  QString tone;         // neutral | good | warning | danger | info
  QString dealId;       // where tapping the row leads
  QString secondaryId;  // a second record (the meeting of an action, the contact of a hit)
  bool flag = false;    // done, selected, in progress: meaning depends on the list
  double amount = 0;    // a number to draw
};

class CardListModel : public QAbstractListModel {
  Q_OBJECT
  QML_ELEMENT
  QML_UNCREATABLE("Filled by controllers")
  Q_PROPERTY(int count READ count NOTIFY countChanged)

 public:
  enum Role {
    kIdRole = Qt::UserRole + 1,
    kKindRole,
    kTitleRole,
    kSubtitleRole,
    kDetailRole,
    kWhenRole,
    kBadgeRole,
    kToneRole,
    kDealIdRole,
    kSecondaryIdRole,
    kFlagRole,
    kAmountRole,
  };
  Q_ENUM(Role)

  explicit CardListModel(QObject* parent = nullptr);

  int rowCount(const QModelIndex& parent = {}) const override;
  QVariant data(const QModelIndex& index, int role) const override;
  QHash<int, QByteArray> roleNames() const override;

  int count() const { return static_cast<int>(cards_.size()); }
  void setCards(std::vector<Card> cards);
  const std::vector<Card>& cards() const { return cards_; }

  // The row as a map of role names, for a sheet that opens from it.
  Q_INVOKABLE [[nodiscard]] QVariantMap get(int row) const;
  Q_INVOKABLE [[nodiscard]] int indexOf(const QString& id) const;

 Q_SIGNALS:
  void countChanged();

 private:
  std::vector<Card> cards_;
};
