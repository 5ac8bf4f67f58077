#include "deal_controller.h"

#include "deal_snapshot.h"
#include "display_text.h"
#include "nextstep/follow_up/notes_touches.h"
#include "nextstep/meetings/actions.h"
#include "nextstep/meetings/booking.h"

DealController::DealController(QObject* parent) : StoreController(parent) {}

void DealController::setDealId(const QString& id) {
  if (deal_id_ == id) return;
  deal_id_ = id;
  Q_EMIT dealIdChanged();
  refresh();
}

void DealController::reload(LocalStore& store) {
  const std::string id = deal_id_.toStdString();
  const nextstep::TimeZone zone = store.zone();
  store.read(
      this, [id, zone](nextstep::Store& s) { return readDealSnapshot(s, id, zone); },
      [this, id](const Snapshot& snapshot) {
        if (id == deal_id_.toStdString()) apply(snapshot);
        loadDone();
      });
}

void DealController::apply(const Snapshot& s) {
  if (!s.view) {
    showError(s.view.error());
    return;
  }
  clearError();
  const nextstep::Deal& d = s.view->deal;
  title_ = display::qs(d.title);
  account_name_ = display::qs(d.account_name);
  account_id_ = d.account_id ? display::qs(*d.account_id) : QString();
  stage_ = display::qs(d.stage);
  stage_label_ = display::stage(d.stage);
  value_text_ = display::money(d.value);
  status_ = display::qs(std::string(nextstep::nameOf(d.status)));
  switch (d.status) {
    case nextstep::DealStatus::kOpen:
      status_text_.clear();
      break;
    case nextstep::DealStatus::kWon:
      status_text_ = tr("Won");
      break;
    case nextstep::DealStatus::kLost:
      status_text_ =
          d.lost_reason.empty() ? tr("Lost") : tr("Lost: %1").arg(display::qs(d.lost_reason));
      break;
  }
  compliance_only_ = d.compliance_only;
  latest_kind_ = d.latest_customer_kind ? display::actionKind(*d.latest_customer_kind) : QString();
  next_step_ = s.next_step;
  people_.setCards(s.people);
  actions_.setCards(s.actions);
  timeline_.setCards(s.timeline);
  conflicts_.setCards(s.conflicts);
  Q_EMIT dealChanged();
}

void DealController::restoreConflict(const QString& conflictId) {
  LocalStore* local = store();
  if (local == nullptr) return;
  local->write(
      this,
      [id = conflictId.toStdString()](nextstep::Store& s) {
        return nextstep::sync::ConflictArchive(s).restore(id);
      },
      [this](const nextstep::Result<void>& r) {
        if (!r) {
          showError(r.error());
          return;
        }
        Q_EMIT conflictRestored();
      });
}

void DealController::dismissConflict(const QString& conflictId) {
  LocalStore* local = store();
  if (local == nullptr) return;
  local->write(
      this,
      [id = conflictId.toStdString()](nextstep::Store& s) {
        return nextstep::sync::ConflictArchive(s).dismiss(id);
      },
      [this](const nextstep::Result<void>& r) {
        if (!r) showError(r.error());
      });
}

void DealController::setActionDone(const QString& actionId, bool done) {
  LocalStore* local = store();
  if (local == nullptr) return;
  local->write(
      this,
      [id = actionId.toStdString(), done](nextstep::Store& s) {
        return nextstep::setActionDone(s, id, done);
      },
      [this](const nextstep::Result<void>& r) {
        if (!r) showError(r.error());
      });
}

void DealController::addNote(const QString& text) {
  LocalStore* local = store();
  if (local == nullptr || text.trimmed().isEmpty()) return;
  nextstep::NewNote note;
  note.deal = deal_id_.toStdString();
  note.text = text.trimmed().toStdString();
  local->write(
      this, [note](nextstep::Store& s) { return nextstep::addNote(s, note); },
      [this](const nextstep::Result<std::string>& r) {
        if (!r) showError(r.error());
      });
}

void DealController::cancelMeeting(const QString& meetingId) {
  LocalStore* local = store();
  if (local == nullptr || meetingId.isEmpty()) return;
  local->write(
      this,
      [id = meetingId.toStdString()](nextstep::Store& s) { return nextstep::cancelMeeting(s, id); },
      [this, meetingId](const nextstep::Result<void>& r) {
        if (!r) {
          showError(r.error());
          return;
        }
        clearError();
        Q_EMIT meetingCancelled(meetingId);
      });
}

void DealController::logTouch(const QString& kind, const QString& note) {
  LocalStore* local = store();
  if (local == nullptr) return;
  nextstep::NewTouch touch;
  touch.deal = deal_id_.toStdString();
  touch.kind = nextstep::parseEnum<nextstep::TouchKind>(kind.toStdString())
                   .value_or(nextstep::TouchKind::kOther);
  touch.note = note.toStdString();
  local->write(
      this, [touch](nextstep::Store& s) { return nextstep::logTouch(s, touch); },
      [this](const nextstep::Result<std::string>& r) {
        if (!r) showError(r.error());
      });
}
