#include "rep_address.h"

#include <cstdlib>

#include "nextstep/storage/local_meta.h"

namespace nextstep::calendar {

Result<std::string> repEmail(Store& store) {
  auto signedIn = store.read(
      [](Database& db) { return local_meta::text(db, "sync_email").value_or(std::string()); });
  if (!signedIn || !signedIn->empty()) return signedIn;
  const char* env = std::getenv("EMAIL");
  return std::string(env != nullptr ? env : "");
}

}  // namespace nextstep::calendar
