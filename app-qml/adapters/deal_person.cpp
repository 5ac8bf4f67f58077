#include "deal_person.h"

namespace deal_person {

nextstep::NewContact typed(const QString& name, const QString& email, const QString& role) {
  nextstep::NewContact c;
  c.name = name.trimmed().toStdString();
  c.email = email.trimmed().toStdString();
  c.role = nextstep::parseEnum<nextstep::ContactRole>(role.toStdString())
               .value_or(nextstep::ContactRole::kOther);
  return c;
}

nextstep::Result<std::string> add(nextstep::Store& store, const std::string& deal_id,
                                  nextstep::NewContact contact) {
  auto d = nextstep::getDeal(store, deal_id);
  if (!d) return d.error();
  if (!d->account_id) return nextstep::Error::invalid("the deal has no account to add a person to");
  contact.account = *d->account_id;
  return nextstep::addContact(store, contact);
}

}  // namespace deal_person
