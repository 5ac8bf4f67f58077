// One deal's page: the next step on top, the people with their roles, who does what (commitment
// or compliance), the timeline, upcoming meetings, and the conflicts sync resolved for this deal,
// each with the value that lost and a way to restore it.
#pragma once

#include <QString>
#include <QVariantMap>

#include "card_list_model.h"
#include "store_controller.h"

class DealController : public StoreController {
  Q_OBJECT
  QML_ELEMENT
  Q_PROPERTY(QString dealId READ dealId WRITE setDealId NOTIFY dealIdChanged)
  Q_PROPERTY(QString title READ title NOTIFY dealChanged)
  Q_PROPERTY(QString accountName READ accountName NOTIFY dealChanged)
  Q_PROPERTY(QString accountId READ accountId NOTIFY dealChanged)
  Q_PROPERTY(QString stage READ stage NOTIFY dealChanged)
  Q_PROPERTY(QString stageLabel READ stageLabel NOTIFY dealChanged)
  Q_PROPERTY(QString valueText READ valueText NOTIFY dealChanged)
  Q_PROPERTY(QString status READ status NOTIFY dealChanged)
  // "Won", or "Lost: why"; empty while the deal is open.
  Q_PROPERTY(QString statusText READ statusText NOTIFY dealChanged)
  Q_PROPERTY(bool complianceOnly READ complianceOnly NOTIFY dealChanged)
  Q_PROPERTY(QString latestKind READ latestKind NOTIFY dealChanged)
  Q_PROPERTY(bool hasNextStep READ hasNextStep NOTIFY dealChanged)
  // {meetingId, when, relative, place, goal, agenda, duration, attendees, planPrimary,
  //  planBackup, planAsks, inProgress}
  Q_PROPERTY(QVariantMap nextStep READ nextStep NOTIFY dealChanged)
  Q_PROPERTY(CardListModel* people READ people CONSTANT)
  Q_PROPERTY(CardListModel* actions READ actions CONSTANT)
  Q_PROPERTY(CardListModel* timeline READ timeline CONSTANT)
  Q_PROPERTY(CardListModel* conflicts READ conflicts CONSTANT)

 public:
  explicit DealController(QObject* parent = nullptr);

  QString dealId() const { return deal_id_; }
  void setDealId(const QString& id);
  QString title() const { return title_; }
  QString accountName() const { return account_name_; }
  QString accountId() const { return account_id_; }
  QString stage() const { return stage_; }
  QString stageLabel() const { return stage_label_; }
  QString valueText() const { return value_text_; }
  QString status() const { return status_; }
  QString statusText() const { return status_text_; }
  bool complianceOnly() const { return compliance_only_; }
  QString latestKind() const { return latest_kind_; }
  bool hasNextStep() const { return !next_step_.isEmpty(); }
  QVariantMap nextStep() const { return next_step_; }
  CardListModel* people() { return &people_; }
  CardListModel* actions() { return &actions_; }
  CardListModel* timeline() { return &timeline_; }
  CardListModel* conflicts() { return &conflicts_; }

  Q_INVOKABLE void restoreConflict(const QString& conflictId);
  Q_INVOKABLE void dismissConflict(const QString& conflictId);
  Q_INVOKABLE void setActionDone(const QString& actionId, bool done);
  Q_INVOKABLE void addNote(const QString& text);
  Q_INVOKABLE void logTouch(const QString& kind, const QString& note);
  // Cancels a planned meeting; the customer's cancellation is MeetingMessages' to send.
  Q_INVOKABLE void cancelMeeting(const QString& meetingId);

  struct Snapshot;

 Q_SIGNALS:
  void dealIdChanged();
  void dealChanged();
  void conflictRestored();
  void meetingCancelled(const QString& meetingId);

 protected:
  void reload(LocalStore& store) override;
  bool ready() const override { return !deal_id_.isEmpty(); }

 private:
  void apply(const Snapshot& snapshot);

  QString deal_id_, title_, account_name_, account_id_, stage_, stage_label_, value_text_, status_,
      status_text_, latest_kind_;
  bool compliance_only_ = false;
  QVariantMap next_step_;
  CardListModel people_, actions_, timeline_, conflicts_;
};
