#include "note_touch_commands.h"

#include <optional>
#include <string>

#include "account_commands.h"
#include "change_output.h"
#include "command_tree.h"
#include "flag_values.h"
#include "nextstep/follow_up/notes_touches.h"
#include "nextstep/model/result.h"
#include "nextstep/model/result_try.h"
#include "session.h"

namespace nextstep::cli {
namespace {

struct NoteAddFlags {
  std::optional<std::string> deal;
  std::optional<std::string> account;
  std::optional<std::string> contact;
  std::string text;
  std::optional<std::string> author;
};

struct TouchAddFlags {
  std::optional<std::string> account;
  std::optional<std::string> deal;
  std::optional<std::string> contact;
  std::string kind;
  std::optional<std::string> at;  // ISO instant, or a wall-clock time in the --tz zone
  std::optional<std::string> note;
};

Result<void> addNoteCommand(Session& session, const NoteAddFlags& flags);
Result<void> addTouchCommand(Session& session, const TouchAddFlags& flags);

Result<void> addNoteCommand(Session& session, const NoteAddFlags& flags) {
  if (!flags.deal && !flags.account && !flags.contact) {
    return Error::invalid("a note belongs to something: give --deal, --account or --contact");
  }
  NewNote note;
  note.text = flags.text;
  note.author = flags.author.value_or("");
  note.deal = flags.deal;
  note.contact = flags.contact;
  NEXTSTEP_TRY(auto store, session.store(DatabaseUse::kChange));
  if (flags.account) {
    NEXTSTEP_TRY(auto account, findAccount(*store, *flags.account));
    note.account = account;
  }
  NEXTSTEP_TRY(auto id, addNote(*store, note));
  emit(session, NewId{id});
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
  NEXTSTEP_TRY(auto kind, parseChoice<TouchKind>("--kind", flags.kind));
  touch.kind = kind;
  if (flags.at) {
    NEXTSTEP_TRY(auto at, parseInstant("--at", *flags.at, session.zone()));
    touch.at = at;
  }
  NEXTSTEP_TRY(auto store, session.store(DatabaseUse::kChange));
  if (flags.account) {
    NEXTSTEP_TRY(auto account, findAccount(*store, *flags.account));
    touch.account = account;
  }
  NEXTSTEP_TRY(auto id, logTouch(*store, touch));
  emit(session, NewId{id});
  return {};
}

// The flags of this group's commands, filled by the parser.
struct NoteTouchFlags {
  NoteAddFlags note_add;
  TouchAddFlags touch_add;
};

}  // namespace

void registerNoteAndTouchCommands(CommandTree& tree) {
  NoteTouchFlags& f = tree.keep<NoteTouchFlags>();
  CLI::App* note = tree.group("note", "Notes on a deal, account or contact");
  CLI::App* add = tree.leaf(note, "add", "Add a note; prints its id",
                            [&f](Session& s) { return addNoteCommand(s, f.note_add); });
  flag(add, "--deal", f.note_add.deal, "Deal id or unique prefix", "ID");
  flag(add, "--account", f.note_add.account, "Account id, prefix or name", "ACCOUNT");
  flag(add, "--contact", f.note_add.contact, "Contact id or unique prefix", "ID");
  flag(add, "--text", f.note_add.text, "The note")->required();
  flag(add, "--author", f.note_add.author, "Who wrote it");

  CLI::App* touch = tree.group("touch", "Touches: every customer, at least every cadence");
  CLI::App* log = tree.leaf(touch, "add", "Log a touch; prints its id",
                            [&f](Session& s) { return addTouchCommand(s, f.touch_add); });
  flag(log, "--account", f.touch_add.account, "Account id, prefix or name", "ACCOUNT");
  flag(log, "--deal", f.touch_add.deal, "Deal id or unique prefix", "ID");
  flag(log, "--contact", f.touch_add.contact, "Contact id or unique prefix", "ID");
  flag(log, "--kind", f.touch_add.kind, "What kind of touch",
       "call|email|meeting|message|congratulation|event_invite|visit|other")
      ->required();
  flag(log, "--at", f.touch_add.at,
       "When (default now): ...Z, ...+01:00, or YYYY-MM-DDTHH:MM on the --tz clocks", "TIME");
  flag(log, "--note", f.touch_add.note, "What happened");
}

}  // namespace nextstep::cli
