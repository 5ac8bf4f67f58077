#include "nextstep/sync/device_session.h"

#include "nextstep/storage/catalog.h"
#include "nextstep/storage/device_identity.h"
#include "nextstep/sync/sync_round.h"

namespace nextstep::sync {
namespace {

constexpr char kRestoredReason[] =
    "the server holds newer changes of this device than this database: it was restored from an "
    "older copy, so it continues as a new device";

Result<ServerHello> handshakeAs(Replica& replica, Transport& transport, DeviceId device) {
  auto last = replica.lastSeq(device);
  if (!last) return last.error();
  return transport.handshake(device, kCatalogVersion, *last);
}

Result<std::string> forkReason(Replica& replica) {
  auto reason = replica.setting(identity_keys::kForkReason);
  if (!reason) return reason.error();
  return reason->value_or("this database became a new device");
}

// Replaces the session's token, as the server asked, before it expires. A failure leaves the old
// token in use (it still works until its expiry), so the session goes on and tries next time.
void renewToken(Replica& replica, Transport& transport) {
  auto token = transport.renewToken();
  if (!token) return;
  (void)replica.setSetting("sync_token", *token);
}

}  // namespace

Result<DeviceId> tokenIdentity(Replica& replica) {
  auto hex = replica.setting(identity_keys::kTokenDevice);
  if (!hex) return hex.error();
  DeviceId id = 0;
  if (*hex && parseDeviceId(**hex, id)) return id;
  return replica.store().deviceId();
}

Result<void> registerIdentity(Replica& replica, Transport& transport) {
  const DeviceId device = replica.store().deviceId();
  auto reason = forkReason(replica);
  if (!reason) return reason.error();
  auto token = transport.forkDevice(device, *reason);
  if (!token) return token.error();
  if (auto ok = replica.setSetting("sync_token", *token); !ok) return ok;
  return replica.setSetting(identity_keys::kTokenDevice, deviceIdToHex(device));
}

Result<ServerHello> beginSession(Replica& replica, Transport& transport) {
  auto issued = tokenIdentity(replica);
  if (!issued) return issued.error();
  auto hello = handshakeAs(replica, transport, *issued);
  if (!hello) return hello;
  // Before anything is pushed, a former identity's changes too: a change stamped by a clock
  // that ran ahead would be refused and set aside.
  if (auto bound = replica.boundClock(hello->server_time_ms, hello->max_clock_ahead_ms); !bound)
    return bound.error();
  if (hello->device_reused || *issued != replica.store().deviceId()) {
    // Deliver what the token's identity wrote, then move on to the database's own identity.
    auto pushed = pushAll(replica, transport, hello->max_ops_per_push);
    if (!pushed) return pushed.error();
    if (hello->device_reused && replica.store().deviceId() == *issued) {
      if (auto fork = replica.store().forkDevice(kRestoredReason); !fork) return fork.error();
    }
    auto now = tokenIdentity(replica);
    if (!now) return now.error();
    if (*now != replica.store().deviceId()) {
      if (auto ok = registerIdentity(replica, transport); !ok) return ok.error();
    }
    hello = handshakeAs(replica, transport, replica.store().deviceId());
    if (!hello) return hello;
    if (hello->device_reused) {
      return Error{ErrorCode::kInternal,
                   "the server finds this device's new identity already used; nothing was lost, "
                   "the changes wait in the outbox"};
    }
  } else if (auto known = replica.setting(identity_keys::kTokenDevice); known && !*known) {
    if (auto ok = replica.setSetting(identity_keys::kTokenDevice, deviceIdToHex(*issued)); !ok)
      return ok.error();
  }
  if (hello->rotate_token) renewToken(replica, transport);
  return hello;
}

}  // namespace nextstep::sync
