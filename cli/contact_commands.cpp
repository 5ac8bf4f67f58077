#include "contact_commands.h"

#include <optional>
#include <string>

#include "account_commands.h"
#include "change_output.h"
#include "command_tree.h"
#include "flag_values.h"
#include "nextstep/model/result.h"
#include "nextstep/model/result_try.h"
#include "nextstep/pipeline/pipeline.h"
#include "pipeline_output.h"
#include "record_lifecycle.h"
#include "session.h"

namespace nextstep::cli {
namespace {

struct ContactAddFlags {
  std::string name;
  std::optional<std::string> account;  // id, id prefix or name (created when new)
  std::optional<std::string> email;
  std::optional<std::string> phone;
  std::optional<std::string> role;
  std::optional<std::string> title;
};

struct ContactSetFlags {
  std::string id;
  std::optional<std::string> name;
  std::optional<std::string> account;
  std::optional<std::string> email;
  std::optional<std::string> phone;
  std::optional<std::string> role;
  std::optional<std::string> title;
};

struct ContactListFlags {
  std::optional<std::string> account;
  std::optional<std::string> limit;
};

Result<void> addContactCommand(Session& session, const ContactAddFlags& flags);
Result<void> listContactsCommand(Session& session, const ContactListFlags& flags);
Result<void> showContactCommand(Session& session, const std::string& id);
Result<void> setContactCommand(Session& session, const ContactSetFlags& flags);

Result<void> addContactCommand(Session& session, const ContactAddFlags& flags) {
  NewContact contact;
  contact.name = flags.name;
  contact.account = flags.account;
  contact.email = flags.email.value_or("");
  contact.phone = flags.phone.value_or("");
  contact.title = flags.title.value_or("");
  if (flags.role) {
    NEXTSTEP_TRY(auto role, parseChoice<ContactRole>("--role", *flags.role));
    contact.role = role;
  }
  NEXTSTEP_TRY(auto store, session.store(DatabaseUse::kCreate));
  NEXTSTEP_TRY(auto id, addContact(*store, contact));
  emit(session, NewId{id});
  return {};
}

Result<void> listContactsCommand(Session& session, const ContactListFlags& flags) {
  NEXTSTEP_TRY(auto max, parseListLimit(flags.limit, 200));
  NEXTSTEP_TRY(auto store, session.store(DatabaseUse::kRead));
  std::optional<std::string> accountId;
  if (flags.account) {
    NEXTSTEP_TRY(auto account, findAccount(*store, *flags.account));
    accountId = account;
  }
  NEXTSTEP_TRY(auto contacts, listContacts(*store, accountId, max));
  NEXTSTEP_TRY(auto accounts, listAccounts(*store, kEveryRecord));
  ContactList list{std::move(contacts), {}};
  for (const Account& a : accounts) list.account_names.emplace(a.id, a.name);
  emit(session, list);
  return {};
}

Result<void> showContactCommand(Session& session, const std::string& id) {
  NEXTSTEP_TRY(auto store, session.store(DatabaseUse::kRead));
  NEXTSTEP_TRY(auto contact, getContact(*store, id));
  ContactPage page{contact, std::nullopt};
  if (contact.account_id) {
    if (auto account = getAccount(*store, *contact.account_id)) page.account = *account;
  }
  emit(session, page);
  return {};
}

Result<void> setContactCommand(Session& session, const ContactSetFlags& flags) {
  ContactChanges changes;
  changes.name = flags.name;
  changes.account = flags.account;
  changes.email = flags.email;
  changes.phone = flags.phone;
  changes.title = flags.title;
  if (flags.role) {
    NEXTSTEP_TRY(auto role, parseChoice<ContactRole>("--role", *flags.role));
    changes.role = role;
  }
  if (!flags.name && !flags.account && !flags.email && !flags.phone && !flags.title &&
      !flags.role) {
    return Error::invalid(
        "nothing to change: give --name, --account, --email, --phone, --role or --title");
  }
  NEXTSTEP_TRY(auto store, session.store(DatabaseUse::kChange));
  NEXTSTEP_TRY(auto id, findId(*store, RecordType::kContact, flags.id));
  NEXTSTEP_CHECK(changeContact(*store, id, changes));
  NEXTSTEP_TRY(auto contact, getContact(*store, id));
  emit(session, Change{"contact", id, "updated", "Updated contact '" + contact.name + "'."});
  return {};
}

// The flags of this group's commands, filled by the parser.
struct ContactFlags {
  std::string id;
  ContactAddFlags contact_add;
  ContactSetFlags contact_set;
  ContactListFlags contact_list;
};

}  // namespace

void registerContactCommands(CommandTree& tree) {
  ContactFlags& f = tree.keep<ContactFlags>();
  CLI::App* contact = tree.group("contact", "Contacts: the customer's people");
  const std::string roles = "decision_maker, approver, champion, user or other";

  CLI::App* add = tree.leaf(contact, "add", "Add a contact; prints its id",
                            [&f](Session& s) { return addContactCommand(s, f.contact_add); });
  flag(add, "--name", f.contact_add.name, "Full name")->required();
  flag(add, "--account", f.contact_add.account, "Account id, id prefix or name", "ACCOUNT");
  flag(add, "--email", f.contact_add.email, "Email address", "EMAIL");
  flag(add, "--phone", f.contact_add.phone, "Phone number", "PHONE");
  flag(add, "--role", f.contact_add.role, "Role: " + roles + " (default other)", "ROLE");
  flag(add, "--title", f.contact_add.title, "Job title");

  CLI::App* list = tree.leaf(contact, "list", "List contacts by name",
                             [&f](Session& s) { return listContactsCommand(s, f.contact_list); });
  flag(list, "--account", f.contact_list.account, "Only this account (id, prefix or name)",
       "ACCOUNT");
  flag(list, "--limit", f.contact_list.limit, "At most N contacts (default 200, 0: all)", "N");

  CLI::App* show = tree.leaf(contact, "show", "Show a contact",
                             [&f](Session& s) { return showContactCommand(s, f.id); });
  flag(show, "id", f.id, "Contact id or unique prefix", "ID")->required();

  CLI::App* set = tree.leaf(contact, "set", "Change a contact",
                            [&f](Session& s) { return setContactCommand(s, f.contact_set); });
  flag(set, "id", f.contact_set.id, "Contact id or unique prefix", "ID")->required();
  flag(set, "--name", f.contact_set.name, "New name");
  flag(set, "--account", f.contact_set.account, "New account (id, prefix or name)", "ACCOUNT");
  flag(set, "--email", f.contact_set.email, "New email", "EMAIL");
  flag(set, "--phone", f.contact_set.phone, "New phone", "PHONE");
  flag(set, "--role", f.contact_set.role, "New role: " + roles, "ROLE");
  flag(set, "--title", f.contact_set.title, "New job title");

  registerDeleteAndRestore(tree, contact, RecordType::kContact, "a contact",
                           "Contact id or unique prefix");
}

}  // namespace nextstep::cli
