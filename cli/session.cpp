#include "session.h"

#include <cstdlib>
#include <filesystem>
#include <system_error>

#include "flag_values.h"
#include "nextstep/model/result_try.h"

namespace nextstep::cli {
namespace {

namespace fs = std::filesystem;

std::optional<std::string> environment(const char* name) {
  const char* value = std::getenv(name);
  if (value == nullptr || *value == '\0') return std::nullopt;
  return std::string(value);
}

}  // namespace

Result<DatabaseLocation> locateDatabase(const std::optional<std::string>& flag) {
  if (flag) {
    if (flag->empty()) return Error::invalid("--db: give the path of a database file");
    return DatabaseLocation{*flag, false};
  }
  if (auto db = environment("NEXTSTEP_DB")) return DatabaseLocation{*db, true};
  // The XDG spec ignores a relative $XDG_DATA_HOME.
  if (auto data = environment("XDG_DATA_HOME"); data && fs::path(*data).is_absolute()) {
    return DatabaseLocation{(fs::path(*data) / "nextstep" / "nextstep.db").string(), true};
  }
  if (auto home = environment("HOME")) {
    return DatabaseLocation{
        (fs::path(*home) / ".local" / "share" / "nextstep" / "nextstep.db").string(), true};
  }
  return Error::invalid("no database given: use --db PATH or set $NEXTSTEP_DB");
}

Result<std::unique_ptr<Session>> Session::begin(const GlobalFlags& flags, std::ostream& out) {
  std::optional<Instant> fixedNow;
  if (flags.now) {
    auto now = parseUtc(*flags.now);
    if (!now) return Error::invalid("--now: " + now.error().message);
    fixedNow = *now;
  }
  TimeZone zone = TimeZone::local();
  if (flags.tz) {
    NEXTSTEP_TRY(auto z, parseZone("--tz", *flags.tz));
    zone = z;
  }
  NEXTSTEP_TRY(auto location, locateDatabase(flags.db));
  return std::unique_ptr<Session>(
      new Session(std::move(location), fixedNow, zone, flags.json, out));
}

Session::Session(DatabaseLocation location, std::optional<Instant> fixed_now, TimeZone zone,
                 bool json, std::ostream& out)
    : location_(std::move(location)),
      fixed_now_(fixed_now),
      zone_(zone),
      json_(json),
      out_(out),
      text_(out),
      words_(zone_, now()) {}

Session::~Session() = default;

Instant Session::now() const { return fixed_now_ ? *fixed_now_ : nowInstant(); }

Result<Store*> Session::store(DatabaseUse use) {
  if (store_) return store_.get();
  const std::string& path = location_.path;
  std::error_code ec;
  const fs::file_status status = fs::status(path, ec);
  const bool exists = fs::exists(status);
  if (!exists && use != DatabaseUse::kCreate) {
    return Error::notFound("no database at " + path +
                           " (add a deal or an account to start one, or point --db at yours)");
  }
  if (!exists) {
    const fs::path folder = fs::absolute(path, ec).parent_path();
    if (location_.is_default && !fs::exists(folder, ec)) {
      fs::create_directories(folder, ec);
      if (ec) {
        return Error{ErrorCode::kIo,
                     "cannot create the folder " + folder.string() + ": " + ec.message()};
      }
    }
    if (!fs::is_directory(folder, ec)) {
      return Error{ErrorCode::kIo,
                   "cannot create " + path + ": there is no folder " + folder.string()};
    }
  }
  StoreOptions options;
  options.path = path;
  options.create_if_missing = use == DatabaseUse::kCreate;
  if (fixed_now_) {
    const std::int64_t millis = toUnix(*fixed_now_) * 1000;
    options.wall = [millis] { return millis; };
  }
  auto opened = Store::open(std::move(options));
  if (!opened) {
    if (!exists) {
      created_ = true;
      discardCreatedDatabase();
    }
    return opened.error();
  }
  store_ = std::move(*opened);
  created_ = !exists;
  return store_.get();
}

void Session::discardCreatedDatabase() {
  store_.reset();
  if (!created_) return;
  std::error_code ec;
  for (const char* suffix : {"", "-wal", "-shm", "-journal"}) {
    fs::remove(location_.path + suffix, ec);
  }
  created_ = false;
}

}  // namespace nextstep::cli
