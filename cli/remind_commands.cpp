#include "remind_commands.h"

#include <atomic>
#include <charconv>
#include <chrono>
#include <csignal>
#include <optional>
#include <string>
#include <thread>

#include "command_tree.h"
#include "data_output.h"
#include "nextstep/follow_up/reminders.h"
#include "nextstep/model/result.h"
#include "nextstep/model/result_try.h"
#include "nextstep/platform/desktop_notifier.h"
#include "session.h"

namespace nextstep::cli {
namespace {

struct RemindFlags {
  bool once = false;                   // deliver what is due now and stop; default: keep watching
  bool list = false;                   // print what fires within --horizon; deliver nothing
  std::optional<std::string> horizon;  // 90m, 12h, 7d; default 1d (--list only)
  std::optional<std::string> owner;
};

Result<void> remindCommand(Session& session, const RemindFlags& flags);

std::atomic<bool> g_stop{false};
extern "C" void onStopSignal(int) { g_stop = true; }

// "90m", "12h", "7d", or plain minutes; 0 to 31 days.
Result<std::chrono::seconds> parseHorizon(const std::string& text) {
  std::int64_t n = 0;
  const char* end = text.data() + text.size();
  auto [rest, ec] = std::from_chars(text.data(), end, n);
  std::int64_t unit = 60;
  const std::string_view suffix(rest, static_cast<std::size_t>(end - rest));
  if (suffix == "h") {
    unit = 3600;
  } else if (suffix == "d") {
    unit = 86400;
  } else if (!suffix.empty() && suffix != "m") {
    ec = std::errc::invalid_argument;
  }
  if (ec != std::errc() || text.empty() || n < 0 || n * unit > 31 * 86400) {
    return Error::invalid("--horizon: '" + text +
                          "' is not a span like 90m, 12h or 7d (at most 31d)");
  }
  return std::chrono::seconds(n * unit);
}

// Shows them on the desktop, or, without a session bus, in the output; either way they count as
// shown on this device.
Result<void> deliver(Session& session, Store& store, const ReminderQuery& query, bool announce) {
  NEXTSTEP_TRY(auto due, undeliveredReminders(store, query));
  ReminderRun run;
  run.reminders = std::move(due);
  auto notifier = platform::DesktopNotifier::connect();
  if (notifier) {
    run.via = "desktop";
    for (const Reminder& r : run.reminders) {
      platform::DesktopNotification n{r.title, r.body, r.kind == ReminderKind::kMeetingEnding, -1};
      if (auto shown = (*notifier)->notify(n); !shown) {
        run.via = "printed";
        run.notice =
            "desktop notifications failed (" + shown.error().message + "); printed here instead";
        break;
      }
    }
  } else {
    run.via = "printed";
    run.notice = notifier.error().message + ": printed here instead of desktop notifications";
  }
  if (!run.reminders.empty()) {
    if (auto marked = markDelivered(store, run.reminders, query.now); !marked) return marked;
  }
  if (announce || !run.reminders.empty()) emit(session, run);
  return {};
}

Result<void> remindCommand(Session& session, const RemindFlags& flags) {
  ReminderQuery query;
  query.zone = session.zone();
  query.owner = flags.owner;
  if (flags.horizon) {
    if (!flags.list) return Error::invalid("--horizon goes with --list");
    NEXTSTEP_TRY(auto h, parseHorizon(*flags.horizon));
    query.horizon = h;
  } else if (flags.list) {
    query.horizon = std::chrono::hours(24);
  }
  if (flags.list && flags.once) return Error::invalid("--list and --once do not go together");
  NEXTSTEP_TRY(auto store, session.store(DatabaseUse::kRead));

  if (flags.list) {
    query.now = session.now();
    NEXTSTEP_TRY(auto due, dueReminders(*store, query));
    emit(session, ReminderRun{std::move(due), "listed", ""});
    return {};
  }
  if (flags.once) {
    query.now = session.now();
    return deliver(session, *store, query, true);
  }
  // Watching: once a minute until SIGINT or SIGTERM.
  std::signal(SIGINT, onStopSignal);
  std::signal(SIGTERM, onStopSignal);
  while (!g_stop) {
    query.now = store->now();
    if (auto done = deliver(session, *store, query, false); !done) return done;
    for (int i = 0; i < 60 && !g_stop; ++i) std::this_thread::sleep_for(std::chrono::seconds(1));
  }
  return {};
}

}  // namespace

void registerRemindCommand(CommandTree& tree) {
  RemindFlags& f = tree.keep<RemindFlags>();
  CLI::App* remind = tree.leaf("remind", "Due reminders as desktop notifications, once per device",
                               [&f](Session& s) { return remindCommand(s, f); });
  remind->add_flag("--once", f.once, "Send what is due now and stop (default: keep watching)");
  remind->add_flag("--list", f.list, "List what fires within --horizon; send nothing");
  flag(remind, "--horizon", f.horizon, "With --list: how far ahead (default 1d)", "90m|12h|7d");
  flag(remind, "--owner", f.owner, "One rep's deals (default: everyone's)", "OWNER");
}

}  // namespace nextstep::cli
