#include "python_check.h"

#include <gtest/gtest.h>
#include <sys/wait.h>

#include <array>
#include <cstdio>

namespace nextstep::testing {
namespace {

std::string quoted(const std::string& s) {
  std::string out = "'";
  for (char c : s) {
    if (c == '\'') {
      out += "'\\''";
    } else {
      out += c;
    }
  }
  return out + "'";
}

}  // namespace

nlohmann::json runPythonCheck(const std::string& script, const std::vector<std::string>& args) {
  std::string command = std::string(NEXTSTEP_PYTHON) + " " +
                        quoted(std::string(NEXTSTEP_CALENDAR_SCRIPTS) + "/" + script);
  for (const std::string& a : args) command += " " + quoted(a);
  FILE* pipe = popen(command.c_str(), "r");
  if (pipe == nullptr) {
    ADD_FAILURE() << "cannot run " << command;
    return nullptr;
  }
  std::string out;
  std::array<char, 4096> buf;
  while (std::size_t n = fread(buf.data(), 1, buf.size(), pipe)) out.append(buf.data(), n);
  const int status = pclose(pipe);
  if (status != 0) {
    ADD_FAILURE() << command << " exited with " << WEXITSTATUS(status) << ":\n" << out;
    return nullptr;
  }
  auto parsed = nlohmann::json::parse(out, nullptr, false);
  if (parsed.is_discarded()) {
    ADD_FAILURE() << command << " did not print JSON:\n" << out;
    return nullptr;
  }
  return parsed;
}

}  // namespace nextstep::testing
