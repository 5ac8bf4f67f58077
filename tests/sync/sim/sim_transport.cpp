#include "sim_transport.h"

#include <algorithm>
#include <filesystem>
#include <random>

#include "nextstep/sync/grpc_transport.h"
#include "nextstep/sync/wire.h"

namespace nextstep::sim {
namespace {

namespace pb = ::nextstep::sync::v1;

Error toError(const server::RpcError& e) {
  return sync::errorFromStatus(grpc::Status(e.code, e.message, e.details));
}
Error unavailable() { return Error{ErrorCode::kUnavailable, "simulated network failure"}; }

}  // namespace

Result<sync::ServerHello> SimTransport::handshake(DeviceId device, std::uint32_t catalog_version,
                                                  std::uint64_t last_seq) {
  if (broken()) return unavailable();
  pb::HandshakeRequest req;
  req.set_protocol_version(1);
  req.set_schema_version(catalog_version);
  req.set_device_id(device);
  req.set_last_seq(last_seq);
  auto r = w_.service().handshake(d_.caller, req);
  if (!r) return toError(r.error());
  if (fault(w_.faults().drop_reply)) return unavailable();
  sync::ServerHello h;
  h.server_time_ms = r->server_time_ms();
  h.head = r->head();
  h.max_ops_per_push = 40;  // small batches: more messages to lose
  h.max_clock_ahead_ms = r->max_clock_ahead_ms();
  h.device_reused = r->device_reused();
  h.rotate_token = r->rotate_token();
  return h;
}

// The server's snapshot as it is at this moment, built from the log on the spot (the real
// server builds on a worker thread; here nothing may run beside the seeded steps).
Result<sync::SnapshotHeader> SimTransport::snapshot(std::uint32_t database_schema,
                                                    const std::string& file,
                                                    const sync::SnapshotProgress& progress) {
  if (broken() || fault(w_.faults().drop_request)) return unavailable();
  auto built = w_.buildSnapshot();
  if (!built) return built.error();
  const server::SnapshotRef& ref = *built;
  if (!ref || ref->schema != static_cast<int>(database_schema)) {
    return Error::notFound("no snapshot of this team is ready");
  }
  // Cut midway: what arrived is a part of the file, as a broken stream leaves it.
  if (fault(w_.faults().drop_reply)) {
    std::filesystem::copy_file(ref->path, file, std::filesystem::copy_options::overwrite_existing);
    std::filesystem::resize_file(file, ref->bytes / 2);
    return unavailable();
  }
  std::filesystem::copy_file(ref->path, file, std::filesystem::copy_options::overwrite_existing);
  const sync::SnapshotHeader header{ref->version, ref->bytes, ref->rows};
  if (progress) progress(header, ref->bytes);
  return header;
}

Result<std::string> SimTransport::renewToken() {
  if (broken()) return unavailable();
  auto r = w_.service().renewToken(d_.caller, pb::RenewTokenRequest());
  if (!r) return toError(r.error());
  d_.token = r->token();
  d_.caller = w_.service().authenticate(d_.token).value();
  return r->token();
}

Result<std::string> SimTransport::forkDevice(DeviceId new_device, std::string_view reason) {
  if (broken()) return unavailable();
  pb::ForkDeviceRequest req;
  req.set_new_device_id(new_device);
  req.set_reason(std::string(reason));
  auto r = w_.service().forkDevice(d_.caller, req);
  if (!r) return toError(r.error());
  if (fault(w_.faults().drop_reply)) return unavailable();
  d_.token = r->token();
  d_.caller = w_.service().authenticate(d_.token).value();
  ++d_.forks;
  return r->token();
}

Result<sync::PushReply> SimTransport::push(const std::vector<Op>& ops) {
  if (broken()) return unavailable();
  pb::PushRequest req;
  for (const Op& op : ops) sync::toWire(op, *req.add_operations());
  d_.sent.push_back(req);
  if (d_.sent.size() > 12) d_.sent.erase(d_.sent.begin());
  if (fault(w_.faults().drop_request)) return unavailable();
  auto r = w_.service().push(d_.caller, req);
  if (r && fault(w_.faults().duplicate)) r = w_.service().push(d_.caller, req);
  if (!r) return toError(r.error());
  if (fault(w_.faults().drop_reply)) return unavailable();
  sync::PushReply reply;
  reply.acked_through_seq = static_cast<std::int64_t>(r->acked_through_seq());
  reply.head = r->head();
  reply.device_reused = r->device_reused();
  for (const auto& rej : r->rejected())
    reply.rejected.push_back({static_cast<std::int64_t>(rej.device_seq()), rej.reason()});
  for (const Op& op : ops) {
    if (!reply.device_reused && op.seq <= reply.acked_through_seq)
      d_.acknowledged.insert({op.stamp.device, op.seq});
  }
  return reply;
}

Result<sync::PullReply> SimTransport::pull(std::uint64_t after, std::uint32_t limit) {
  if (broken()) return unavailable();
  if (fault(w_.faults().stale_page)) {
    // A late answer to an earlier request from this position or before: never one from
    // further on, which a device whose restored backup moved it back could not have asked.
    std::vector<const sync::PullReply*> earlier;
    for (const auto& [asked, page] : d_.pages) {
      if (asked <= after) earlier.push_back(&page);
    }
    if (!earlier.empty()) {
      std::uniform_int_distribution<std::size_t> pick(0, earlier.size() - 1);
      return *earlier[pick(w_.rng())];
    }
  }
  if (fault(w_.faults().drop_request)) return unavailable();
  pb::PullRequest req;
  req.set_after_version(after);
  req.set_limit(std::min<std::uint32_t>(limit, 25));  // small pages: more of them to go wrong
  auto r = w_.service().pull(d_.caller, req);
  if (!r) return toError(r.error());
  if (fault(w_.faults().drop_reply)) return unavailable();
  sync::PullReply page = sync::fromWire(*r);
  d_.pages.emplace_back(after, page);
  if (d_.pages.size() > 8) d_.pages.erase(d_.pages.begin());
  return page;
}

Result<void> SimTransport::subscribe(std::uint64_t,
                                     const std::function<bool(const sync::PullReply&)>&) {
  return unavailable();
}

}  // namespace nextstep::sim
