#include "form_controller.h"

void FormController::beginSave() {
  saving_ = true;
  Q_EMIT savingChanged();
  Q_EMIT formChanged();
}

void FormController::endSave(const nextstep::Result<void>& done, const QString& id) {
  finish(done ? nullptr : &done.error(), id);
}

void FormController::endSave(const nextstep::Result<std::string>& created) {
  finish(created ? nullptr : &created.error(),
         created ? QString::fromStdString(*created) : QString());
}

void FormController::finish(const nextstep::Error* error, const QString& id) {
  saving_ = false;
  Q_EMIT savingChanged();
  Q_EMIT formChanged();
  if (error != nullptr) {
    showError(*error);
    return;
  }
  clearError();
  Q_EMIT saved(id);
}
