// export ics | recap: what the customer's side receives (rules 1 and 7).
#pragma once

#include <optional>
#include <string>

#include "nextstep/model/result.h"
#include "session.h"

namespace nextstep::cli {

struct ExportIcsFlags {
  std::string meeting;
  std::optional<std::string> output;  // default: standard output
  bool cancel = false;
  std::optional<std::string> organizer;       // email; default: the sign-in, else $EMAIL
  std::optional<std::string> organizer_name;  // default: the deal's owner
};

struct RecapFlags {
  std::string meeting;
  std::string format = "text";  // text | mailto | eml
  std::optional<std::string> output;
  std::optional<std::string> template_file;
  std::optional<std::string> from;       // email
  std::optional<std::string> from_name;  // default: the deal's owner
};

Result<void> exportIcsCommand(Session& session, const ExportIcsFlags& flags);
Result<void> recapCommand(Session& session, const RecapFlags& flags);

}  // namespace nextstep::cli
