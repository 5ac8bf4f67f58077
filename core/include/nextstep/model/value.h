// A field's value as it travels through the change log: SQLite's own dynamic types.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <variant>

namespace nextstep {

using Value = std::variant<std::monostate, std::int64_t, double, std::string>;

inline bool isNull(const Value& v) { return std::holds_alternative<std::monostate>(v); }

template <typename T>
Value toValue(const std::optional<T>& v) {
  return v ? Value(*v) : Value();
}
inline Value toValue(bool b) { return Value(std::int64_t{b ? 1 : 0}); }
inline Value toValue(int i) { return Value(std::int64_t{i}); }
inline Value toValue(std::int64_t i) { return Value(i); }
inline Value toValue(std::string s) { return Value(std::move(s)); }
inline Value toValue(const char* s) { return Value(std::string(s)); }

// A short readable form for logs, conflict lists and the CLI.
std::string describe(const Value& v);

}  // namespace nextstep
