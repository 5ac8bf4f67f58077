#include "note_touch_commands.h"

#include "account_commands.h"
#include "flag_values.h"
#include "nextstep/follow_up/notes_touches.h"

namespace nextstep::cli {

Result<void> addNoteCommand(Session& session, const NoteAddFlags& flags) {
  if (!flags.deal && !flags.account && !flags.contact) {
    return Error::invalid("a note belongs to something: give --deal, --account or --contact");
  }
  NewNote note;
  note.text = flags.text;
  note.author = flags.author.value_or("");
  note.deal = flags.deal;
  note.contact = flags.contact;
  auto store = session.store(DatabaseUse::kChange);
  if (!store) return store.error();
  if (flags.account) {
    auto account = findAccount(**store, *flags.account);
    if (!account) return account.error();
    note.account = *account;
  }
  auto id = addNote(**store, note);
  if (!id) return id.error();
  session.printer().newId(*id);
  return {};
}

Result<void> addTouchCommand(Session& session, const TouchAddFlags& flags) {
  if (!flags.deal && !flags.account && !flags.contact) {
    return Error::invalid("a touch is with a customer: give --account, --deal or --contact");
  }
  NewTouch touch;
  touch.deal = flags.deal;
  touch.contact = flags.contact;
  touch.note = flags.note.value_or("");
  auto kind = parseChoice<TouchKind>("--kind", flags.kind);
  if (!kind) return kind.error();
  touch.kind = *kind;
  if (flags.at) {
    auto at = parseInstant("--at", *flags.at, session.zone());
    if (!at) return at.error();
    touch.at = *at;
  }
  auto store = session.store(DatabaseUse::kChange);
  if (!store) return store.error();
  if (flags.account) {
    auto account = findAccount(**store, *flags.account);
    if (!account) return account.error();
    touch.account = *account;
  }
  auto id = logTouch(**store, touch);
  if (!id) return id.error();
  session.printer().newId(*id);
  return {};
}

}  // namespace nextstep::cli
