#include "action_commands.h"

#include "flag_values.h"
#include "nextstep/meetings/actions.h"
#include "nextstep/pipeline/pipeline.h"

namespace nextstep::cli {

Result<void> addActionCommand(Session& session, const ActionAddFlags& flags) {
  NewAction action;
  action.deal = flags.deal;
  action.meeting = flags.meeting;
  action.text = flags.text;
  auto owner = parseChoice<ActionOwner>("--owner", flags.owner);
  if (!owner) return owner.error();
  action.owner = *owner;
  if (flags.due) {
    auto due = parseDate("--due", *flags.due, session.today());
    if (!due) return due.error();
    action.due = *due;
  }
  if (flags.kind) {
    auto kind = parseChoice<ActionKind>("--kind", *flags.kind);
    if (!kind) return kind.error();
    action.kind = *kind;
  }
  auto store = session.store(DatabaseUse::kChange);
  if (!store) return store.error();
  auto id = addAction(**store, action);
  if (!id) return id.error();
  session.printer().newId(*id);
  return {};
}

Result<void> showActionCommand(Session& session, const std::string& id) {
  auto store = session.store(DatabaseUse::kRead);
  if (!store) return store.error();
  auto action = getAction(**store, id);
  if (!action) return action.error();
  session.printer().action(*action);
  return {};
}

Result<void> setActionDoneCommand(Session& session, const std::string& id, bool done) {
  auto store = session.store(DatabaseUse::kChange);
  if (!store) return store.error();
  auto action = getAction(**store, id);
  if (!action) return action.error();
  if (auto set = setActionDone(**store, action->id, done); !set) return set.error();
  session.printer().changed(Change{"action", action->id, done ? "done" : "reopened",
                                   std::string(done ? "Done: " : "Open again: ") + action->text});
  return {};
}

Result<void> reclassifyActionCommand(Session& session, const std::string& id,
                                     const std::string& kind) {
  auto parsed = parseChoice<ActionKind>("kind", kind);
  if (!parsed) return parsed.error();
  auto store = session.store(DatabaseUse::kChange);
  if (!store) return store.error();
  auto action = getAction(**store, id);
  if (!action) return action.error();
  if (auto set = reclassifyAction(**store, action->id, *parsed); !set) return set.error();
  session.printer().changed(
      Change{"action", action->id, "reclassified",
             "'" + action->text + "' is now " + std::string(nameOf(*parsed)) + "."});
  return {};
}

}  // namespace nextstep::cli
