// Which account a typed name means. "acme", "ACME  GmbH" and "Acme GmbH" name one company; a
// name that differs only by its legal form ("Acme" beside "Acme GmbH") is probably the same one,
// so it is asked about rather than created as a second account.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "nextstep/pipeline/typed_names.h"
#include "nextstep/storage/database.h"

namespace nextstep {

// Lower-case ASCII letters and digits, every other ASCII character a single space, trimmed;
// other bytes (UTF-8 letters) kept as they are.
std::string accountKey(std::string_view name);
// The key without trailing legal forms (gmbh, ag, inc, ltd, llc, bv, ...).
std::string accountStem(std::string_view key);

// The live account a name means, exactly first, else the first whose stem is the same.
std::optional<AccountMatch> matchAccount(Database& db, std::string_view name);

}  // namespace nextstep
