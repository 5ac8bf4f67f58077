// nextstep-server: the command line, and nothing else (CLI11 is slow to compile; it stays here).
#include <CLI/CLI.hpp>

#include <cstdint>
#include <limits>
#include <string>
#include <string_view>

#include "admin_program.h"
#include "server_options.h"
#include "server_runner.h"
#include "store_choice.h"

namespace {

constexpr int kUsageError = 2;
constexpr std::int64_t kDayMs = std::int64_t{24} * 60 * 60 * 1000;

}  // namespace

int main(int argc, char** argv) {
  using nextstep::server::AdminRequest;
  nextstep::server::ServerOptions options;
  std::string data;
  std::string store_url;
  AdminRequest admin_request;
  double token_lifetime_days = static_cast<double>(options.limits.token_lifetime_ms / kDayMs);

  CLI::App app{"NextStep sync server"};
  app.failure_message([](const CLI::App*, const CLI::Error& e) {
    // CLI11 words a config file's unknown key as a parser's failure.
    constexpr std::string_view kUnknownKey = "INI was not able to parse ";
    const std::string_view what = e.what();
    if (e.get_name() == "ConfigError" && what.rfind(kUnknownKey, 0) == 0) {
      return "nextstep-server: the config file names an option the server does not know: " +
             std::string(what.substr(kUnknownKey.size())) +
             " (nextstep-server --help lists them)\n";
    }
    return std::string("nextstep-server: ") + e.what() + "\n";
  });
  // A deployment keeps its options in a file (TOML: `listen = "0.0.0.0:7443"`, one long flag a
  // line, without its dashes); a flag on the command line wins over the file, and a key the server
  // does not know is an error, so a misspelt option is not silently the default.
  app.set_config("--config", "", "read options from a TOML file; flags given here win over it");
  app.allow_config_extras(false);
  app.add_option("--data", data, "folder of the server's database (created on first run)");
  app.add_option("--store", store_url,
                 "postgresql://USER@HOST:PORT/DB: keep everything in PostgreSQL instead");
  app.add_option("--listen", options.listen, "HOST:PORT to listen on (port 0: any free port)")
      ->capture_default_str();
  app.add_option("--tls-cert", options.tls_cert, "PEM certificate chain for TLS");
  app.add_option("--tls-key", options.tls_key, "PEM private key for TLS");
  app.add_flag("--insecure", options.insecure,
               "allow plaintext on a non-loopback address (behind a TLS proxy)");
  app.add_option("--max-message-bytes", options.limits.max_message_bytes,
                 "largest message received, and the budget of one page sent")
      ->check(CLI::Range(std::uint32_t{64 * 1024}, std::uint32_t{64 * 1024 * 1024}))
      ->capture_default_str();
  app.add_option("--max-ops-per-push", options.limits.max_ops_per_push)
      ->check(CLI::Range(std::uint32_t{1}, std::uint32_t{100'000}))
      ->capture_default_str();
  app.add_option("--max-clock-ahead-ms", options.limits.max_clock_ahead_ms,
                 "how far a stamp may be ahead of the server's clock")
      ->check(CLI::Range(std::int64_t{0}, std::int64_t{86'400'000}))
      ->capture_default_str();
  app.add_option("--max-team-ops", options.limits.max_team_ops,
                 "operations one team may store; pushes past it are refused")
      ->check(CLI::Range(std::uint64_t{1}, std::uint64_t{1'000'000'000'000}))
      ->capture_default_str();
  app.add_option("--token-lifetime-days", token_lifetime_days,
                 "days a device token works; clients renew theirs after a quarter of it")
      ->check(CLI::Range(0.0001, 3650.0))
      ->capture_default_str();
  app.add_option("--max-streams-per-user", options.max_streams_per_user)
      ->check(CLI::Range(1, 10'000))
      ->capture_default_str();
  app.add_option("--rate-limit", options.rate_limit,
                 "requests per second per token, bursts of twice that (0: off)")
      ->check(CLI::Range(0.0, 1e6))
      ->capture_default_str();
  app.add_option("--heartbeat-seconds", options.heartbeat_seconds)
      ->check(CLI::Range(1, 3600))
      ->capture_default_str();
  app.add_option("--max-connection-idle-seconds", options.max_connection_idle_seconds,
                 "close a connection with no call in flight after this long")
      ->check(CLI::Range(1, 86'400))
      ->capture_default_str();
  app.add_option("--snapshots", options.snapshot_dir,
                 "folder of the team snapshots new devices start from (default: DATA/snapshots; "
                 "none with --store unless given)");
  app.add_option("--snapshot-min-ops", options.snapshots.min_ops,
                 "a team's log below this many operations is replayed, not snapshotted")
      ->capture_default_str();
  app.add_option("--snapshot-refresh-ops", options.snapshots.refresh_after_ops,
                 "a snapshot this many operations behind its team's log is built again")
      ->check(CLI::Range(std::uint64_t{1}, std::numeric_limits<std::uint64_t>::max()))
      ->capture_default_str();
  app.add_option("--keep-log-ops", options.snapshots.keep_log_ops,
                 "drop a team's log older than its newest snapshot and than its newest N "
                 "operations (a device away longer starts again from the snapshot, keeping its "
                 "own changes); 0 keeps all of it")
      ->capture_default_str();
  app.add_option("--max-connection-age-minutes", options.max_connection_age_minutes,
                 "close every connection after this long (clients reconnect)")
      ->check(CLI::Range(1, 10'080))
      ->capture_default_str();

  CLI::App* admin = app.add_subcommand("admin", "manage teams, users and tokens");
  admin->add_option("--data", data, "folder of the server's database");
  admin->add_option("--store", store_url, "postgresql://USER@HOST:PORT/DB of the server's store");
  admin->require_subcommand(1);
  admin->fallthrough();
  CLI::App* create_team = admin->add_subcommand("create-team", "create a team");
  create_team->add_option("NAME", admin_request.team, "the team's name")->required();
  CLI::App* add_user = admin->add_subcommand("add-user", "add a user; password read from stdin");
  add_user->add_option("--team", admin_request.team)->required();
  add_user->add_option("--email", admin_request.email)->required();
  CLI::App* issue_token = admin->add_subcommand("issue-token", "print a new bearer token");
  issue_token->add_option("--team", admin_request.team)->required();
  issue_token->add_option("--email", admin_request.email)->required();
  CLI::App* revoke_tokens = admin->add_subcommand("revoke-tokens", "revoke a user's tokens");
  revoke_tokens->add_option("--email", admin_request.email)->required();

  std::string migrate_from;
  std::string migrate_to;
  CLI::App* migrate = app.add_subcommand(
      "migrate-store", "move the embedded store into an empty PostgreSQL store, then verify it");
  migrate->add_option("--from", migrate_from, "folder of the embedded store")->required();
  migrate->add_option("--to", migrate_to, "postgresql://USER@HOST:PORT/DB, empty")->required();

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e) == 0 ? 0 : kUsageError;
  }

  if (migrate->parsed()) {
    if (!nextstep::server::isStoreUrl(migrate_to)) {
      std::fprintf(stderr,
                   "nextstep-server: --to '%s' is not a postgresql://USER@HOST:PORT/DB URL\n",
                   migrate_to.c_str());
      return kUsageError;
    }
    return nextstep::server::runMigrateStore(migrate_from, migrate_to);
  }
  const auto chosen = nextstep::server::chooseStore(data, store_url);
  if (!chosen) {
    std::fprintf(stderr, "nextstep-server: %s\n", chosen.error().message.c_str());
    return kUsageError;
  }
  const nextstep::server::StoreChoice& store = *chosen;
  if (admin->parsed()) {
    admin_request.store = store;
    if (create_team->parsed()) admin_request.command = AdminRequest::Command::kCreateTeam;
    if (add_user->parsed()) admin_request.command = AdminRequest::Command::kAddUser;
    if (issue_token->parsed()) admin_request.command = AdminRequest::Command::kIssueToken;
    if (revoke_tokens->parsed()) admin_request.command = AdminRequest::Command::kRevokeTokens;
    return nextstep::server::runAdmin(admin_request);
  }
  options.store = store;
  options.limits.token_lifetime_ms =
      static_cast<std::int64_t>(token_lifetime_days * static_cast<double>(kDayMs));
  return nextstep::server::runServer(options);
}
