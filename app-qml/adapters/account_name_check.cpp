#include "account_name_check.h"

#include "display_text.h"
#include "nextstep/pipeline/pipeline.h"
#include "nextstep/pipeline/typed_names.h"

AccountNameCheck::AccountNameCheck(QObject* parent) : StoreController(parent) {}

void AccountNameCheck::setName(const QString& name) {
  if (name_ == name) return;
  name_ = name;
  Q_EMIT nameChanged();
  if (name_.trimmed().isEmpty()) {
    show({}, {}, {}, false);
  } else {
    refresh();
    Q_EMIT checked();  // no longer current
  }
}

void AccountNameCheck::setOwnId(const QString& id) {
  if (own_id_ == id) return;
  own_id_ = id;
  Q_EMIT nameChanged();
  refresh();
}

void AccountNameCheck::show(const QString& typed, const QString& id, const QString& name,
                            bool exact) {
  checked_name_ = typed;
  match_id_ = id;
  match_name_ = name;
  exact_ = exact;
  Q_EMIT checked();
}

void AccountNameCheck::reload(LocalStore& store) {
  const QString typed = name_.trimmed();
  store.read(
      this,
      [name = typed.toStdString()](nextstep::Store& s) { return nextstep::accountNamed(s, name); },
      [this, typed](const nextstep::Result<std::optional<nextstep::AccountMatch>>& r) {
        loadDone();
        if (!r) {
          showError(r.error());
          return;
        }
        clearError();
        const auto& m = *r;
        if (!m || display::qs(m->id) == own_id_) {
          show(typed, {}, {}, false);
        } else {
          show(typed, display::qs(m->id), display::qs(m->name), m->exact);
        }
      });
}
