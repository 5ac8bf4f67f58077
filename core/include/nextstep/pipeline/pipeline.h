// Accounts, contacts and deals: the shared pipeline and its ladder of stages.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "nextstep/model/model.h"
#include "nextstep/storage/store.h"

namespace nextstep {

struct NewAccount {
  std::string name;
  std::string industry;
  std::string city;
  std::string owner;
  std::optional<int> cadence_days;
  std::string tz;  // an IANA zone name, or empty
};

struct NewContact {
  std::string name;
  std::optional<std::string> account;  // id, id prefix, or name (created when unknown)
  std::string email;
  std::string phone;
  ContactRole role = ContactRole::kOther;
  std::string title;
};

struct NewDeal {
  std::string title;
  std::optional<std::string> account;  // id, id prefix, or name (created when unknown)
  std::int64_t value_minor = 0;
  std::string currency = "EUR";
  std::optional<std::string> stage;  // default: the ladder's first rung
  std::string owner;
};

struct DealChanges {
  std::optional<std::string> title;
  std::optional<std::string> account;
  std::optional<std::int64_t> value_minor;
  std::optional<std::string> currency;
  std::optional<std::string> stage;
  std::optional<DealStatus> status;
  std::optional<std::string> owner;
  std::optional<std::string> lost_reason;
};

struct ContactChanges {
  std::optional<std::string> name;
  std::optional<std::string> account;
  std::optional<std::string> email;
  std::optional<std::string> phone;
  std::optional<ContactRole> role;
  std::optional<std::string> title;
};

struct AccountChanges {
  std::optional<std::string> name;
  std::optional<std::string> industry;
  std::optional<std::string> city;
  std::optional<std::string> owner;
  std::optional<std::optional<int>> cadence_days;  // set to nullopt: back to the team's cadence
  std::optional<std::string> tz;                   // an IANA zone name; empty clears it
};

Result<std::string> addAccount(Store& store, const NewAccount& account);
Result<std::string> addContact(Store& store, const NewContact& contact);
Result<std::string> addDeal(Store& store, const NewDeal& deal);
Result<void> changeDeal(Store& store, std::string_view id, const DealChanges& changes);
Result<void> changeContact(Store& store, std::string_view id, const ContactChanges& changes);
Result<void> changeAccount(Store& store, std::string_view id, const AccountChanges& changes);
Result<void> deleteRecord(Store& store, RecordType type, std::string_view id);
Result<void> restoreRecord(Store& store, RecordType type, std::string_view id);

Result<std::string> findId(Store& store, RecordType type, std::string_view id_or_prefix);
Result<Deal> getDeal(Store& store, std::string_view id);
Result<Contact> getContact(Store& store, std::string_view id);
Result<Account> getAccount(Store& store, std::string_view id);

struct DealFilter {
  std::optional<DealStatus> status = DealStatus::kOpen;
  bool without_next_step = false;
  bool compliance_only = false;
  bool stale = false;  // the account is past its touch cadence
  std::optional<std::string> stage;
  std::optional<std::string> owner;
  std::optional<std::string> account_id;
  int limit = 100;  // 0: all
  int offset = 0;
};

struct DealRow {
  Deal deal;
  std::optional<Meeting> next_step;  // the earliest planned meeting that has not ended
};

Result<std::vector<DealRow>> listDeals(Store& store, const DealFilter& filter);
Result<std::int64_t> countDeals(Store& store, const DealFilter& filter);
Result<std::vector<Contact>> listContacts(Store& store, std::optional<std::string> account_id,
                                          int limit = 200);
Result<std::vector<Account>> listAccounts(Store& store, int limit = 200);

// The deal's current next step, as of `now`.
std::optional<Meeting> currentNextStep(Database& db, std::string_view deal_id, Instant now);

// Inside a write: an account's id from an id, prefix or name; a new account when it is a name
// nobody has used yet.
std::string accountIdFor(Mutation& m, std::string_view account, Instant now);

}  // namespace nextstep
