// Connections to the server's PostgreSQL database, lent one call at a time so that no two
// threads ever share one, and the edge where libpqxx's exceptions become Error values.
#pragma once

#include <pqxx/pqxx>

#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <type_traits>
#include <vector>

#include "nextstep/model/result.h"
#include "store_result.h"

namespace nextstep::server {

// The Error a failure of the PostgreSQL layer gives at the store's boundary: a lost or refused
// connection is kUnavailable, a full disk kFull, a deadlock or serialisation failure kBusy.
Error errorOfPostgres(const std::exception& e);

// "postgresql://USER@HOST:PORT/DB" or "postgres://..."; whether the text names such a database.
bool isPostgresUrl(const std::string& text);

// The URL with a connect timeout: without one, connecting to an address that drops packets
// waits for TCP's own timeout.
std::string withConnectTimeout(const std::string& url);

class PostgresSessions {
 public:
  // The first connection is opened here, so a bad URL or an unreachable server fails at once.
  // `prepare` registers the caller's prepared statements on each new connection.
  static Result<std::unique_ptr<PostgresSessions>> open(
      const std::string& url, int size, std::function<void(pqxx::connection&)> prepare);

  class Lease {
   public:
    Lease(PostgresSessions& pool, std::unique_ptr<pqxx::connection> conn)
        : pool_(pool), conn_(std::move(conn)) {}
    ~Lease();
    Lease(Lease&& other) noexcept : pool_(other.pool_), conn_(std::move(other.conn_)) {}
    Lease(const Lease&) = delete;
    Lease& operator=(const Lease&) = delete;
    Lease& operator=(Lease&&) = delete;
    pqxx::connection& operator*() { return *conn_; }
    // Drops the connection instead of returning it: it was lost, or its state is unknown. The
    // idle ones go too: they were opened to the same server, which most likely went away (a
    // restart ends every connection), so the next calls connect afresh instead of each finding
    // its own dead connection.
    void discard();

   private:
    PostgresSessions& pool_;
    std::unique_ptr<pqxx::connection> conn_;
  };

  // Waits for an idle connection, or opens one (a lost one is replaced here: reconnection).
  Lease lease();
  const std::string& url() const { return url_; }

  // Runs one store call on a leased connection; any failure becomes an Error value here.
  template <typename F>
  auto call(F&& f) -> typename AsResult<std::invoke_result_t<F, pqxx::connection&>>::type {
    std::optional<Lease> lent;
    try {
      lent.emplace(lease());
      return f(**lent);
    } catch (const DomainError& e) {
      return e.error;
    } catch (const std::exception& e) {
      Error error = errorOfPostgres(e);
      // Lost, terminated, or in doubt after a commit: the connection is of no further use.
      if (lent && error.code == ErrorCode::kUnavailable) lent->discard();
      return error;
    }
  }

 private:
  PostgresSessions(std::string url, int size, std::function<void(pqxx::connection&)> prepare)
      : url_(std::move(url)), size_(size), prepare_(std::move(prepare)) {}
  std::unique_ptr<pqxx::connection> connect() const;

  std::string url_;
  int size_;
  std::function<void(pqxx::connection&)> prepare_;
  std::mutex mu_;
  std::condition_variable idle_;
  std::vector<std::unique_ptr<pqxx::connection>> idle_conns_;
  int open_ = 0;
};

}  // namespace nextstep::server
