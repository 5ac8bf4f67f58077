// The small words of the text output: counts with their noun, lists, enum names as read.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "nextstep/model/enums.h"

namespace nextstep::cli {

// "1 change", "3 changes"
std::string plural(std::int64_t n, const std::string& one, const std::string& many);
// The non-empty parts, "a, b, c".
std::string joined(const std::vector<std::string>& parts, const std::string& separator = ", ");
// "decision_maker" -> "decision maker"
std::string spaced(std::string s);
// "67%", or "-" when there is nothing to count.
std::string percent(double rate, std::int64_t whole);
// An enum's name as stored: "commitment", "decision_maker".
std::string name(auto e) { return std::string(nameOf(e)); }

}  // namespace nextstep::cli
