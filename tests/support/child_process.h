// Programs of this project run as real child processes by the tests: to completion with their
// output captured, or in the background until the test stops them.
#pragma once

#include <sys/types.h>

#include <filesystem>
#include <string>
#include <vector>

namespace nextstep::testing {

struct ProgramRun {
  int exit_code = -1;  // 128 + the signal when one ended it
  std::string out;
  std::string err;
};

// Runs `binary args...`, feeding stdin_text, and waits for it.
ProgramRun runProgram(const std::string& binary, const std::vector<std::string>& args,
                      const std::string& stdin_text = "");

// For programs started by hand (their own pipes, limits): execv's argument list over `args`,
// which must outlive it, and the exit code of a waitpid status (128 + the signal when one ended
// it).
std::vector<char*> execArgv(std::vector<std::string>& args);
int exitCodeOf(int wait_status);

// A program left running; its stdout and stderr go to a file.
class BackgroundProgram {
 public:
  BackgroundProgram(const std::string& binary, const std::vector<std::string>& args,
                    const std::filesystem::path& output_file);
  ~BackgroundProgram();  // SIGKILL if still running
  BackgroundProgram(const BackgroundProgram&) = delete;
  BackgroundProgram& operator=(const BackgroundProgram&) = delete;

  void signal(int sig) const;
  int wait();  // exit code, or 128 + signal
  bool running() const { return pid_ > 0; }
  pid_t pid() const { return pid_; }

 private:
  pid_t pid_ = -1;
};

}  // namespace nextstep::testing
