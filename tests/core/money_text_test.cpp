// Money as the CLI, the recap mails and the app show it: in the reader's locale, with the
// currency's own decimals and a sign that is never lost.
#include "nextstep/text/money_text.h"

#include <gtest/gtest.h>
#include <stdlib.h>

#include <cstdint>
#include <string>

namespace nextstep {
namespace {

// ICU keeps an amount and a symbol after it together with a no-break space (U+00A0).

TEST(MoneyText, TheCLocaleReadsAsEnglishWithTheCurrencySymbol) {
  EXPECT_EQ(formatMoney({1200050, "EUR"}, "C"), "€12,000.50");
  EXPECT_EQ(formatMoney({100, "USD"}, "C.UTF-8"), "$1.00");
  EXPECT_EQ(formatMoney({0, "EUR"}, "POSIX"), "€0.00");
}

TEST(MoneyText, ANegativeAmountKeepsItsSignAndCents) {
  EXPECT_EQ(formatMoney({-995, "USD"}, "en_US"), "-$9.95");
  EXPECT_EQ(formatMoney({-123456789, "GBP"}, "en_GB"), "-£1,234,567.89");
  EXPECT_EQ(formatMoney({-995, "USD"}, "de_DE"), "-9,95\u00a0$");
  // The most negative amount has no positive twin: it must not overflow.
  EXPECT_EQ(formatMoney({INT64_MIN, "EUR"}, "en").substr(0, 1), "-");
}

TEST(MoneyText, YenHasNoDecimals) {
  EXPECT_EQ(formatMoney({500000, "JPY"}, "en_US"), "¥5,000");
  EXPECT_EQ(formatMoney({500000, "JPY"}, "ja_JP"), "￥5,000");
  EXPECT_EQ(formatMoney({500000, "JPY"}, "de_DE"), "5.000\u00a0¥");
}

TEST(MoneyText, GermanGroupsWithDotsAndPutsTheSymbolAfterTheAmount) {
  EXPECT_EQ(formatMoney({1200050, "EUR"}, "de_DE.UTF-8"), "12.000,50\u00a0€");
  EXPECT_EQ(formatMoney({4800000, "EUR"}, "de_DE@euro", MoneyDigits::kWhenNotRound),
            "48.000\u00a0€");
}

TEST(MoneyText, ARoundAmountDropsItsZeroCentsOnlyWhenAsked) {
  EXPECT_EQ(formatMoney({4800000, "EUR"}, "en", MoneyDigits::kWhenNotRound), "€48,000");
  EXPECT_EQ(formatMoney({4800050, "EUR"}, "en", MoneyDigits::kWhenNotRound), "€48,000.50");
  EXPECT_EQ(formatMoney({4800000, "EUR"}, "en"), "€48,000.00");
}

TEST(MoneyText, WithNoLocaleNamedTheUsersOwnIsRead) {
  const char* saved = getenv("LC_ALL");
  const std::string before = saved ? saved : "";
  setenv("LC_ALL", "de_DE.UTF-8", 1);
  EXPECT_EQ(formatMoney({1200050, "EUR"}), "12.000,50\u00a0€");
  setenv("LC_ALL", "en_US.UTF-8", 1);
  EXPECT_EQ(formatMoney({1200050, "EUR"}), "€12,000.50");
  if (saved) {
    setenv("LC_ALL", before.c_str(), 1);
  } else {
    unsetenv("LC_ALL");
  }
}

TEST(MoneyText, ACodeICUCannotReadStillShowsTheAmount) {
  EXPECT_EQ(formatMoney({1200050, "E"}, "en"), "12000.50 E");
}

}  // namespace
}  // namespace nextstep
