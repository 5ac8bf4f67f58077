#include "deal_stage_controller.h"

#include "display_text.h"
#include "nextstep/pipeline/pipeline.h"
#include "nextstep/pipeline/team_settings.h"

namespace {

struct StageRead {
  nextstep::Result<nextstep::Deal> deal;
  nextstep::Result<nextstep::TeamSettings> settings;
};

std::optional<nextstep::DealStatus> statusNamed(const QString& name) {
  return nextstep::parseEnum<nextstep::DealStatus>(name.toStdString());
}

}  // namespace

DealStageController::DealStageController(QObject* parent) : StoreController(parent) {}

void DealStageController::setDealId(const QString& id) {
  if (deal_id_ == id) return;
  deal_id_ = id;
  current_index_ = chosen_index_ = -1;
  Q_EMIT dealIdChanged();
  restart();
}

void DealStageController::reload(LocalStore& store) {
  store.read(
      this,
      [id = deal_id_.toStdString()](nextstep::Store& s) {
        return StageRead{nextstep::getDeal(s, id), nextstep::teamSettings(s)};
      },
      [this](const StageRead& r) {
        loadDone();
        if (!r.deal || !r.settings) {
          showError(!r.deal ? r.deal.error() : r.settings.error());
          return;
        }
        title_ = display::qs(r.deal->title);
        stages_.clear();
        stage_keys_.clear();
        for (const std::string& st : r.settings->stages) {
          stage_keys_ << display::qs(st);
          stages_ << display::stage(st);
        }
        // A stage the ladder no longer has (renamed by the team) is shown as it is.
        current_index_ = stage_keys_.indexOf(display::qs(r.deal->stage));
        if (current_index_ < 0) {
          stage_keys_ << display::qs(r.deal->stage);
          stages_ << display::stage(r.deal->stage);
          current_index_ = stages_.size() - 1;
        }
        status_ = display::qs(std::string(nextstep::nameOf(r.deal->status)));
        stored_lost_reason_ = display::qs(r.deal->lost_reason);
        // Opened afresh, the form starts from what is stored; later reloads (sync, another
        // process) keep what the rep has chosen.
        if (takeStartOver()) {
          chosen_index_ = current_index_;
          outcome_ = status_;
          lost_reason_ = stored_lost_reason_;
        }
        Q_EMIT loadedDeal();
        Q_EMIT formChanged();
      });
}

void DealStageController::setChosenIndex(int i) {
  if (chosen_index_ == i || i < 0 || i >= stages_.size()) return;
  chosen_index_ = i;
  Q_EMIT formChanged();
}

void DealStageController::setOutcome(const QString& outcome) {
  if (outcome_ == outcome || !statusNamed(outcome)) return;
  outcome_ = outcome;
  Q_EMIT formChanged();
}

void DealStageController::setLostReason(const QString& reason) {
  if (lost_reason_ == reason) return;
  lost_reason_ = reason;
  Q_EMIT formChanged();
}

QString DealStageController::moveText() const {
  if (chosen_index_ < 0 || current_index_ < 0 || chosen_index_ == current_index_) return {};
  const int step = chosen_index_ - current_index_;
  if (step == 1) return tr("Up one rung, to %1.").arg(stages_[chosen_index_]);
  if (step > 1) {
    const QString skipped = step == 2 ? tr("one rung") : tr("%1 rungs").arg(step - 1);
    return tr("Skips %1 to %2: right when the customer is ready for it.")
        .arg(skipped, stages_[chosen_index_]);
  }
  return tr("Back to %1, an earlier rung.").arg(stages_[chosen_index_]);
}

bool DealStageController::changed() const {
  return chosen_index_ != current_index_ || outcome_ != status_ ||
         (outcome_ == QStringLiteral("lost") && lost_reason_.trimmed() != stored_lost_reason_);
}

QString DealStageController::whyNot() const {
  if (saving_ || !loaded()) return {};
  if (outcome_ == QStringLiteral("lost") && lost_reason_.trimmed().isEmpty())
    return tr("Say why it was lost: the team learns from it");
  if (!changed()) return tr("Pick another rung or outcome to save");
  return {};
}

void DealStageController::save() {
  LocalStore* local = store();
  if (local == nullptr || !whyNot().isEmpty() || !loaded()) return;
  nextstep::DealChanges c;
  if (chosen_index_ != current_index_) c.stage = stage_keys_[chosen_index_].toStdString();
  if (outcome_ != status_) c.status = statusNamed(outcome_);
  if (outcome_ == QStringLiteral("lost")) c.lost_reason = lost_reason_.trimmed().toStdString();
  saving_ = true;
  Q_EMIT savingChanged();
  Q_EMIT formChanged();
  local->write(
      this,
      [id = deal_id_.toStdString(), c](nextstep::Store& s) {
        return nextstep::changeDeal(s, id, c);
      },
      [this](const nextstep::Result<void>& done) {
        saving_ = false;
        Q_EMIT savingChanged();
        Q_EMIT formChanged();
        if (!done) {
          showError(done.error());
          return;
        }
        clearError();
        Q_EMIT saved();
      });
}
