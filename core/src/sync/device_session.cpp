#include "nextstep/sync/device_session.h"

#include "nextstep/model/result_try.h"
#include "nextstep/storage/catalog.h"
#include "nextstep/storage/device_identity.h"
#include "nextstep/sync/identity_token.h"
#include "nextstep/sync/sync_account.h"
#include "nextstep/sync/sync_round.h"

namespace nextstep::sync {
namespace {

constexpr char kRestoredReason[] =
    "the server holds newer changes of this device than this database: it was restored from an "
    "older copy, so it continues as a new device";

Result<ServerHello> handshakeAs(Replica& replica, Transport& transport, DeviceId device) {
  NEXTSTEP_TRY(auto last, replica.outbox().lastSeq(device));
  return transport.handshake(device, kCatalogVersion, last);
}

// Replaces the session's token, as the server asked, before it expires. A failure leaves the old
// token in use (it still works until its expiry), so the session goes on and tries next time.
void renewToken(Replica& replica, Transport& transport) {
  auto token = transport.renewToken();
  if (!token) return;
  (void)SyncAccount(replica.store()).update([&](AccountFields& a) { a.token = *token; });
}

}  // namespace

Result<ServerHello> beginSession(Replica& replica, Transport& transport) {
  NEXTSTEP_TRY(auto issued, SyncAccount(replica.store()).tokenDevice());
  auto hello = handshakeAs(replica, transport, issued);
  if (!hello) return hello;
  // Before anything is pushed, a former identity's changes too: a change stamped by a clock
  // that ran ahead would be refused and set aside.
  NEXTSTEP_CHECK(replica.outbox().boundClock(hello->server_time_ms, hello->max_clock_ahead_ms));
  if (hello->device_reused || issued != replica.store().deviceId()) {
    // Deliver what the token's identity wrote, then move on to the database's own identity.
    NEXTSTEP_CHECK(pushAll(replica, transport, hello->max_ops_per_push));
    if (hello->device_reused && replica.store().deviceId() == issued) {
      NEXTSTEP_CHECK(replica.store().forkDevice(kRestoredReason));
    }
    NEXTSTEP_TRY(auto now, SyncAccount(replica.store()).tokenDevice());
    if (now != replica.store().deviceId()) {
      NEXTSTEP_CHECK(registerIdentity(replica.store(), transport));
    }
    hello = handshakeAs(replica, transport, replica.store().deviceId());
    if (!hello) return hello;
    if (hello->device_reused) {
      return Error{ErrorCode::kInternal,
                   "the server finds this device's new identity already used; nothing was lost, "
                   "the changes wait in the outbox"};
    }
  } else if (auto account = SyncAccount(replica.store()).read();
             account && !account->token_device) {
    // A token given by an admin is bound to the device of its first handshake.
    NEXTSTEP_CHECK(
        SyncAccount(replica.store()).update([&](AccountFields& a) { a.token_device = issued; }));
  }
  if (hello->rotate_token) renewToken(replica, transport);
  return hello;
}

}  // namespace nextstep::sync
