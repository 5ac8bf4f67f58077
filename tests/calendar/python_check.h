// Runs one of this folder's Python checkers on a file and reads the JSON it prints: a second,
// independent parser (Python's icalendar and email packages) for every file we produce.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace nextstep::testing {

// `script` is a file name in tests/calendar; fails the test and returns null when it does not run.
nlohmann::json runPythonCheck(const std::string& script, const std::vector<std::string>& args);

}  // namespace nextstep::testing
