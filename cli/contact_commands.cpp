#include "contact_commands.h"

#include "account_commands.h"
#include "flag_values.h"
#include "nextstep/pipeline/pipeline.h"

namespace nextstep::cli {

Result<void> addContactCommand(Session& session, const ContactAddFlags& flags) {
  NewContact contact;
  contact.name = flags.name;
  contact.account = flags.account;
  contact.email = flags.email.value_or("");
  contact.phone = flags.phone.value_or("");
  contact.title = flags.title.value_or("");
  if (flags.role) {
    auto role = parseChoice<ContactRole>("--role", *flags.role);
    if (!role) return role.error();
    contact.role = *role;
  }
  auto store = session.store(DatabaseUse::kCreate);
  if (!store) return store.error();
  auto id = addContact(**store, contact);
  if (!id) return id.error();
  session.printer().newId(*id);
  return {};
}

Result<void> listContactsCommand(Session& session, const ContactListFlags& flags) {
  auto max = parseListLimit(flags.limit, 200);
  if (!max) return max.error();
  auto store = session.store(DatabaseUse::kRead);
  if (!store) return store.error();
  std::optional<std::string> accountId;
  if (flags.account) {
    auto account = findAccount(**store, *flags.account);
    if (!account) return account.error();
    accountId = *account;
  }
  auto contacts = listContacts(**store, accountId, *max);
  if (!contacts) return contacts.error();
  auto accounts = listAccounts(**store, kEveryRecord);
  if (!accounts) return accounts.error();
  ContactList list{std::move(*contacts), {}};
  for (const Account& a : *accounts) list.account_names.emplace(a.id, a.name);
  session.printer().contactList(list);
  return {};
}

Result<void> showContactCommand(Session& session, const std::string& id) {
  auto store = session.store(DatabaseUse::kRead);
  if (!store) return store.error();
  auto contact = getContact(**store, id);
  if (!contact) return contact.error();
  ContactPage page{*contact, std::nullopt};
  if (contact->account_id) {
    if (auto account = getAccount(**store, *contact->account_id)) page.account = *account;
  }
  session.printer().contact(page);
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
    auto role = parseChoice<ContactRole>("--role", *flags.role);
    if (!role) return role.error();
    changes.role = *role;
  }
  if (!flags.name && !flags.account && !flags.email && !flags.phone && !flags.title &&
      !flags.role) {
    return Error::invalid(
        "nothing to change: give --name, --account, --email, --phone, --role or --title");
  }
  auto store = session.store(DatabaseUse::kChange);
  if (!store) return store.error();
  auto id = findId(**store, RecordType::kContact, flags.id);
  if (!id) return id.error();
  if (auto changed = changeContact(**store, *id, changes); !changed) return changed.error();
  auto contact = getContact(**store, *id);
  if (!contact) return contact.error();
  session.printer().changed(
      Change{"contact", *id, "updated", "Updated contact '" + contact->name + "'."});
  return {};
}

}  // namespace nextstep::cli
