// The plumbing every command group uses to add its commands to the CLI11 tree: a group of
// subcommands, a leaf that selects the command to run, a flag with a named value, and a place to
// keep a group's flags for as long as the run lasts.
#pragma once

#include <CLI/CLI.hpp>
#include <functional>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "nextstep/model/result.h"
#include "session.h"

namespace nextstep::cli {

using Command = std::function<Result<void>(Session&)>;

class CommandTree {
 public:
  explicit CommandTree(CLI::App& app) : app_(app) {}
  CommandTree(const CommandTree&) = delete;
  CommandTree& operator=(const CommandTree&) = delete;

  CLI::App& app() { return app_; }

  // A group's flags, kept until the run ends (the parser writes them, the command reads them).
  template <typename Flags>
  Flags& keep() {
    auto flags = std::make_shared<Flags>();
    Flags& kept = *flags;
    kept_.push_back(std::move(flags));
    return kept;
  }

  // "nextstep deal ...": a command that only holds subcommands; one of them is required.
  CLI::App* group(const std::string& name, const std::string& help) {
    CLI::App* sub = app_.add_subcommand(name, help);
    sub->require_subcommand(1);
    return sub;
  }

  // A command that runs: parsing it selects `command`.
  CLI::App* leaf(CLI::App* parent, const std::string& name, const std::string& help,
                 Command command) {
    CLI::App* sub = parent->add_subcommand(name, help);
    sub->callback([this, command = std::move(command)] { chosen_ = command; });
    return sub;
  }
  CLI::App* leaf(const std::string& name, const std::string& help, Command command) {
    return leaf(&app_, name, help, std::move(command));
  }

  // For a command that both runs and holds subcommands (conflicts, set-aside).
  void choose(Command command) { chosen_ = std::move(command); }
  const Command& chosen() const { return chosen_; }

 private:
  CLI::App& app_;
  Command chosen_;
  std::vector<std::shared_ptr<void>> kept_;
};

// Adds a flag with a value; `kind` names the value in the help ("DATE", "ID").
template <typename T>
CLI::Option* flag(CLI::App* app, const std::string& name, T& value, const std::string& help,
                  const std::string& kind = "TEXT") {
  return app->add_option(name, value, help)->type_name(kind);
}

}  // namespace nextstep::cli
