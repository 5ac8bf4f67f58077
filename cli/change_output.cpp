#include "change_output.h"

namespace nextstep::cli {

void to_json(Json& j, const NewId& result) { j = {{"id", result.id}}; }

void printText(std::ostream& out, const DayWords& /*words*/, const NewId& result) {
  out << result.id << '\n';
}

void to_json(Json& j, const NewIds& result) { j = {{"ids", result.ids}}; }

void printText(std::ostream& out, const DayWords& /*words*/, const NewIds& result) {
  for (const std::string& id : result.ids) out << id << '\n';
}

void to_json(Json& j, const Change& change) {
  j = {{"id", change.id},
       {"record", std::string(change.record)},
       {"result", std::string(change.result)}};
}

void printText(std::ostream& out, const DayWords& /*words*/, const Change& change) {
  out << change.summary << '\n';
}

}  // namespace nextstep::cli
