#include "rep_address.h"

#include <cstdlib>

namespace nextstep::calendar {

Result<std::string> repEmail(Store& store) {
  auto signedIn = store.read([](Database& db) -> std::string {
    auto s = db.prepare("SELECT value FROM local_meta WHERE key = 'sync_email'");
    return s->step() && !s->isNull(0) ? s->text(0) : std::string();
  });
  if (!signedIn || !signedIn->empty()) return signedIn;
  const char* env = std::getenv("EMAIL");
  return std::string(env != nullptr ? env : "");
}

}  // namespace nextstep::calendar
