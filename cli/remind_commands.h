// remind: the reminders due now as desktop notifications (once per device), or listed.
#pragma once

#include <optional>
#include <string>

#include "nextstep/model/result.h"
#include "session.h"

namespace nextstep::cli {

struct RemindFlags {
  bool once = false;                   // deliver what is due now and stop; default: keep watching
  bool list = false;                   // print what fires within --horizon; deliver nothing
  std::optional<std::string> horizon;  // 90m, 12h, 7d; default 1d (--list only)
  std::optional<std::string> owner;
};

Result<void> remindCommand(Session& session, const RemindFlags& flags);

}  // namespace nextstep::cli
