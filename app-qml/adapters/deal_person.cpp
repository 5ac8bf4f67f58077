#include "deal_person.h"

namespace deal_person {
namespace {

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

}  // namespace

std::function<nextstep::Result<std::string>(nextstep::Store&)> addJob(const QString& deal_id,
                                                                      const QString& name,
                                                                      const QString& email,
                                                                      const QString& role) {
  return [deal = deal_id.toStdString(), c = typed(name, email, role)](nextstep::Store& s) {
    return add(s, deal, c);
  };
}

}  // namespace deal_person
