// The server's SQLite file: its tables (teams, users, tokens, devices, the ops log, merged
// registers and set members, conflicts, rejected ops) and the settings of each connection.
#pragma once

#include "nextstep/model/result.h"
#include "nextstep/storage/database.h"

namespace nextstep::server {

// Foreign keys on; FULL or NORMAL sync; a reader cannot write.
void configureServerConnection(Database& db, bool durable, bool reader);
// WAL, and the schema created or checked; a file from a newer server is refused (kTooNew).
Result<void> migrateServerStore(Database& db);

}  // namespace nextstep::server
