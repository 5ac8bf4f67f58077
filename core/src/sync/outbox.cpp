#include "nextstep/sync/outbox.h"

#include "nextstep/storage/device_identity.h"
#include "nextstep/storage/local_meta.h"
#include "nextstep/storage/record_rows.h"
#include "storage/stamp_renames.h"

namespace nextstep::sync {

Result<std::vector<Op>> Outbox::next(int limit) {
  return store_.read([&](Database& db) {
    auto s = db.prepare(
        "SELECT seq, type, record_id, kind, key, value, stamp, base FROM outbox ORDER BY seq LIMIT "
        "?1");
    s->bind(1, limit);
    std::vector<Op> out;
    std::int64_t base = 0;
    while (s->step()) {
      Op op = records::columnOp(*s, 1);
      if (out.empty()) {
        base = wireSeqBase(db, op.stamp.device);
      } else if (op.stamp.device != out.front().stamp.device) {
        break;  // the next identity's operations come in a push of their own
      }
      op.seq = s->integer(0) - base;
      out.push_back(std::move(op));
    }
    return out;
  });
}

Result<void> Outbox::acknowledge(std::int64_t acked_through,
                                 const std::vector<Rejection>& rejected) {
  return acknowledge(store_.deviceId(), acked_through, rejected);
}

Result<void> Outbox::acknowledge(DeviceId device, std::int64_t acked_through,
                                 const std::vector<Rejection>& rejected) {
  const Instant now = store_.now();
  const auto device_bytes = Stamp{0, device}.encode();
  return store_.write(
      [&](Mutation& m) {
        Database& db = m.db();
        const std::int64_t base = wireSeqBase(db, device);
        for (const Rejection& r : rejected) {
          auto s = db.prepare(
              "INSERT OR REPLACE INTO rejected_ops(seq, type, record_id, kind, key, value, stamp, "
              "base, reason, rejected_at) "
              "SELECT seq, type, record_id, kind, key, value, stamp, base, ?2, ?3 FROM outbox "
              "WHERE seq = ?1");
          s->bindAll(r.seq + base, r.reason, toUnix(now));
          s->run();
        }
        auto s = db.prepare("DELETE FROM outbox WHERE seq <= ?1 AND substr(stamp, 9, 8) = ?2");
        s->bind(1, acked_through + base);
        s->bindBlob(2, device_bytes.data() + 8, 8);
        s->run();
      },
      Store::Durability::kRecoverable);  // lost acknowledgements mean a harmless re-push
}

Result<std::int64_t> Outbox::adopt(DeviceId former) {
  const DeviceId self = store_.deviceId();
  const auto former_bytes = Stamp{0, former}.encode();
  return store_.write([&](Mutation& m) -> std::int64_t {
    Database& db = m.db();
    if (former == self) return 0;
    std::vector<std::int64_t> seqs;
    {
      auto s = db.prepare("SELECT seq FROM outbox WHERE substr(stamp, 9, 8) = ?1 ORDER BY seq");
      s->bindBlob(1, former_bytes.data() + 8, 8);
      while (s->step()) seqs.push_back(s->integer(0));
    }
    StampRenames renames(db);
    renames.addOutboxOf(former, self);
    renames.apply();
    // After this identity's own operations, so its numbers stay in order on the wire.
    for (const std::int64_t seq : seqs) {
      auto move = db.prepare(
          "INSERT INTO outbox(type, record_id, kind, key, value, stamp, base) "
          "SELECT type, record_id, kind, key, value, stamp, base FROM outbox WHERE seq = ?1");
      move->bind(1, seq);
      move->run();
      auto drop = db.prepare("DELETE FROM outbox WHERE seq = ?1");
      drop->bind(1, seq);
      drop->run();
    }
    return static_cast<std::int64_t>(seqs.size());
  });
}

Result<std::int64_t> Outbox::pending() { return store_.pendingChanges(); }

Result<std::uint64_t> Outbox::lastSeq(DeviceId device) {
  return store_.read(
      [&](Database& db) { return static_cast<std::uint64_t>(lastWireSeq(db, device)); });
}

Result<int> Outbox::boundClock(std::int64_t server_time_ms, std::int64_t max_ahead_ms) {
  HybridClock& clock = store_.clock();
  return store_.write([&](Mutation& m) -> int {
    Database& db = m.db();
    const std::int64_t ahead = clock.wallMillis() - server_time_ms;
    if (ahead > max_ahead_ms) {
      const std::int64_t offset = clock.offsetMillis() - ahead;
      clock.correct(offset);
      local_meta::put(db, local_meta::kClockOffset, Value(offset));
    }
    const auto ceiling =
        Stamp{packHlc(server_time_ms + max_ahead_ms, 0xffff), ~DeviceId{0}}.encode();
    std::vector<Stamp> future;
    {
      auto s =
          db.prepare("SELECT stamp FROM outbox WHERE stamp > ?1 GROUP BY stamp ORDER BY min(seq)");
      s->bindBlob(1, ceiling.data(), ceiling.size());
      while (s->step()) future.push_back(records::columnStamp(*s, 0));
    }
    StampRenames renames(db);
    // Each keeps its device: a former identity's operations stay that identity's.
    for (const Stamp& f : future) renames.add(f, Stamp{clock.now(), f.device});
    return static_cast<int>(renames.apply());
  });
}

}  // namespace nextstep::sync
