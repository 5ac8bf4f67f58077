// Whether a server address may be spoken to without TLS: only when every address its host
// resolves to is on this machine. Decided from the resolved addresses, never from the name's
// text (a name like "127.example.com" can point anywhere).
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace nextstep::sync {

// For "HOST:PORT" (or "[V6]:PORT") whose host resolves only to loopback addresses: the same
// address with the host replaced by the loopback address it resolved to, so the connection goes
// where the check looked (a second lookup could answer differently). Otherwise nothing.
std::optional<std::string> loopbackTarget(std::string_view target);

}  // namespace nextstep::sync
