#include "pre_call_plan_controller.h"

#include "display_text.h"
#include "nextstep/meetings/booking.h"
#include "nextstep/pipeline/pipeline.h"

namespace {

struct PlanRead {
  nextstep::Result<nextstep::Meeting> meeting;
  nextstep::Result<nextstep::Deal> deal = nextstep::Error{};
};

}  // namespace

PreCallPlanController::PreCallPlanController(QObject* parent) : StoreController(parent) {}

void PreCallPlanController::setMeetingId(const QString& id) {
  if (meeting_id_ == id) return;
  meeting_id_ = id;
  Q_EMIT meetingIdChanged();
  restart();
}

void PreCallPlanController::reload(LocalStore& store) {
  const std::string id = meeting_id_.toStdString();
  const nextstep::TimeZone zone = store.zone();
  store.read(
      this,
      [id](nextstep::Store& s) {
        PlanRead out{nextstep::getMeeting(s, id)};
        if (out.meeting) out.deal = nextstep::getDeal(s, out.meeting->deal_id);
        return out;
      },
      [this, zone](const PlanRead& r) {
        loadDone();
        if (!r.meeting || !r.deal) {
          showError(!r.meeting ? r.meeting.error() : r.deal.error());
          return;
        }
        clearError();
        title_ = display::qs(r.deal->account_name.empty()
                                 ? r.deal->title
                                 : r.deal->account_name + " · " + r.deal->title);
        when_text_ = display::dayAndTime(r.meeting->start, zone);
        goal_ = display::qs(r.meeting->goal);
        // What the rep is typing is kept when sync or another process writes meanwhile.
        if (takeStartOver()) {
          primary_ = display::qs(r.meeting->plan_primary);
          backup_ = display::qs(r.meeting->plan_backup);
          asks_ = display::qs(r.meeting->plan_asks);
        }
        Q_EMIT planChanged();
      });
}

void PreCallPlanController::setPrimary(const QString& v) {
  if (primary_ == v) return;
  primary_ = v;
  Q_EMIT planChanged();
}

void PreCallPlanController::setBackup(const QString& v) {
  if (backup_ == v) return;
  backup_ = v;
  Q_EMIT planChanged();
}

void PreCallPlanController::setAsks(const QString& v) {
  if (asks_ == v) return;
  asks_ = v;
  Q_EMIT planChanged();
}

void PreCallPlanController::save() {
  LocalStore* local = store();
  if (local == nullptr || saving_) return;
  const nextstep::PreCallPlan plan{primary_.trimmed().toStdString(),
                                   backup_.trimmed().toStdString(), asks_.trimmed().toStdString()};
  saving_ = true;
  Q_EMIT savingChanged();
  local->write(
      this,
      [id = meeting_id_.toStdString(), plan](nextstep::Store& s) {
        return nextstep::planMeeting(s, id, plan);
      },
      [this](const nextstep::Result<void>& r) {
        saving_ = false;
        Q_EMIT savingChanged();
        if (!r) {
          showError(r.error());
          return;
        }
        clearError();
        Q_EMIT saved();
      });
}
