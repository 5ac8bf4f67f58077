#include "record_lifecycle.h"

#include "nextstep/pipeline/pipeline.h"

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

}  // namespace

Result<void> deleteCommand(Session& session, RecordType type, const std::string& id) {
  auto store = session.store(DatabaseUse::kChange);
  if (!store) return store.error();
  auto full = findId(**store, type, id);
  if (!full) return full.error();
  auto what = describeRecord(**store, type, *full);
  if (!what) return what.error();
  if (auto done = deleteRecord(**store, type, *full); !done) return done.error();
  const std::string name(specOf(type).name);
  session.printer().changed(Change{
      specOf(type).name, *full, "deleted",
      "Deleted " + *what + " (" + *full + "). Undo with: nextstep " + name + " restore " + *full});
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
  session.printer().changed(
      Change{specOf(type).name, *full, "restored", "Restored " + *what + " (" + *full + ")."});
  return {};
}

}  // namespace nextstep::cli
