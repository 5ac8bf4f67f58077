#include "row_import.h"

#include "nextstep/follow_up/notes_touches.h"
#include "nextstep/meetings/actions.h"
#include "nextstep/model/ids.h"

namespace nextstep::data {
namespace {

// A reason to skip a row, found while checking or matching it.
struct Skip {
  std::string reason;
};

bool validCurrency(const std::string& c) {
  return c.size() == 3 && std::isupper(static_cast<unsigned char>(c[0])) &&
         std::isupper(static_cast<unsigned char>(c[1])) &&
         std::isupper(static_cast<unsigned char>(c[2]));
}

std::string upper(std::string s) {
  for (char& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return s;
}

// Errors of the database itself end the import (rolled back whole); everything else is about the
// row and skips it.
bool abortsImport(ErrorCode code) {
  return code == ErrorCode::kFull || code == ErrorCode::kIo || code == ErrorCode::kCorrupt ||
         code == ErrorCode::kBusy;
}

}  // namespace

void RowImport::importRow(int number, const Row& row) {
  RowReport r;
  r.row = number;
  accounts_created_ = 0;
  db_.exec("SAVEPOINT import_row");
  try {
    r.id = write(row, r.notes);
    db_.exec("RELEASE import_row");
    r.added = true;
    ++report_.added;
    report_.accounts_created += accounts_created_;
    if (!r.notes.empty()) report_.details.push_back(std::move(r));
    return;
  } catch (const Skip& s) {
    r.reason = s.reason;
  } catch (const DomainError& e) {
    if (abortsImport(e.error.code)) throw;
    r.reason = e.error.message;
  } catch (const DbError& e) {
    if (abortsImport(e.errorCode())) throw;
    r.reason = std::string("the database refused it: ") + e.what();
  }
  db_.exec("ROLLBACK TO import_row");
  db_.exec("RELEASE import_row");
  ++report_.skipped;
  r.notes.clear();
  report_.details.push_back(std::move(r));
}

std::string RowImport::write(const Row& row, std::vector<std::string>& notes) {
  switch (report_.kind) {
    case ImportKind::kDeals:
      return writeDeal(row, notes);
    case ImportKind::kAccounts:
      return writeAccount(row);
    case ImportKind::kContacts:
      return writeContact(row);
    case ImportKind::kActivities:
      return writeActivity(row, notes);
  }
  throw Skip{"unknown kind"};
}

std::optional<std::string> RowImport::findOne(const std::string& sql, const std::string& a,
                                              const std::string& b) {
  auto s = db_.prepare(sql);
  s->bind(1, a);
  if (sql.find("?2") != std::string::npos) s->bind(2, b);
  if (!s->step()) return std::nullopt;
  return s->text(0);
}

std::optional<std::string> RowImport::accountNamed(const std::string& name) {
  return findOne(
      "SELECT id FROM accounts WHERE name = ?1 COLLATE NOCASE AND deleted = 0 ORDER BY rid "
      "LIMIT 1",
      name);
}

// The account of that name, made when nobody has used the name yet (as `deal add` does).
std::optional<std::string> RowImport::accountFor(const std::string& name) {
  if (name.empty()) return std::nullopt;
  if (auto id = accountNamed(name)) return id;
  const std::string id = newRecordId(toUnix(now_) * 1000);
  m_.create(
      RecordType::kAccount, id,
      {{"name", Value(name)}, {"owner", Value(o_.owner)}, {"created_at", Value(toUnix(now_))}});
  ++accounts_created_;  // counted in the report, not noted row by row
  return id;
}

std::string RowImport::writeDeal(const Row& row, std::vector<std::string>& notes) {
  const std::string title = row[Field::kTitle];
  if (title.empty()) throw Skip{"no deal title"};
  std::int64_t value = 0;
  std::string currency = upper(row[Field::kCurrency]);
  if (const std::string minor = row[Field::kValueMinor]; !minor.empty()) {
    try {
      value = std::stoll(minor);
    } catch (const std::exception&) {
      throw Skip{"value_minor '" + minor + "' is not a whole number"};
    }
  } else {
    auto amount = parseAmount(row[Field::kAmount]);
    if (!amount) throw Skip{amount.error().message};
    value = amount->minor;
    if (currency.empty() && amount->currency) currency = *amount->currency;
  }
  if (value < 0) throw Skip{"a deal's value cannot be negative"};
  if (currency.empty()) currency = o_.default_currency;
  if (!validCurrency(currency)) {
    throw Skip{"currency '" + currency + "' is not a three-letter ISO code like EUR"};
  }

  StageChoice stage = mapStage(row[Field::kStage], ladder_);
  if (!stage.note.empty()) notes.push_back(stage.note);
  DealStatus status = stage.status.value_or(DealStatus::kOpen);
  if (const std::string s = row[Field::kStatus]; !s.empty()) {
    const StageChoice byStatus = mapStage(s, ladder_);
    if (byStatus.status) {
      status = *byStatus.status;
    } else if (auto named = parseEnum<DealStatus>(trim(s))) {
      status = *named;
    } else if (s == "deleted") {
      throw Skip{"the deal was deleted in the CRM"};
    }
  }
  if (parseFlag(row[Field::kClosed]) == true) {
    const auto won = parseFlag(row[Field::kWon]);
    if (won) status = *won ? DealStatus::kWon : DealStatus::kLost;
  }

  const std::string accountName = row[Field::kAccount];
  std::optional<std::string> accountId;
  if (!accountName.empty()) accountId = accountNamed(accountName);
  // Rule of the import: the same title at the same account is the same deal.
  if (auto dup = accountId ? findOne("SELECT id FROM deals WHERE account_id = ?1 AND title = ?2 "
                                     "COLLATE NOCASE AND deleted = 0 LIMIT 1",
                                     *accountId, title)
                           : (accountName.empty()
                                  ? findOne("SELECT id FROM deals WHERE account_id IS NULL AND "
                                            "title = ?1 COLLATE NOCASE AND deleted = 0 LIMIT 1",
                                            title)
                                  : std::nullopt)) {
    throw Skip{"duplicate: deal '" + title + "'" +
               (accountName.empty() ? std::string() : " at '" + accountName + "'") +
               " is already there (" + *dup + ")"};
  }
  if (!accountId) accountId = accountFor(accountName);

  std::string owner = row[Field::kOwner];
  if (owner.empty()) owner = o_.owner;
  const std::string id = newRecordId(toUnix(now_) * 1000);
  m_.create(
      RecordType::kDeal, id,
      {{"account_id", accountId ? Value(*accountId) : Value()},
       {"title", Value(title)},
       {"value_minor", Value(value)},
       {"currency", Value(currency)},
       {"stage", Value(stage.stage)},
       {"status", Value(std::string(nameOf(status)))},
       {"owner", Value(owner)},
       {"created_at", Value(toUnix(now_))},
       {"lost_reason", status == DealStatus::kLost ? Value(row[Field::kLostReason]) : Value()}});
  return id;
}

std::string RowImport::writeAccount(const Row& row) {
  const std::string name = row[Field::kName];
  if (name.empty()) throw Skip{"no account name"};
  if (auto dup = accountNamed(name)) {
    throw Skip{"duplicate: account '" + name + "' is already there (" + *dup + ")"};
  }
  Value cadence;
  if (const std::string c = row[Field::kCadence]; !c.empty()) {
    int days = 0;
    try {
      days = std::stoi(c);
    } catch (const std::exception&) {
      days = 0;
    }
    if (days < 1 || days > 365) throw Skip{"cadence_days must be between 1 and 365"};
    cadence = Value(std::int64_t{days});
  }
  std::string owner = row[Field::kOwner];
  if (owner.empty()) owner = o_.owner;
  const std::string id = newRecordId(toUnix(now_) * 1000);
  m_.create(RecordType::kAccount, id,
            {{"name", Value(name)},
             {"industry", Value(row[Field::kIndustry])},
             {"city", Value(row[Field::kCity])},
             {"owner", Value(owner)},
             {"cadence_days", cadence},
             {"created_at", Value(toUnix(now_))}});
  return id;
}

std::string RowImport::writeContact(const Row& row) {
  std::string name = row[Field::kName];
  if (name.empty()) {
    name = trim(row[Field::kFirstName] + " " + row[Field::kLastName]);
  }
  const std::string email = row[Field::kEmail];
  if (name.empty()) name = email;
  if (name.empty()) throw Skip{"no name and no email"};
  if (!email.empty() &&
      (email.find('@') == std::string::npos || email.find_first_of(" ,;<>") != std::string::npos)) {
    throw Skip{"email '" + email + "' is not an address"};
  }
  const std::string accountName = row[Field::kAccount];
  if (!email.empty()) {
    if (auto dup = findOne("SELECT id FROM contacts WHERE email = ?1 COLLATE NOCASE AND "
                           "deleted = 0 LIMIT 1",
                           email)) {
      throw Skip{"duplicate: a contact with email " + email + " is already there (" + *dup + ")"};
    }
  } else if (auto dup = findOne(
                 "SELECT c.id FROM contacts c LEFT JOIN accounts a ON a.id = c.account_id "
                 "WHERE c.name = ?1 COLLATE NOCASE AND coalesce(a.name, '') = ?2 COLLATE NOCASE "
                 "AND c.deleted = 0 LIMIT 1",
                 name, accountName)) {
    throw Skip{"duplicate: contact '" + name + "' is already there (" + *dup + ")"};
  }
  const std::optional<std::string> account = accountFor(accountName);
  const ContactRole role = parseEnum<ContactRole>(row[Field::kRole]).value_or(ContactRole::kOther);
  const std::string id = newRecordId(toUnix(now_) * 1000);
  m_.create(RecordType::kContact, id,
            {{"account_id", account ? Value(*account) : Value()},
             {"name", Value(name)},
             {"email", Value(email)},
             {"phone", Value(row[Field::kPhone])},
             {"role", Value(std::string(nameOf(role)))},
             {"title", Value(row[Field::kJobTitle])}});
  return id;
}

std::string RowImport::writeActivity(const Row& row, std::vector<std::string>& notes) {
  const std::string when = row[Field::kDate];
  if (when.empty()) throw Skip{"no date"};
  auto at = parseWhen(when, o_.zone);
  if (!at) throw Skip{at.error().message};

  std::optional<std::string> accountId;
  if (const std::string a = row[Field::kAccount]; !a.empty()) accountId = accountFor(a);
  std::optional<std::string> dealId;
  if (const std::string d = row[Field::kDeal]; !d.empty()) {
    dealId = accountId ? findOne(
                             "SELECT id FROM deals WHERE title = ?1 COLLATE NOCASE AND "
                             "account_id = ?2 AND deleted = 0 LIMIT 1",
                             d, *accountId)
                       : findOne(
                             "SELECT id FROM deals WHERE title = ?1 COLLATE NOCASE AND "
                             "deleted = 0 LIMIT 1",
                             d);
    if (!dealId) notes.push_back("no deal '" + d + "'; kept on the account");
  }
  std::optional<std::string> contactId;
  if (const std::string c = row[Field::kContact]; !c.empty()) {
    contactId = findOne(
        "SELECT id FROM contacts WHERE (email = ?1 COLLATE NOCASE OR name = ?1 "
        "COLLATE NOCASE) AND deleted = 0 LIMIT 1",
        c);
  }
  const std::string type = row[Field::kActivityType];
  const std::string subject = row[Field::kSubject];
  const std::string note = row[Field::kNote];
  std::string text = subject;
  if (!note.empty()) text += text.empty() ? note : ": " + note;
  const std::optional<bool> done = parseFlag(row[Field::kDone]);

  // Still to do (not done, and ahead): the rep's action item on its deal, due that day.
  if (done == false && *at > now_) {
    if (!dealId) throw Skip{"an open task needs a deal, and none was found"};
    if (text.empty()) text = type.empty() ? std::string("Follow up") : type;
    const CivilDate due = o_.zone.toLocal(*at).date;
    if (auto dup = findOne("SELECT id FROM actions WHERE deal_id = ?1 AND text = ?2 AND due = '" +
                               due.iso() + "' AND deleted = 0 LIMIT 1",
                           *dealId, text)) {
      throw Skip{"duplicate: that task is already there (" + *dup + ")"};
    }
    return addActionIn(
        m_, now_, NewAction{*dealId, std::nullopt, ActionOwner::kRep, text, due, std::nullopt});
  }
  // Something that happened: a touch of the customer (rule 8).
  if (!accountId && dealId) {
    accountId = findOne("SELECT account_id FROM deals WHERE id = ?1", *dealId);
  }
  if (!accountId && contactId) {
    accountId = findOne("SELECT account_id FROM contacts WHERE id = ?1", *contactId);
  }
  if (!accountId || accountId->empty()) throw Skip{"no account to keep the activity on"};
  if (*at > now_ + std::chrono::hours(1)) {
    throw Skip{"marked done but dated in the future (" + when + ")"};
  }
  const TouchKind kind = touchKindOf(type.empty() ? subject : type);
  {
    auto s = db_.prepare(
        "SELECT id FROM touches WHERE account_id = ?1 AND kind = ?2 AND at = ?3 AND "
        "coalesce(note, '') = ?4 AND deleted = 0 LIMIT 1");
    s->bindAll(*accountId, std::string(nameOf(kind)), toUnix(*at), text);
    if (s->step()) throw Skip{"duplicate: that activity is already there (" + s->text(0) + ")"};
  }
  NewTouch touch;
  touch.account = *accountId;
  touch.deal = dealId;
  touch.contact = contactId;
  touch.kind = kind;
  touch.at = *at;
  touch.note = text;
  return logTouchIn(m_, now_, touch);
}

}  // namespace nextstep::data
