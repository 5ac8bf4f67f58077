#include "action_commands.h"

#include <optional>
#include <string>

#include "change_output.h"
#include "command_tree.h"
#include "flag_values.h"
#include "meeting_output.h"
#include "nextstep/meetings/actions.h"
#include "nextstep/model/result.h"
#include "nextstep/model/result_try.h"
#include "nextstep/pipeline/pipeline.h"
#include "session.h"

namespace nextstep::cli {
namespace {

struct ActionAddFlags {
  std::string deal;
  std::string owner;  // rep|customer
  std::string text;
  std::optional<std::string> due;
  std::optional<std::string> kind;  // default: classified from the text
  std::optional<std::string> meeting;
};

Result<void> addActionCommand(Session& session, const ActionAddFlags& flags);
Result<void> showActionCommand(Session& session, const std::string& id);
Result<void> setActionDoneCommand(Session& session, const std::string& id, bool done);
Result<void> reclassifyActionCommand(Session& session, const std::string& id,
                                     const std::string& kind);

Result<void> addActionCommand(Session& session, const ActionAddFlags& flags) {
  NewAction action;
  action.deal = flags.deal;
  action.meeting = flags.meeting;
  action.text = flags.text;
  NEXTSTEP_TRY(auto owner, parseChoice<ActionOwner>("--owner", flags.owner));
  action.owner = owner;
  if (flags.due) {
    NEXTSTEP_TRY(auto due, parseDate("--due", *flags.due, session.today()));
    action.due = due;
  }
  if (flags.kind) {
    NEXTSTEP_TRY(auto kind, parseChoice<ActionKind>("--kind", *flags.kind));
    action.kind = kind;
  }
  NEXTSTEP_TRY(auto store, session.store(DatabaseUse::kChange));
  NEXTSTEP_TRY(auto id, addAction(*store, action));
  emit(session, NewId{id});
  return {};
}

Result<void> showActionCommand(Session& session, const std::string& id) {
  NEXTSTEP_TRY(auto store, session.store(DatabaseUse::kRead));
  NEXTSTEP_TRY(auto action, getAction(*store, id));
  emit(session, ActionPage{action});
  return {};
}

Result<void> setActionDoneCommand(Session& session, const std::string& id, bool done) {
  NEXTSTEP_TRY(auto store, session.store(DatabaseUse::kChange));
  NEXTSTEP_TRY(auto action, getAction(*store, id));
  NEXTSTEP_CHECK(setActionDone(*store, action.id, done));
  emit(session, Change{"action", action.id, done ? "done" : "reopened",
                       std::string(done ? "Done: " : "Open again: ") + action.text});
  return {};
}

Result<void> reclassifyActionCommand(Session& session, const std::string& id,
                                     const std::string& kind) {
  NEXTSTEP_TRY(auto parsed, parseChoice<ActionKind>("kind", kind));
  NEXTSTEP_TRY(auto store, session.store(DatabaseUse::kChange));
  NEXTSTEP_TRY(auto action, getAction(*store, id));
  NEXTSTEP_CHECK(reclassifyAction(*store, action.id, parsed));
  emit(session, Change{"action", action.id, "reclassified",
                       "'" + action.text + "' is now " + std::string(nameOf(parsed)) + "."});
  return {};
}

// The flags of this group's commands, filled by the parser.
struct ActionFlags {
  std::string id;
  std::string second;  // action kind ID KIND
  ActionAddFlags action_add;
};

}  // namespace

void registerActionCommands(CommandTree& tree) {
  ActionFlags& f = tree.keep<ActionFlags>();
  CLI::App* action = tree.group("action", "Who does what: the rep's and the customer's actions");

  CLI::App* add = tree.leaf(action, "add", "Add an action; prints its id",
                            [&f](Session& s) { return addActionCommand(s, f.action_add); });
  flag(add, "--deal", f.action_add.deal, "Deal id or unique prefix", "ID")->required();
  flag(add, "--owner", f.action_add.owner, "Who does it", "rep|customer")->required();
  flag(add, "--text", f.action_add.text, "What they will do")->required();
  flag(add, "--due", f.action_add.due, "By when", "DATE");
  flag(add, "--kind", f.action_add.kind, "Override the class (default: read from the text)",
       "commitment|compliance|neutral");
  flag(add, "--meeting", f.action_add.meeting, "The meeting it was agreed in", "ID");

  CLI::App* show = tree.leaf(action, "show", "Show an action",
                             [&f](Session& s) { return showActionCommand(s, f.id); });
  flag(show, "id", f.id, "Action id or unique prefix", "ID")->required();

  CLI::App* done = tree.leaf(action, "done", "Mark an action done",
                             [&f](Session& s) { return setActionDoneCommand(s, f.id, true); });
  flag(done, "id", f.id, "Action id or unique prefix", "ID")->required();

  CLI::App* reopen = tree.leaf(action, "reopen", "Mark an action not done",
                               [&f](Session& s) { return setActionDoneCommand(s, f.id, false); });
  flag(reopen, "id", f.id, "Action id or unique prefix", "ID")->required();

  CLI::App* kind = tree.leaf(action, "kind", "Reclassify an action", [&f](Session& s) {
    return reclassifyActionCommand(s, f.id, f.second);
  });
  flag(kind, "id", f.id, "Action id or unique prefix", "ID")->required();
  flag(kind, "kind", f.second, "The class", "commitment|compliance|neutral")->required();
}

}  // namespace nextstep::cli
