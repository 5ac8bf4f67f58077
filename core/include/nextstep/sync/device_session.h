// The start of a device's sync session, identity first: a database that is a copy of another
// or a restored backup must continue as a new device (with a token of its own) before it
// pushes, or the server would keep one copy's change and refuse the other's.
#pragma once

#include <string_view>

#include "nextstep/sync/replica.h"
#include "nextstep/sync/transport.h"

namespace nextstep::sync {

// Registers a fork made since the token was issued, handshakes (forking if the server holds
// newer operations of this device id than the database knows of), and bounds the clock.
Result<ServerHello> beginSession(Replica& replica, Transport& transport);

// The server found this device's sequence numbers used by another copy: forks the store,
// registers the new identity, and handshakes again.
Result<ServerHello> continueAsNewDevice(Replica& replica, Transport& transport,
                                        std::string_view reason);

}  // namespace nextstep::sync
