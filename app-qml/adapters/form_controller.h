// The common part of the forms that write a record (an account, a contact, a deal): saving while
// the write runs, the core's refusal in words, and saved() with the record's id when it is in.
#pragma once

#include <QString>

#include "store_controller.h"

class FormController : public StoreController {
  Q_OBJECT
  QML_ANONYMOUS
  Q_PROPERTY(bool saving READ saving NOTIFY savingChanged)

 public:
  using StoreController::StoreController;
  bool saving() const { return saving_; }

 Q_SIGNALS:
  void formChanged();
  void savingChanged();
  void saved(const QString& id);

 protected:
  // The write of the record with this id (empty: its new id comes with the result) has started.
  void beginSave();
  void endSave(const nextstep::Result<void>& done, const QString& id);
  void endSave(const nextstep::Result<std::string>& created);

 private:
  void finish(const nextstep::Error* error, const QString& id);

  bool saving_ = false;
};
