// What a form checks while the rep types, with the same rules the writes enforce: which account a
// typed name means, and whether an email address can be a contact's.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "nextstep/model/result.h"
#include "nextstep/storage/store.h"

namespace nextstep {

// The live account a typed name means: the same name however cased and spaced (exact), else one
// that differs only by its legal form ("Acme" beside "Acme GmbH"), which is asked about.
struct AccountMatch {
  std::string id;
  std::string name;
  bool exact = false;
};
Result<std::optional<AccountMatch>> accountNamed(Store& store, std::string_view name);

// Why an email address cannot be a contact's, or nothing when it can (empty can: no invitations).
std::optional<std::string> emailProblem(std::string_view email);

}  // namespace nextstep
