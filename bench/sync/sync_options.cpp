#include "sync_options.h"

#include "bench_options.h"

#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

namespace nextstep::bench {
namespace {

[[noreturn]] void usage(const char* program, std::string_view problem) {
  std::fprintf(stderr,
               "%s: %.*s\nsync options: [--store sqlite|postgresql|both] [--runs N] "
               "[--minutes M] [--streams N] [--teams N] [--connections N] [--subscribers N]\n",
               program, static_cast<int>(problem.size()), problem.data());
  std::exit(2);
}

double number(const char* program, std::string_view flag, const char* text, double low,
              double high) {
  char* end = nullptr;
  const double n = std::strtod(text, &end);
  if (*end != '\0' || n < low || n > high) {
    usage(program,
          std::string(flag) + " takes " + std::to_string(low) + " to " + std::to_string(high));
  }
  return n;
}

}  // namespace

SyncOptions takeSyncOptions(int& argc, char** argv) {
  SyncOptions o;
  takeFlags(argc, argv, usage, [&](std::string_view arg, const FlagValue& value) {
    auto whole = [&](double low, double high) {
      return static_cast<int>(number(argv[0], arg, value(), low, high));
    };
    if (arg == "--store") {
      const std::string_view v = value();
      if (v == "sqlite") {
        o.store = ServerStoreKind::kSqlite;
      } else if (v == "postgresql") {
        o.store = ServerStoreKind::kPostgres;
      } else if (v == "both") {
        o.store = ServerStoreKind::kBoth;
      } else {
        usage(argv[0], "--store takes sqlite, postgresql or both");
      }
    } else if (arg == "--runs") {
      o.runs = whole(1, 20);
    } else if (arg == "--minutes") {
      o.minutes = number(argv[0], arg, value(), 0.1, 600);
    } else if (arg == "--streams") {
      o.streams = whole(1, 100'000);
    } else if (arg == "--teams") {
      o.teams = whole(1, 1000);
    } else if (arg == "--connections") {
      o.connections = whole(0, 100'000);
    } else if (arg == "--subscribers") {
      o.subscribers = whole(1, 1000);
    } else {
      return false;
    }
    return true;
  });
  return o;
}

bool runsOnSqlite(ServerStoreKind chosen, ServerStoreKind fallback) {
  const ServerStoreKind k = chosen == ServerStoreKind::kDefault ? fallback : chosen;
  return k == ServerStoreKind::kSqlite || k == ServerStoreKind::kBoth;
}

bool runsOnPostgres(ServerStoreKind chosen, ServerStoreKind fallback) {
  const ServerStoreKind k = chosen == ServerStoreKind::kDefault ? fallback : chosen;
  return k == ServerStoreKind::kPostgres || k == ServerStoreKind::kBoth;
}

}  // namespace nextstep::bench
