// The results of the deal, account and contact commands: the lists and the pages, each with its
// JSON form (to_json) and its text form (printText), for emit().
#pragma once

#include <cstdint>
#include <optional>
#include <ostream>
#include <vector>

#include "contacts_by_id.h"
#include "day_words.h"
#include "emit.h"
#include "nextstep/model/model.h"
#include "nextstep/pipeline/deal_view.h"
#include "nextstep/pipeline/pipeline.h"

namespace nextstep::cli {

struct DealList {
  std::vector<DealRow> rows;
  std::int64_t total = 0;  // every deal that matches, past --limit
};

struct DealPage {
  DealView view;
  ContactsById contacts;
};

struct AccountList {
  std::vector<Account> accounts;
};

struct AccountPage {
  Account account;
  std::vector<Contact> contacts;
  std::vector<DealRow> deals;
};

struct ContactList {
  std::vector<Contact> contacts;
  std::map<std::string, std::string> account_names;  // by account id
};

struct ContactPage {
  Contact contact;
  std::optional<Account> account;
};

NEXTSTEP_RESULT_FORMS(DealList);
NEXTSTEP_RESULT_FORMS(DealPage);
NEXTSTEP_RESULT_FORMS(AccountList);
NEXTSTEP_RESULT_FORMS(AccountPage);
NEXTSTEP_RESULT_FORMS(ContactList);
NEXTSTEP_RESULT_FORMS(ContactPage);

}  // namespace nextstep::cli
