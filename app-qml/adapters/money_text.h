// An amount as a rep types it and reads it back in a form, to the cent and never rounded:
// "12,000.50", "12.000,50" and "12000.5" are all 1200050 cents.
#pragma once

#include <QString>

#include <cstdint>
#include <optional>

namespace money_text {

// Cents from the typed amount (empty is 0); nullopt when it is not an amount, or has more than
// two decimals (a rounded amount would be a different price).
std::optional<std::int64_t> minorOf(const QString& typed);
// The form's text for cents: "12000.50", "18500"; the decimal point of the user's locale.
QString typedOf(std::int64_t minor);

}  // namespace money_text
