// contact add | list | show | set
#pragma once

#include <optional>
#include <string>

#include "nextstep/model/result.h"
#include "session.h"

namespace nextstep::cli {

struct ContactAddFlags {
  std::string name;
  std::optional<std::string> account;  // id, id prefix or name (created when new)
  std::optional<std::string> email;
  std::optional<std::string> phone;
  std::optional<std::string> role;
  std::optional<std::string> title;
};

struct ContactSetFlags {
  std::string id;
  std::optional<std::string> name;
  std::optional<std::string> account;
  std::optional<std::string> email;
  std::optional<std::string> phone;
  std::optional<std::string> role;
  std::optional<std::string> title;
};

struct ContactListFlags {
  std::optional<std::string> account;
  std::optional<std::string> limit;
};

Result<void> addContactCommand(Session& session, const ContactAddFlags& flags);
Result<void> listContactsCommand(Session& session, const ContactListFlags& flags);
Result<void> showContactCommand(Session& session, const std::string& id);
Result<void> setContactCommand(Session& session, const ContactSetFlags& flags);

}  // namespace nextstep::cli
