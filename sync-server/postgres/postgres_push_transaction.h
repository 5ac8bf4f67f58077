// The PostgreSQL store's PushTransaction: the SQL of a push, inside the caller's transaction.
#pragma once

#include <pqxx/pqxx>

#include <functional>

#include "server_store.h"

namespace nextstep::server {

// Registers a push's statements on a new connection (they are prepared on first use) and
// makes the session's table its registers pass through.
void preparePushStatements(pqxx::connection& conn);

// Runs `work` against a PushTransaction over `tx`; the caller commits. Throws.
void withPostgresPushTransaction(pqxx::transaction_base& tx,
                                 const std::function<void(PushTransaction&)>& work);

}  // namespace nextstep::server
