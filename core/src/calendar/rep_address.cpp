#include "rep_address.h"

#include <cstdlib>

#include "nextstep/sync/sync_account.h"

namespace nextstep::calendar {

Result<std::string> repEmail(Store& store) {
  auto account = sync::SyncAccount(store).read();
  if (!account) return account.error();
  if (account->email && !account->email->empty()) return *account->email;
  const char* env = std::getenv("EMAIL");
  return std::string(env != nullptr ? env : "");
}

}  // namespace nextstep::calendar
