// The PostgreSQL store's schema: numbered migrations, each applied in its own transaction and
// recorded in server_schema_version.
#pragma once

#include <pqxx/pqxx>

#include "nextstep/model/result.h"

namespace nextstep::server {

// The newest schema this build knows.
int postgresSchemaVersion();

// Brings the database up to postgresSchemaVersion(); kTooNew, touching nothing, when it is
// already past it (a newer nextstep-server migrated it). Throws pqxx errors.
Result<void> migratePostgresStore(pqxx::connection& conn);

}  // namespace nextstep::server
