// The push path's reads and writes (PushTransaction) on the server's SQLite file, inside the
// writer's transaction.
#pragma once

#include <functional>

#include "nextstep/storage/database.h"
#include "server_store.h"

namespace nextstep::server {

// Runs `work` over the writer connection `db`; the caller owns the transaction around it.
void withSqlitePushTransaction(Database& db, const std::function<void(PushTransaction&)>& work);

}  // namespace nextstep::server
