// The command line: the program's global flags and help, each command group's commands (each
// group adds its own, with its flags), the parse, and the run of the chosen command with a
// Session for the global flags. Parse errors and failures become one line and an exit code.
#include <CLI/CLI.hpp>
#include <exception>
#include <iostream>

#include "account_commands.h"
#include "action_commands.h"
#include "calendar_commands.h"
#include "command_tree.h"
#include "contact_commands.h"
#include "data_commands.h"
#include "deal_commands.h"
#include "event_commands.h"
#include "meeting_commands.h"
#include "note_touch_commands.h"
#include "remind_commands.h"
#include "report_commands.h"
#include "session.h"
#include "settings_commands.h"
#include "sync_commands.h"

#ifndef NEXTSTEP_VERSION
#define NEXTSTEP_VERSION "0.0.0"
#endif

namespace nextstep::cli {
namespace {

constexpr int kExitOk = 0;
constexpr int kExitFailed = 1;     // the command could not be done; nothing was changed
constexpr int kExitUsage = 2;      // the command line or one of its values is wrong
constexpr int kExitAttention = 3;  // done, but something needs a look (changes set aside)

// "nextstep deal add": the commands the parser got to.
std::string commandPath(const CLI::App& app) {
  std::string path = app.get_name();
  const CLI::App* current = &app;
  while (true) {
    auto selected = current->get_subcommands();
    if (selected.empty()) break;
    current = selected.front();
    path += " " + current->get_name();
  }
  return path;
}

const CLI::App* deepestCommand(const CLI::App& app) {
  const CLI::App* current = &app;
  while (true) {
    auto selected = current->get_subcommands();
    if (selected.empty()) return current;
    current = selected.front();
  }
}

// One line for a parse error: "nextstep deal add: --title is required (see ...)".
std::string usageLine(const CLI::App& app, const CLI::ParseError& e) {
  const std::string path = commandPath(app);
  std::string message = e.what();
  const std::vector<std::string> leftover = app.remaining(true);
  if (message == "A subcommand is required" && !leftover.empty() &&
      !leftover.front().starts_with("-")) {
    message = "The following argument was not expected: " + leftover.front();
  }
  if (message == "A subcommand is required") {
    std::string names;
    const CLI::App* current = deepestCommand(app);
    for (const CLI::App* sub : current->get_subcommands([](const CLI::App*) { return true; })) {
      names += (names.empty() ? "" : ", ") + sub->get_name();
    }
    message = "which command? one of " + names;
  }
  for (const std::string extras : {"The following argument was not expected: ",
                                   "The following arguments were not expected: "}) {
    if (!message.starts_with(extras)) continue;
    const std::string what = message.substr(extras.size());
    const CLI::App* current = deepestCommand(app);
    const auto commands = current->get_subcommands([](const CLI::App*) { return true; });
    if (!commands.empty() && !what.starts_with("-")) {
      std::string names;
      for (const CLI::App* sub : commands) names += (names.empty() ? "" : ", ") + sub->get_name();
      message = "unknown command '" + what + "'; one of " + names;
    } else {
      message = "unknown flag or extra argument: " + what;
    }
  }
  return path + ": " + message + " (see '" + path + " --help')";
}

// Errors are one line on stderr, whatever the message holds.
std::string oneLine(std::string message) {
  std::string out;
  for (char c : message) {
    if (c == '\n' || c == '\r') {
      if (!out.empty() && !out.ends_with("; ")) out += "; ";
    } else {
      out += c;
    }
  }
  while (out.ends_with("; ")) out.resize(out.size() - 2);
  return out;
}

int exitCodeOf(const Error& error) {
  return error.code == ErrorCode::kInvalidArgument ? kExitUsage : kExitFailed;
}

}  // namespace

int run(int argc, char** argv) {
  CLI::App app{"NextStep: never leave a meeting without the next one booked.", "nextstep"};
  app.fallthrough();  // global flags work after the command too
  app.require_subcommand(1);
  app.set_version_flag("--version", std::string("nextstep ") + NEXTSTEP_VERSION);
  app.footer(
      "Global flags --db, --json, --now and --tz go before or after any command.\n"
      "Times are shown in --tz (default: $TZ or the device's zone). The database is --db, else\n"
      "$NEXTSTEP_DB, else $XDG_DATA_HOME/nextstep/nextstep.db or\n"
      "~/.local/share/nextstep/nextstep.db. Ids may be shortened to a unique prefix.\n"
      "DATE is YYYY-MM-DD, today, tomorrow, +3d or +2w.\n"
      "Exit codes: 0 done, 1 could not be done (unknown id, a rule of the method, database\n"
      "problem), 2 wrong command line or value, 3 done but needs a look (a sync that left\n"
      "changes set aside). Nothing is written when a command fails.");

  GlobalFlags global;
  flag(&app, "--db", global.db, "Database file", "PATH");
  app.add_flag("--json", global.json, "Print JSON for scripts (see docs/cli.md)");
  flag(&app, "--now", global.now, "Pretend it is this time (for scripts and tests)",
       "YYYY-MM-DDTHH:MM[:SS]Z");
  flag(&app, "--tz", global.tz, "Zone times are shown in and today is computed in", "Area/City");

  // In this order in the help.
  CommandTree tree(app);
  registerDealCommands(tree);
  registerAccountCommands(tree);
  registerContactCommands(tree);
  registerMeetingCommands(tree);
  registerActionCommands(tree);
  registerNoteAndTouchCommands(tree);
  registerEventCommands(tree);
  registerSettingsCommands(tree);
  registerReportCommands(tree);
  registerSyncCommands(tree);
  registerDataCommands(tree);
  registerRecapCommand(tree);
  registerRemindCommand(tree);

  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    std::cerr << oneLine(usageLine(app, e)) << '\n';
    return kExitUsage;
  }
  const Command& chosen = tree.chosen();
  if (!chosen) {
    std::cerr << "nextstep: which command? (see 'nextstep --help')\n";
    return kExitUsage;
  }

  try {
    auto session = Session::begin(global, std::cout);
    if (!session) {
      std::cerr << "nextstep: " << oneLine(session.error().message) << '\n';
      return kExitUsage;
    }
    Result<void> done = chosen(**session);
    if (!done) {
      (*session)->discardCreatedDatabase();
      std::cerr << "nextstep: " << oneLine(done.error().message) << '\n';
      return exitCodeOf(done.error());
    }
    if (!(*session)->attention().empty()) {
      std::cout.flush();
      std::cerr << "nextstep: " << oneLine((*session)->attention()) << '\n';
      return kExitAttention;
    }
  } catch (const std::exception& e) {
    std::cerr << "nextstep: internal error: " << oneLine(e.what()) << '\n';
    return kExitFailed;
  }
  std::cout.flush();
  if (!std::cout) {
    std::cerr << "nextstep: cannot write the output\n";
    return kExitFailed;
  }
  return kExitOk;
}

}  // namespace nextstep::cli

int main(int argc, char** argv) { return nextstep::cli::run(argc, argv); }
