// Money as people read it: ICU's currency formatting in a locale, with the currency's own
// decimals (JPY none, EUR two), so the CLI, the recap mails and the app agree.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "nextstep/model/model.h"

namespace nextstep {

enum class MoneyDigits {
  kCurrency,      // always the currency's decimals: "€12,000.00"
  kWhenNotRound,  // decimals only when the amount has cents: "€12,000", "€12,000.50"
};

// `locale` is an ICU or POSIX name ("de_DE", "de_DE.UTF-8", "ja"); empty means the user's own
// (LC_ALL, LC_MONETARY, LANG), and "C" or "POSIX" read as English.
std::string formatMoney(const Money& m, std::string_view locale = {},
                        MoneyDigits digits = MoneyDigits::kCurrency);

// The amount as an exact decimal with '.' for machines: -995 -> "-9.95" (what ICU reads, never
// through a double, and the "amount" of the CLI's JSON).
std::string decimalAmount(std::int64_t minor);

}  // namespace nextstep
