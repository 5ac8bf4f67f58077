#include "record_lifecycle.h"

#include "change_output.h"
#include "command_tree.h"
#include "nextstep/pipeline.h"

namespace nextstep::cli {
namespace {

// "deal 'Pilot for Acme'"
Result<std::string> describeRecord(Store& store, RecordType type, const std::string& id) {
  switch (type) {
    case RecordType::kDeal: {
      auto deal = getDeal(store, id);
      if (!deal) return deal.error();
      return "deal '" + deal->title + "'";
    }
    case RecordType::kAccount: {
      auto account = getAccount(store, id);
      if (!account) return account.error();
      return "account '" + account->name + "'";
    }
    case RecordType::kContact: {
      auto contact = getContact(store, id);
      if (!contact) return contact.error();
      return "contact '" + contact->name + "'";
    }
    default:
      return std::string(specOf(type).name) + " " + id;
  }
}

Result<void> deleteCommand(Session& session, RecordType type, const std::string& id) {
  auto store = session.store(DatabaseUse::kChange);
  if (!store) return store.error();
  auto full = findId(**store, type, id);
  if (!full) return full.error();
  auto what = describeRecord(**store, type, *full);
  if (!what) return what.error();
  if (auto done = deleteRecord(**store, type, *full); !done) return done.error();
  const std::string name(specOf(type).name);
  emit(session, Change{specOf(type).name, *full, "deleted",
                       "Deleted " + *what + " (" + *full + "). Undo with: nextstep " + name +
                           " restore " + *full});
  return {};
}

Result<void> restoreCommand(Session& session, RecordType type, const std::string& id) {
  auto store = session.store(DatabaseUse::kChange);
  if (!store) return store.error();
  if (auto done = restoreRecord(**store, type, id); !done) return done.error();
  auto full = findId(**store, type, id);
  if (!full) return full.error();
  auto what = describeRecord(**store, type, *full);
  if (!what) return what.error();
  emit(session,
       Change{specOf(type).name, *full, "restored", "Restored " + *what + " (" + *full + ")."});
  return {};
}

}  // namespace

void registerDeleteAndRestore(CommandTree& tree, CLI::App* group, RecordType type,
                              const std::string& a_record, const std::string& id_help) {
  std::string& id = tree.keep<std::string>();
  const std::string record = a_record.substr(a_record.find(' ') + 1);
  CLI::App* del = tree.leaf(group, "delete", "Delete " + a_record + " (restore brings it back)",
                            [&id, type](Session& s) { return deleteCommand(s, type, id); });
  flag(del, "id", id, id_help, "ID")->required();
  CLI::App* restore = tree.leaf(group, "restore", "Restore a deleted " + record,
                                [&id, type](Session& s) { return restoreCommand(s, type, id); });
  flag(restore, "id", id, id_help, "ID")->required();
}

}  // namespace nextstep::cli
