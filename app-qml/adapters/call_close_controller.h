// Closing the call (rules 3, 5, 6, 7 and 12) from a meeting in progress: recap, a temperature
// check per decision maker present, Yes/No/Maybe with its probing questions, commitments asked
// and given (classed by the core as the rep types), the customer's own close, then booking.
#pragma once

#include <QSet>
#include <QString>
#include <QVariantList>
#include <QVariantMap>

#include <map>

#include "card_list_model.h"
#include "store_controller.h"

class CallCloseController : public StoreController {
  Q_OBJECT
  QML_ELEMENT
  Q_PROPERTY(QString meetingId READ meetingId WRITE setMeetingId NOTIFY meetingIdChanged)
  Q_PROPERTY(QString dealId READ dealId NOTIFY meetingChanged)
  Q_PROPERTY(QString title READ title NOTIFY meetingChanged)
  Q_PROPERTY(QString whenText READ whenText NOTIFY meetingChanged)
  Q_PROPERTY(QString planPrimary READ planPrimary NOTIFY meetingChanged)
  Q_PROPERTY(QString planBackup READ planBackup NOTIFY meetingChanged)
  Q_PROPERTY(QString planAsks READ planAsks NOTIFY meetingChanged)
  // [{id, name, title}]: the decision makers at the table (rule 3)
  Q_PROPERTY(QVariantList decisionMakers READ decisionMakers NOTIFY meetingChanged)
  Q_PROPERTY(QString recap READ recap WRITE setRecap NOTIFY answersChanged)
  Q_PROPERTY(QString result READ result WRITE setResult NOTIFY answersChanged)
  Q_PROPERTY(QString noReason READ noReason WRITE setNoReason NOTIFY answersChanged)
  Q_PROPERTY(QString reasonText READ reasonText WRITE setReasonText NOTIFY answersChanged)
  Q_PROPERTY(QString probeAnswers READ probeAnswers WRITE setProbeAnswers NOTIFY answersChanged)
  Q_PROPERTY(QString followUp READ followUp WRITE setFollowUp NOTIFY answersChanged)
  Q_PROPERTY(QString followUpText READ followUpText NOTIFY answersChanged)
  Q_PROPERTY(QString objectiveMet READ objectiveMet WRITE setObjectiveMet NOTIFY answersChanged)
  Q_PROPERTY(QString whatNext READ whatNext WRITE setWhatNext NOTIFY answersChanged)
  Q_PROPERTY(QString approvers READ approvers WRITE setApprovers NOTIFY answersChanged)
  Q_PROPERTY(QString approveBy READ approveBy WRITE setApproveBy NOTIFY answersChanged)
  Q_PROPERTY(CardListModel* actions READ actions CONSTANT)
  // [{label, date}]: a week, two weeks, a month from today, for the Maybe's date
  Q_PROPERTY(QVariantList dateChoices READ dateChoices NOTIFY meetingChanged)
  Q_PROPERTY(bool canClose READ canClose NOTIFY answersChanged)
  Q_PROPERTY(QString missing READ missing NOTIFY answersChanged)
  Q_PROPERTY(bool closing READ closing NOTIFY closingChanged)

 public:
  explicit CallCloseController(QObject* parent = nullptr);

  QString meetingId() const { return meeting_id_; }
  void setMeetingId(const QString& id);
  QString dealId() const { return deal_id_; }
  QString title() const { return title_; }
  QString whenText() const { return when_text_; }
  QString planPrimary() const { return plan_primary_; }
  QString planBackup() const { return plan_backup_; }
  QString planAsks() const { return plan_asks_; }
  QVariantList decisionMakers() const { return decision_makers_; }
  QString recap() const { return recap_; }
  void setRecap(const QString& v) { set(recap_, v); }
  QString result() const { return result_; }
  void setResult(const QString& v);
  QString noReason() const { return no_reason_; }
  void setNoReason(const QString& v) { set(no_reason_, v); }
  QString reasonText() const { return reason_text_; }
  void setReasonText(const QString& v) { set(reason_text_, v); }
  QString probeAnswers() const { return probe_answers_; }
  void setProbeAnswers(const QString& v) { set(probe_answers_, v); }
  QString followUp() const { return follow_up_; }
  void setFollowUp(const QString& v) { set(follow_up_, v); }
  QString followUpText() const;
  QString objectiveMet() const { return objective_met_; }
  void setObjectiveMet(const QString& v) { set(objective_met_, v); }
  QString whatNext() const { return what_next_; }
  void setWhatNext(const QString& v) { set(what_next_, v); }
  QString approvers() const { return approvers_; }
  void setApprovers(const QString& v) { set(approvers_, v); }
  QString approveBy() const { return approve_by_; }
  void setApproveBy(const QString& v) { set(approve_by_, v); }
  CardListModel* actions() { return &actions_; }
  QVariantList dateChoices() const { return date_choices_; }
  bool canClose() const { return missing().isEmpty() && !closing_; }
  QString missing() const;
  bool closing() const { return closing_; }

  // Rule 3's three questions for one decision maker; ready is yes | no | unsure.
  Q_INVOKABLE void setTemperature(const QString& contactId, const QString& mostInteresting,
                                  const QString& toClarify, const QString& ready);
  Q_INVOKABLE [[nodiscard]] QVariantMap temperatureOf(const QString& contactId) const;
  // A commitment asked or given: owner is customer | rep; the core classes the text.
  Q_INVOKABLE void addAction(const QString& owner, const QString& text, const QString& due);
  Q_INVOKABLE void removeAction(int row);
  // What the core would class this customer action as, while the rep types.
  Q_INVOKABLE [[nodiscard]] QString classify(const QString& owner, const QString& text) const;
  // Someone new met at the table: a contact at the deal's account (as booking adds them).
  Q_INVOKABLE void addPerson(const QString& name, const QString& email, const QString& role);
  Q_INVOKABLE void close();
  // Starts the form afresh (the sheet opens again on the same meeting).
  Q_INVOKABLE void clearAnswers() { resetAnswers(); }

 Q_SIGNALS:
  void meetingIdChanged();
  void meetingChanged();
  void answersChanged();
  void closingChanged();
  void closed(const QString& dealId, const QString& stageLabel);
  void personAdded(const QString& contactId);

 protected:
  void reload(LocalStore& store) override;
  bool ready() const override { return !meeting_id_.isEmpty(); }

 private:
  void set(QString& field, const QString& value);
  void resetAnswers();

  QString meeting_id_, deal_id_, title_, when_text_, plan_primary_, plan_backup_, plan_asks_;
  QVariantList decision_makers_, date_choices_;
  QString recap_, result_, no_reason_, reason_text_, probe_answers_, follow_up_, objective_met_,
      what_next_, approvers_, approve_by_;
  struct Temperature {
    QString most_interesting, to_clarify, ready;
  };
  std::map<QString, Temperature> temperature_;
  QSet<QString> added_;  // people the rep added at the table: they are present
  struct Action {
    QString owner, text, due;
  };
  std::vector<Action> action_list_;
  CardListModel actions_;
  bool closing_ = false;
  void showActions();
};
