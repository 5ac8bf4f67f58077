#include "nextstep/model/value.h"

#include <string>

namespace nextstep {

std::string describe(const Value& v) {
  struct Visitor {
    std::string operator()(std::monostate) const { return "(empty)"; }
    std::string operator()(std::int64_t i) const { return std::to_string(i); }
    std::string operator()(double d) const { return std::to_string(d); }
    std::string operator()(const std::string& s) const { return s; }
  };
  return std::visit(Visitor{}, v);
}

}  // namespace nextstep
