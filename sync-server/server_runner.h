// Runs the server until SIGTERM or SIGINT, then shuts down without losing an acknowledged push.
#pragma once

#include "server_options.h"

namespace nextstep::server {

// Exit codes: 0 after a clean shutdown, 1 when the server cannot run, 2 for a configuration it
// refuses (plaintext off loopback, unreadable TLS files, a bad address).
int runServer(const ServerOptions& options);

}  // namespace nextstep::server
