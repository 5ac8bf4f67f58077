#include "python_check.h"

#include <gtest/gtest.h>

#include "child_process.h"

namespace nextstep::testing {

nlohmann::json runPythonCheck(const std::string& script, const std::vector<std::string>& args) {
  std::vector<std::string> all{std::string(NEXTSTEP_CALENDAR_SCRIPTS) + "/" + script};
  all.insert(all.end(), args.begin(), args.end());
  const ProgramRun run = runProgram(NEXTSTEP_PYTHON, all);
  if (run.exit_code != 0) {
    ADD_FAILURE() << script << " exited with " << run.exit_code << ":\n" << run.err << run.out;
    return nullptr;
  }
  auto parsed = nlohmann::json::parse(run.out, nullptr, false);
  if (parsed.is_discarded()) {
    ADD_FAILURE() << script << " did not print JSON:\n" << run.out;
    return nullptr;
  }
  return parsed;
}

}  // namespace nextstep::testing
