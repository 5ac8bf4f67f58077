#include "postgres_session.h"

#include <string_view>

namespace nextstep::server {
namespace {

// libpq's messages end in a newline and sometimes span lines; an Error is one line.
std::string oneLine(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c == '\n' || c == '\r' || c == '\t') {
      if (!out.empty() && out.back() != ' ') out += ' ';
    } else {
      out += c;
    }
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

}  // namespace

std::string withConnectTimeout(const std::string& url) {
  if (url.find("connect_timeout=") != std::string::npos) return url;
  return url + (url.find('?') == std::string::npos ? "?" : "&") + "connect_timeout=10";
}

bool isPostgresUrl(const std::string& text) {
  return text.rfind("postgresql://", 0) == 0 || text.rfind("postgres://", 0) == 0;
}

Error errorOfPostgres(const std::exception& e) {
  const std::string message = oneLine(e.what());
  if (dynamic_cast<const pqxx::broken_connection*>(&e) != nullptr) {
    return Error{ErrorCode::kUnavailable, "the PostgreSQL database cannot be reached: " + message};
  }
  if (dynamic_cast<const pqxx::in_doubt_error*>(&e) != nullptr) {
    return Error{ErrorCode::kUnavailable,
                 "the connection to PostgreSQL was lost during a commit: " + message};
  }
  if (const auto* sql = dynamic_cast<const pqxx::sql_error*>(&e); sql != nullptr) {
    const std::string state = sql->sqlstate();
    if (state == "53100") return Error{ErrorCode::kFull, "PostgreSQL's disk is full: " + message};
    // Class 57: the server is shutting down or the connection was terminated by an admin.
    if (state.rfind("57", 0) == 0 || state.rfind("08", 0) == 0) {
      return Error{ErrorCode::kUnavailable, "PostgreSQL is unavailable: " + message};
    }
    if (state == "40001" || state == "40P01" || state.rfind("53", 0) == 0) {
      return Error{ErrorCode::kBusy, "PostgreSQL is busy: " + message};
    }
  }
  return Error{ErrorCode::kInternal, "PostgreSQL: " + message};
}

Result<std::unique_ptr<PostgresSessions>> PostgresSessions::open(
    const std::string& url, int size, std::function<void(pqxx::connection&)> prepare) {
  if (!isPostgresUrl(url)) {
    return Error::invalid("'" + url + "' is not a postgresql://USER@HOST:PORT/DB URL");
  }
  std::unique_ptr<PostgresSessions> pool(
      new PostgresSessions(url, size < 1 ? 1 : size, std::move(prepare)));
  try {
    auto first = pool->connect();
    pool->idle_conns_.push_back(std::move(first));
    pool->open_ = 1;
  } catch (const std::exception& e) {
    return errorOfPostgres(e);
  }
  return pool;
}

std::unique_ptr<pqxx::connection> PostgresSessions::connect() const {
  auto conn = std::make_unique<pqxx::connection>(withConnectTimeout(url_));
  if (prepare_) prepare_(*conn);
  return conn;
}

PostgresSessions::Lease PostgresSessions::lease() {
  std::unique_lock lock(mu_);
  for (;;) {
    if (!idle_conns_.empty()) {
      auto conn = std::move(idle_conns_.back());
      idle_conns_.pop_back();
      return Lease(*this, std::move(conn));
    }
    if (open_ < size_) {
      ++open_;
      lock.unlock();
      try {
        return Lease(*this, connect());
      } catch (...) {
        lock.lock();
        --open_;
        throw;
      }
    }
    idle_.wait(lock);
  }
}

void PostgresSessions::Lease::discard() {
  if (conn_ == nullptr) return;
  conn_.reset();
  std::vector<std::unique_ptr<pqxx::connection>> idle;
  {
    std::lock_guard lock(pool_.mu_);
    idle.swap(pool_.idle_conns_);
    pool_.open_ -= 1 + static_cast<int>(idle.size());
  }
  pool_.idle_.notify_all();
  idle.clear();  // closed outside the lock: closing a dead socket can take a moment
}

PostgresSessions::Lease::~Lease() {
  if (conn_ == nullptr) return;
  if (!conn_->is_open()) {
    discard();
    return;
  }
  {
    std::lock_guard lock(pool_.mu_);
    pool_.idle_conns_.push_back(std::move(conn_));
  }
  pool_.idle_.notify_one();
}

}  // namespace nextstep::server
