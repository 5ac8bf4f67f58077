#include "call_close_controller.h"

#include "deal_person.h"
#include "display_text.h"
#include "nextstep/meetings/action_classifier.h"
#include "nextstep/meetings/booking.h"
#include "nextstep/meetings/call_close.h"
#include "nextstep/pipeline/deal_view.h"

namespace {

using display::qs;

struct MeetingAtTable {
  nextstep::Result<nextstep::Meeting> meeting;
  nextstep::Result<nextstep::DealView> deal = nextstep::Error{};
  nextstep::CivilDate today;
};

nextstep::ActionOwner ownerOf(const QString& owner) {
  return owner == QLatin1String("rep") ? nextstep::ActionOwner::kRep
                                       : nextstep::ActionOwner::kCustomer;
}

std::optional<nextstep::CivilDate> dateOf(const QString& iso) {
  if (iso.isEmpty()) return std::nullopt;
  auto d = nextstep::CivilDate::parse(iso.toStdString());
  if (!d) return std::nullopt;
  return *d;
}

}  // namespace

CallCloseController::CallCloseController(QObject* parent) : StoreController(parent) {}

void CallCloseController::setMeetingId(const QString& id) {
  if (meeting_id_ == id) return;
  meeting_id_ = id;
  resetAnswers();
  Q_EMIT meetingIdChanged();
  refresh();
}

void CallCloseController::resetAnswers() {
  recap_.clear();
  result_.clear();
  no_reason_.clear();
  reason_text_.clear();
  probe_answers_.clear();
  follow_up_.clear();
  objective_met_.clear();
  what_next_.clear();
  approvers_.clear();
  approve_by_.clear();
  temperature_.clear();
  added_.clear();
  action_list_.clear();
  showActions();
  Q_EMIT answersChanged();
}

void CallCloseController::reload(LocalStore& store) {
  const std::string id = meeting_id_.toStdString();
  const nextstep::TimeZone zone = store.zone();
  store.read(
      this,
      [id, zone](nextstep::Store& s) {
        MeetingAtTable out{nextstep::getMeeting(s, id), nextstep::Error{},
                           zone.toLocal(s.now()).date};
        if (out.meeting) out.deal = nextstep::dealView(s, out.meeting->deal_id);
        return out;
      },
      [this, zone](const MeetingAtTable& t) {
        loadDone();
        if (!t.meeting || !t.deal) {
          showError(!t.meeting ? t.meeting.error() : t.deal.error());
          return;
        }
        clearError();
        const auto& m = *t.meeting;
        const auto& d = t.deal->deal;
        deal_id_ = qs(d.id);
        title_ = qs(d.account_name.empty() ? d.title : d.account_name + " · " + d.title);
        when_text_ = display::dayAndTime(m.start, zone);
        plan_primary_ = qs(m.plan_primary);
        plan_backup_ = qs(m.plan_backup);
        plan_asks_ = qs(m.plan_asks);
        // Rule 3 asks each decision maker present; with nobody recorded as present, the deal's.
        decision_makers_.clear();
        for (const bool presentOnly : {true, false}) {
          for (const auto& p : t.deal->people) {
            const bool present = std::find(m.attendee_ids.begin(), m.attendee_ids.end(), p.id) !=
                                     m.attendee_ids.end() ||
                                 added_.contains(qs(p.id));
            if (p.role != nextstep::ContactRole::kDecisionMaker || (presentOnly && !present)) {
              continue;
            }
            decision_makers_.append(
                QVariantMap{{"id", qs(p.id)}, {"name", qs(p.name)}, {"title", qs(p.title)}});
          }
          if (!decision_makers_.isEmpty()) break;
        }
        date_choices_.clear();
        const std::pair<int, const char*> choices[] = {{7, QT_TR_NOOP("In a week")},
                                                       {14, QT_TR_NOOP("In two weeks")},
                                                       {30, QT_TR_NOOP("In a month")},
                                                       {91, QT_TR_NOOP("Next quarter")}};
        for (const auto& [days, label] : choices) {
          const auto day = t.today.plusDays(days);
          date_choices_.append(QVariantMap{
              {"label", tr(label)}, {"date", qs(day.iso())}, {"text", display::date(day)}});
        }
        Q_EMIT meetingChanged();
        Q_EMIT answersChanged();
      });
}

void CallCloseController::addPerson(const QString& name, const QString& email,
                                    const QString& role) {
  if (store() == nullptr || name.trimmed().isEmpty() || deal_id_.isEmpty()) return;
  writeOrShowError(deal_person::addJob(deal_id_, name, email, role),
                   [this](const std::string& contact) {
                     // The store's change notice reloads the deal's people; a decision maker
                     // added here is at the table and gets the temperature check (rule 3).
                     added_.insert(qs(contact));
                     Q_EMIT personAdded(qs(contact));
                   });
}

void CallCloseController::set(QString& field, const QString& value) {
  if (field == value) return;
  field = value;
  Q_EMIT answersChanged();
}

void CallCloseController::setResult(const QString& v) {
  if (result_ == v) return;
  result_ = v;
  if (v != QLatin1String("no")) no_reason_.clear();
  Q_EMIT answersChanged();
}

QString CallCloseController::followUpText() const {
  const auto d = dateOf(follow_up_);
  return d ? display::date(*d) : QString();
}

QString CallCloseController::missing() const {
  if (result_.isEmpty()) return tr("Choose Yes, No or Maybe.");
  if (result_ == QLatin1String("no") && no_reason_.isEmpty()) {
    return tr("A No needs its reason: it shapes the follow-up.");
  }
  if (result_ == QLatin1String("maybe") && !dateOf(follow_up_)) {
    return tr("A Maybe needs a date that means something.");
  }
  return {};
}

void CallCloseController::setTemperature(const QString& contactId, const QString& mostInteresting,
                                         const QString& toClarify, const QString& ready) {
  temperature_[contactId] = {mostInteresting, toClarify, ready};
  Q_EMIT answersChanged();
}

QVariantMap CallCloseController::temperatureOf(const QString& contactId) const {
  auto it = temperature_.find(contactId);
  if (it == temperature_.end()) return {};
  return {{"mostInteresting", it->second.most_interesting},
          {"toClarify", it->second.to_clarify},
          {"ready", it->second.ready}};
}

QString CallCloseController::classify(const QString& owner, const QString& text) const {
  const auto c = nextstep::classifyAction(ownerOf(owner), text.toStdString());
  return qs(std::string(nextstep::nameOf(c.kind)));
}

void CallCloseController::addAction(const QString& owner, const QString& text, const QString& due) {
  if (text.trimmed().isEmpty()) return;
  action_list_.push_back({owner, text.trimmed(), due});
  showActions();
  Q_EMIT answersChanged();
}

void CallCloseController::removeAction(int row) {
  if (row < 0 || row >= static_cast<int>(action_list_.size())) return;
  action_list_.erase(action_list_.begin() + row);
  showActions();
  Q_EMIT answersChanged();
}

void CallCloseController::showActions() {
  std::vector<Card> cards;
  for (const auto& a : action_list_) {
    const auto c = nextstep::classifyAction(ownerOf(a.owner), a.text.toStdString());
    Card card;
    card.title = a.text;
    card.kind = qs(std::string(nextstep::nameOf(c.kind)));
    card.badge = display::actionKind(c.kind);
    card.subtitle = a.owner == QLatin1String("rep") ? tr("You do") : tr("Customer does");
    card.detail = qs(std::string(c.label));
    card.tone = c.kind == nextstep::ActionKind::kCommitment   ? QStringLiteral("good")
                : c.kind == nextstep::ActionKind::kCompliance ? QStringLiteral("warning")
                                                              : QStringLiteral("neutral");
    if (auto d = dateOf(a.due)) card.when = display::date(*d);
    cards.push_back(card);
  }
  actions_.setCards(std::move(cards));
}

void CallCloseController::close() {
  LocalStore* local = store();
  if (!canClose() || local == nullptr) return;
  nextstep::CallClose c;
  c.meeting = meeting_id_.toStdString();
  c.result = nextstep::parseEnum<nextstep::OutcomeResult>(result_.toStdString())
                 .value_or(nextstep::OutcomeResult::kMaybe);
  c.no_reason = nextstep::parseEnum<nextstep::NoReason>(no_reason_.toStdString());
  c.reason_text = reason_text_.toStdString();
  c.probe_answers = probe_answers_.toStdString();
  c.follow_up = dateOf(follow_up_);
  c.objective_met = nextstep::parseEnum<nextstep::ObjectiveMet>(objective_met_.toStdString());
  c.recap = recap_.toStdString();
  c.what_next = what_next_.toStdString();
  c.approvers = approvers_.toStdString();
  c.approve_by = dateOf(approve_by_);
  for (const auto& [contact, answer] : temperature_) {
    c.temperature.push_back({contact.toStdString(), answer.most_interesting.toStdString(),
                             answer.to_clarify.toStdString(),
                             nextstep::parseEnum<nextstep::Readiness>(answer.ready.toStdString())
                                 .value_or(nextstep::Readiness::kUnsure)});
  }
  for (const auto& a : action_list_) {
    c.actions.push_back({ownerOf(a.owner), a.text.toStdString(), dateOf(a.due), std::nullopt});
  }
  closing_ = true;
  Q_EMIT closingChanged();
  Q_EMIT answersChanged();
  local->write(
      this, [c](nextstep::Store& s) { return nextstep::closeCall(s, c); },
      [this](const nextstep::Result<nextstep::CallCloseResult>& r) {
        closing_ = false;
        Q_EMIT closingChanged();
        Q_EMIT answersChanged();
        if (!r) {
          showError(r.error());
          return;
        }
        clearError();
        Q_EMIT closed(deal_id_, display::stage(r->deal_stage));
      });
}
