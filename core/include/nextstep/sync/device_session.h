// The device identity side of a sync session. A database that is a copy of another or a restored
// backup continues as a new device: its unsent operations are delivered under the identity that
// wrote them (the server skips the ones it already has), any it cannot deliver so move to the new
// identity, and the new identity gets a token of its own before it pushes.
#pragma once

#include <string_view>

#include "nextstep/sync/replica.h"
#include "nextstep/sync/transport.h"

namespace nextstep::sync {

// Handshakes as the token's identity; when the server holds more operations of it than this
// database knows of (an older copy), delivers what it has and forks; registers a fork made since
// the token was issued; bounds the clock.
Result<ServerHello> beginSession(Replica& replica, Transport& transport);

}  // namespace nextstep::sync
