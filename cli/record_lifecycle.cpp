#include "record_lifecycle.h"

#include "change_output.h"
#include "command_tree.h"
#include "nextstep/model/result_try.h"
#include "nextstep/pipeline/pipeline.h"

namespace nextstep::cli {
namespace {

// "deal 'Pilot for Acme'"
Result<std::string> describeRecord(Store& store, RecordType type, const std::string& id) {
  switch (type) {
    case RecordType::kDeal: {
      NEXTSTEP_TRY(auto deal, getDeal(store, id));
      return "deal '" + deal.title + "'";
    }
    case RecordType::kAccount: {
      NEXTSTEP_TRY(auto account, getAccount(store, id));
      return "account '" + account.name + "'";
    }
    case RecordType::kContact: {
      NEXTSTEP_TRY(auto contact, getContact(store, id));
      return "contact '" + contact.name + "'";
    }
    default:
      return std::string(specOf(type).name) + " " + id;
  }
}

Result<void> deleteCommand(Session& session, RecordType type, const std::string& id) {
  NEXTSTEP_TRY(auto store, session.store(DatabaseUse::kChange));
  NEXTSTEP_TRY(auto full, findId(*store, type, id));
  NEXTSTEP_TRY(auto what, describeRecord(*store, type, full));
  NEXTSTEP_CHECK(deleteRecord(*store, type, full));
  const std::string name(specOf(type).name);
  emit(session, Change{specOf(type).name, full, "deleted",
                       "Deleted " + what + " (" + full + "). Undo with: nextstep " + name +
                           " restore " + full});
  return {};
}

Result<void> restoreCommand(Session& session, RecordType type, const std::string& id) {
  NEXTSTEP_TRY(auto store, session.store(DatabaseUse::kChange));
  NEXTSTEP_CHECK(restoreRecord(*store, type, id));
  NEXTSTEP_TRY(auto full, findId(*store, type, id));
  NEXTSTEP_TRY(auto what, describeRecord(*store, type, full));
  emit(session,
       Change{specOf(type).name, full, "restored", "Restored " + what + " (" + full + ")."});
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
