#include "postgres_head_watch.h"

#include <charconv>
#include <string_view>
#include <utility>

#include "json_log.h"
#include "postgres_session.h"

namespace nextstep::server {
namespace {

// How often the listening thread looks up from waiting (to stop, and to catch up).
constexpr long kWaitMicros = 200'000;
constexpr std::chrono::milliseconds kReconnectPause{500};

class HeadNotices final : public pqxx::notification_receiver {
 public:
  HeadNotices(pqxx::connection_base& conn, const HeadListener& listener)
      : pqxx::notification_receiver(conn, kHeadsChannel), listener_(listener) {}

  void operator()(const std::string& payload, int /*backend_pid*/) override {
    // "TEAM:HEAD"; anything else on the channel is not ours to read.
    const std::string_view text(payload);
    const auto colon = text.find(':');
    if (colon == std::string_view::npos) return;
    TeamId team = 0;
    std::uint64_t head = 0;
    const auto t = std::from_chars(text.data(), text.data() + colon, team);
    const auto h = std::from_chars(text.data() + colon + 1, text.data() + text.size(), head);
    if (t.ec != std::errc() || h.ec != std::errc()) return;
    listener_(team, head);
  }

 private:
  const HeadListener& listener_;
};

}  // namespace

void announceHeads(pqxx::transaction_base& tx, const std::map<TeamId, std::uint64_t>& heads) {
  for (const auto& [team, head] : heads) {
    tx.exec_params("SELECT pg_notify($1, $2)", kHeadsChannel,
                   std::to_string(team) + ":" + std::to_string(head));
  }
}

PostgresHeadWatch::PostgresHeadWatch(std::string url, HeadListener listener,
                                     std::chrono::milliseconds catch_up)
    : url_(std::move(url)), listener_(std::move(listener)), catch_up_(catch_up) {
  thread_ = std::thread([this] { run(); });
}

PostgresHeadWatch::~PostgresHeadWatch() {
  {
    std::lock_guard lock(mu_);
    stopping_ = true;
  }
  stop_.notify_all();
  if (thread_.joinable()) thread_.join();
}

bool PostgresHeadWatch::pause(std::chrono::milliseconds how_long) {
  std::unique_lock lock(mu_);
  return !stop_.wait_for(lock, how_long, [this] { return stopping_; });
}

void PostgresHeadWatch::catchUp(pqxx::connection& conn) {
  pqxx::nontransaction tx(conn);
  for (const pqxx::row& row : tx.exec("SELECT team_id, head FROM team_heads")) {
    listener_(row[0].as<TeamId>(), static_cast<std::uint64_t>(row[1].as<std::int64_t>()));
  }
}

void PostgresHeadWatch::run() {
  bool lost = false;
  while (pause(std::chrono::milliseconds(0))) {
    try {
      pqxx::connection conn(withConnectTimeout(url_));
      const HeadNotices notices(conn, listener_);  // LISTEN, before the first catch-up
      catchUp(conn);
      if (lost) LogLine("replica_watch_restored").info();
      lost = false;
      auto next_catch_up = std::chrono::steady_clock::now() + catch_up_;
      while (pause(std::chrono::milliseconds(0))) {
        conn.await_notification(0, kWaitMicros);
        if (std::chrono::steady_clock::now() >= next_catch_up) {
          catchUp(conn);
          next_catch_up = std::chrono::steady_clock::now() + catch_up_;
        }
      }
    } catch (const std::exception& e) {
      // Lost or refused: the heads are read again once the database is back, so a write made
      // meanwhile reaches this replica's streams then.
      if (!lost) LogLine("replica_watch_lost").text("error", e.what()).warn();
      lost = true;
      if (!pause(kReconnectPause)) return;
    }
  }
}

}  // namespace nextstep::server
