// A database that became a new device (a copy, a restored backup) needs a token of its own
// before it pushes as that device: the server issues one against the token of the identity it
// forked from.
#pragma once

#include "nextstep/storage/store.h"
#include "nextstep/sync/transport.h"

namespace nextstep::sync {

// Registers the database's current identity with the server and keeps the token it gets, bound
// to that identity, in the database's sign-in (SyncAccount).
Result<void> registerIdentity(Store& store, Transport& transport);

}  // namespace nextstep::sync
