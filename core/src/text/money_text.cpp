#include "nextstep/text/money_text.h"

#include <unicode/locid.h>
#include <unicode/numberformatter.h>
#include <unicode/unistr.h>

#include <cstdlib>
#include <map>
#include <tuple>

namespace nextstep {
namespace {

std::string userLocale() {
  for (const char* name : {"LC_ALL", "LC_MONETARY", "LANG"}) {
    const char* value = std::getenv(name);
    if (value != nullptr && *value != '\0') return value;
  }
  return {};
}

// "de_DE.UTF-8@euro" -> "de_DE"; the C locale has no currency format of its own.
std::string icuLocaleName(std::string_view locale) {
  std::string name(locale.empty() ? userLocale() : std::string(locale));
  name = name.substr(0, name.find_first_of(".@"));
  if (name.empty() || name == "C" || name == "POSIX") return "en";
  return name;
}

// Building a formatter costs far more than formatting, and a list formats hundreds of amounts.
const icu::number::LocalizedNumberFormatter* formatterFor(const std::string& locale,
                                                          const std::string& currency, bool whole) {
  using Key = std::tuple<std::string, std::string, bool>;
  thread_local std::map<Key, icu::number::LocalizedNumberFormatter> cache;
  const Key key{locale, currency, whole};
  if (auto it = cache.find(key); it != cache.end()) return &it->second;
  UErrorCode status = U_ZERO_ERROR;
  icu::CurrencyUnit unit(icu::StringPiece(currency.data(), static_cast<int32_t>(currency.size())),
                         status);
  if (U_FAILURE(status)) return nullptr;
  const auto base =
      icu::number::NumberFormatter::withLocale(icu::Locale(locale.c_str())).unit(unit);
  auto formatter = whole ? base.precision(icu::number::Precision::integer())
                         : base.precision(icu::number::Precision::currency(UCURR_USAGE_STANDARD));
  return &cache.emplace(key, std::move(formatter)).first->second;
}

// Not an ISO 4217 code, so ICU cannot place a symbol: the amount, then the code as written.
std::string plainMoney(const Money& m) { return decimalAmount(m.minor) + " " + m.currency; }

}  // namespace

std::string decimalAmount(std::int64_t minor) {
  const bool negative = minor < 0;
  const std::uint64_t magnitude =
      negative ? static_cast<std::uint64_t>(-(minor + 1)) + 1 : static_cast<std::uint64_t>(minor);
  std::string cents = std::to_string(magnitude % 100);
  if (cents.size() < 2) cents.insert(0, "0");
  return (negative ? "-" : "") + std::to_string(magnitude / 100) + "." + cents;
}

std::string formatMoney(const Money& m, std::string_view locale, MoneyDigits digits) {
  const bool whole = digits == MoneyDigits::kWhenNotRound && m.minor % 100 == 0;
  const auto* formatter = formatterFor(icuLocaleName(locale), m.currency, whole);
  if (formatter == nullptr) return plainMoney(m);
  UErrorCode status = U_ZERO_ERROR;
  const std::string amount = decimalAmount(m.minor);
  const auto formatted = formatter->formatDecimal(
      icu::StringPiece(amount.data(), static_cast<int32_t>(amount.size())), status);
  icu::UnicodeString text = formatted.toString(status);
  if (U_FAILURE(status)) return plainMoney(m);
  std::string out;
  text.toUTF8String(out);
  return out;
}

}  // namespace nextstep
