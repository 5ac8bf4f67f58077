// One run of the program: the global flags (--db, --json, --now, --tz), the store they point at,
// and the output the command's result goes to (see emit.h).
#pragma once

#include <iosfwd>
#include <memory>
#include <optional>
#include <string>

#include "day_words.h"
#include "nextstep/model/result.h"
#include "nextstep/storage/store.h"
#include "nextstep/time/civil_time.h"
#include "terminal_text.h"

namespace nextstep::cli {

struct GlobalFlags {
  std::optional<std::string> db;
  std::optional<std::string> now;  // YYYY-MM-DDTHH:MM[:SS]Z
  std::optional<std::string> tz;   // Area/City
  bool json = false;
};

// How a command uses the database; only commands that add records may create it.
enum class DatabaseUse {
  kRead,    // must exist
  kChange,  // must exist (it changes records that are already there)
  kCreate,  // created, with its folder when it is the default one, if it is missing
};

// Where the database is when --db is not given: $NEXTSTEP_DB, else
// $XDG_DATA_HOME/nextstep/nextstep.db, else ~/.local/share/nextstep/nextstep.db.
struct DatabaseLocation {
  std::string path;
  bool is_default = false;  // not from --db: its folder may be created
};
Result<DatabaseLocation> locateDatabase(const std::optional<std::string>& flag);

class Session {
 public:
  // Reads the global flags; a bad --now or --tz is a usage error.
  static Result<std::unique_ptr<Session>> begin(const GlobalFlags& flags, std::ostream& out);
  ~Session();
  Session(const Session&) = delete;
  Session& operator=(const Session&) = delete;

  // The store, opened on first use.
  Result<Store*> store(DatabaseUse use);
  // --json: the result is written as JSON to out(); else as text to text(), read with words().
  bool json() const { return json_; }
  std::ostream& out() { return out_; }
  // Standard output for people: what teammates typed is shown, never obeyed by the terminal.
  std::ostream& text() { return text_; }
  // "Thu 10 Dec 2026 (in 7 days)": days and times on the --tz clocks, counted from --now.
  const DayWords& words() const { return words_; }
  // The zone times are shown in and "today" is computed in.
  const TimeZone& zone() const { return zone_; }
  // --now, else the system clock.
  Instant now() const;
  CivilDate today() const { return zone_.toLocal(now()).date; }

  // The command was done, but something needs the user's look (a sync that left changes set
  // aside): said on standard error, and the exit code is 3 instead of 0.
  void needsAttention(std::string why) { attention_ = std::move(why); }
  const std::string& attention() const { return attention_; }

  // After a failed command: closes the store and removes the database file if this run created
  // it, so a command that fails leaves nothing behind.
  void discardCreatedDatabase();

 private:
  Session(DatabaseLocation location, std::optional<Instant> fixed_now, TimeZone zone, bool json,
          std::ostream& out);

  DatabaseLocation location_;
  std::optional<Instant> fixed_now_;
  TimeZone zone_;
  bool json_;
  std::ostream& out_;
  TerminalStream text_;
  DayWords words_;
  std::unique_ptr<Store> store_;
  bool created_ = false;
  std::string attention_;
};

}  // namespace nextstep::cli
