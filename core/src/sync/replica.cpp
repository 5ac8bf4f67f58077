#include "nextstep/sync/replica.h"

#include <map>
#include <unordered_map>
#include <unordered_set>

#include "nextstep/storage/device_identity.h"
#include "nextstep/storage/local_meta.h"
#include "nextstep/storage/record_reads.h"
#include "nextstep/storage/record_rows.h"
#include "nextstep/sync/merge.h"
#include "record_titles.h"
#include "storage/stamp_renames.h"

namespace nextstep::sync {
namespace {

// A remote stamp further ahead of our clock than this does not drag our clock along.
constexpr std::int64_t kMaxObservedAheadMs = 5 * 60 * 1000;

Value fieldsValue(const RecordSpec& spec, std::string_view key, const Fields& fields) {
  if (key == "deleted" || !spec.isRegister(key)) return fields.empty() ? Value() : fields[0].value;
  return Value(encodeFields(spec, fields));
}

// Merges one remote operation into the local tables, inside the caller's transaction.
class RemoteApplier {
 public:
  RemoteApplier(Database& db, HybridClock& clock, DeviceId self, Instant now)
      : db_(db), clock_(clock), self_(self), now_(now) {}

  void apply(const RemoteOp& r) {
    clock_.observe(r.op.stamp.hlc, kMaxObservedAheadMs);
    rememberAuthor(r.op.stamp.device, r.author);
    // Merged like anyone's: a restored or copied database may not hold what its identity wrote
    // since (the merge finds the rest duplicates of what is here).
    if (r.op.stamp.device == self_) ++stats.own;
    // The server checks operations against its own catalog, which may be newer than ours: what
    // this version cannot read fails the page, it is not guessed at (found by fuzzing).
    const RecordSpec* known = specByNumber(static_cast<std::uint32_t>(r.op.type));
    if (known == nullptr)
      unreadable(r, "record type " + std::to_string(static_cast<int>(r.op.type)));
    const RecordSpec& spec = *known;
    switch (r.op.kind) {
      case OpKind::kCreate:
        applyCreate(spec, r);
        break;
      case OpKind::kSet:
      case OpKind::kDelete:
      case OpKind::kRestore:
        applyKey(spec, r);
        break;
      case OpKind::kAdd:
      case OpKind::kRemove:
        applyMember(spec, r);
        break;
    }
  }

  // Parked operations whose record or parents have arrived since; one pass, in log order.
  void retryParked() {
    std::vector<RemoteOp> parked;
    {
      auto s = db_.prepare(
          "SELECT version, type, record_id, kind, key, value, stamp, base, author FROM parked_ops "
          "ORDER BY version");
      while (s->step()) parked.push_back(readParked(*s));
    }
    for (const RemoteOp& r : parked) {
      auto d = db_.prepare("DELETE FROM parked_ops WHERE version = ?1");
      d->bind(1, static_cast<std::int64_t>(r.version));
      d->run();
      --stats.parked;
      apply(r);
    }
  }

  ApplyStats stats;

 private:
  [[noreturn]] static void unreadable(const RemoteOp& r, const std::string& what) {
    fail(ErrorCode::kInvalidArgument, "operation " + std::to_string(r.version) +
                                          " of the team's log has " + what +
                                          ", unknown to this version; update NextStep to sync");
  }

  static RemoteOp readParked(const Statement& s) {
    RemoteOp r;
    r.version = static_cast<std::uint64_t>(s.integer(0));
    r.op.type = static_cast<RecordType>(s.integer(1));
    r.op.record_id = s.text(2);
    r.op.kind = static_cast<OpKind>(s.integer(3));
    r.op.key = s.text(4);
    r.op.value = s.value(5);
    r.op.stamp = records::columnStamp(s, 6);
    r.op.base = records::columnStamp(s, 7);
    r.author = s.text(8);
    return r;
  }

  void park(const RemoteOp& r) {
    auto s = db_.prepare(
        "INSERT OR REPLACE INTO parked_ops(version, type, record_id, kind, key, value, stamp, "
        "base, author) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)");
    s->bindAll(static_cast<std::int64_t>(r.version), static_cast<std::int64_t>(r.op.type),
               r.op.record_id, static_cast<std::int64_t>(r.op.kind), r.op.key, r.op.value);
    records::bindStamp(*s, 7, r.op.stamp);
    records::bindStamp(*s, 8, r.op.base);
    s->bind(9, r.author);
    s->run();
    ++stats.parked;
  }

  // A reference to a record this device has not received yet cannot be written (foreign keys).
  // Parents usually arrive in the same page just before their children: remember what exists.
  bool missingParent(const Fields& fields) {
    for (const FieldValue& f : fields) {
      const auto target = refTarget(f.name);
      if (!target || isNull(f.value)) continue;
      const std::string& id = std::get<std::string>(f.value);
      if (known_.count(knownKey(*target, id)) > 0) continue;
      if (!records::exists(db_, specOf(*target), id)) return true;
      known_.insert(knownKey(*target, id));
    }
    return false;
  }

  void rememberAuthor(DeviceId device, const std::string& author) {
    if (author.empty() || device == self_) return;
    auto [it, fresh] = authors_.try_emplace(device, author);
    if (!fresh && it->second == author) return;  // written once per page, not once per op
    it->second = author;
    auto s = db_.prepare("INSERT OR REPLACE INTO device_authors(device, author) VALUES (?1, ?2)");
    s->bindAll(deviceIdToHex(device), author);
    s->run();
  }

  std::string authorOf(DeviceId device) {
    if (device == self_) return "this device";
    auto s = db_.prepare("SELECT author FROM device_authors WHERE device = ?1");
    s->bind(1, deviceIdToHex(device));
    return s->step() ? s->text(0) : "device " + deviceIdToHex(device);
  }

  void archive(const RecordSpec& spec, const std::string& id, std::string_view key,
               std::string_view kind, const Value& kept, const Stamp& keptStamp,
               const std::string& keptAuthor, const Value& lost, const Stamp& lostStamp,
               const std::string& lostAuthor) {
    auto s = db_.prepare(
        "INSERT OR IGNORE INTO conflicts(id, type, record_id, key, kind, kept_value, kept_stamp, "
        "kept_author, "
        "lost_value, lost_stamp, lost_author, detected_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, "
        "?9, ?10, ?11, ?12)");
    // The same lost write found on two devices is one conflict.
    const std::string conflictId =
        std::string(spec.name) + "/" + id + "/" + std::string(key) + "/" + lostStamp.toHex();
    s->bindAll(conflictId, static_cast<std::int64_t>(spec.type), id, key, kind, kept);
    records::bindStamp(*s, 7, keptStamp);
    s->bind(8, keptAuthor);
    s->bind(9, lost);
    records::bindStamp(*s, 10, lostStamp);
    s->bind(11, lostAuthor);
    s->bind(12, toUnix(now_));
    s->run();
    if (db_.changes() > 0) ++stats.conflicts;
  }

  void applyCreate(const RecordSpec& spec, const RemoteOp& r) {
    const Fields fields = decodeFields(spec, std::get<std::string>(r.op.value));
    if (!records::exists(db_, spec, r.op.record_id)) {
      if (missingParent(fields)) return park(r);
      records::insertRow(db_, spec, r.op.record_id, fields, r.op.stamp);
      known_.insert(knownKey(r.op.type, r.op.record_id));
      ++stats.applied;
      return;
    }
    // The same id created on two devices (one outcome per meeting, the team's settings): merge
    // it field by field as writes that saw nothing before them.
    std::map<std::string_view, Fields> byKey;
    for (const FieldValue& f : fields) byKey[spec.field(f.name)->clockKey()].push_back(f);
    for (auto& [key, values] : byKey) {
      Fields complete = records::keyValues(db_, spec, r.op.record_id, key);
      for (FieldValue& c : complete) {
        for (const FieldValue& v : values) {
          if (v.name == c.name) c.value = v.value;
        }
      }
      mergeKey(spec, r, key, complete, Stamp{},
               *records::mergeState(db_, spec, r.op.record_id, key));
    }
  }

  void applyKey(const RecordSpec& spec, const RemoteOp& r) {
    const auto state = records::mergeState(db_, spec, r.op.record_id, r.op.key);
    if (!state) return park(r);
    Fields values;
    if (r.op.kind == OpKind::kSet) {
      if (spec.isRegister(r.op.key)) {
        values = decodeFields(spec, std::get<std::string>(r.op.value));
      } else {
        const FieldSpec* field = spec.field(r.op.key);
        if (field == nullptr || !field->reg.empty())
          unreadable(r, std::string(spec.name) + " field '" + r.op.key + "'");
        values.push_back({field->name, r.op.value});
      }
      if (missingParent(values)) return park(r);
    } else {
      values.push_back({"deleted", Value(std::int64_t{r.op.kind == OpKind::kDelete ? 1 : 0})});
    }
    mergeKey(spec, r, r.op.key, values, r.op.base, *state);
  }

  Fields currentValues(const RecordSpec& spec, const std::string& id, std::string_view key) {
    if (key == "deleted") return {{"deleted", records::fieldValue(db_, spec, id, "deleted")}};
    return records::keyValues(db_, spec, id, key);
  }

  void mergeKey(const RecordSpec& spec, const RemoteOp& r, std::string_view key,
                const Fields& values, const Stamp& base, records::MergeState state) {
    const std::string& id = r.op.record_id;
    const records::Clock current = state.key;
    const Stamp here_stamp = current.stamp == records::kForgottenStamp ? Stamp{} : current.stamp;
    const MergeDecision d = decide({here_stamp, current.base}, {r.op.stamp, base});
    if (d.duplicate) {
      ++stats.ignored;
      return;
    }
    const Fields here = currentValues(spec, id, key);
    const Value hereValue = fieldsValue(spec, key, here);
    const Value incomingValue = fieldsValue(spec, key, values);
    if (d.apply) {
      if (d.concurrent && hereValue != incomingValue) {
        archive(spec, id, key, "overwritten", incomingValue, r.op.stamp, r.author, hereValue,
                current.stamp, authorOf(current.stamp.device));
      }
      if (key == "deleted") {
        records::setDeleted(db_, spec, id, r.op.kind == OpKind::kDelete);
        state.is_deleted = r.op.kind == OpKind::kDelete;
        state.deleted = {r.op.stamp, base};
      } else {
        records::updateRow(db_, spec, id, values);
      }
      records::setClock(db_, spec, id, key, r.op.stamp, base);
      ++stats.applied;
    } else {
      if (d.concurrent && hereValue != incomingValue) {
        archive(spec, id, key, "overwritten", hereValue, current.stamp,
                authorOf(current.stamp.device), incomingValue, r.op.stamp, r.author);
      }
      ++stats.ignored;
    }
    noteEditsAgainstDelete(spec, r, key, incomingValue, state);
  }

  // Delete wins for visibility; an edit made without knowing of the delete stays in the row and
  // is listed, so the record can be restored with it.
  void noteEditsAgainstDelete(const RecordSpec& spec, const RemoteOp& r, std::string_view key,
                              const Value& incomingValue, const records::MergeState& state) {
    const std::string& id = r.op.record_id;
    if (!state.is_deleted) return;
    const records::Clock& deleted = state.deleted;
    if (key != "deleted") {
      if (r.op.stamp > deleted.stamp) {
        archive(spec, id, key, "edited_while_deleted", Value("deleted"), deleted.stamp,
                authorOf(deleted.stamp.device), incomingValue, r.op.stamp, r.author);
      }
      return;
    }
    auto s = db_.prepare(
        "SELECT key, stamp FROM clocks WHERE type = ?1 AND record_id = ?2 AND key != 'deleted'");
    s->bindAll(static_cast<std::int64_t>(spec.type), id);
    std::vector<std::pair<std::string, Stamp>> newer;
    while (s->step()) {
      const Stamp st = records::columnStamp(*s, 1);
      if (st > deleted.stamp && st.device != deleted.stamp.device)
        newer.emplace_back(s->text(0), st);
    }
    for (const auto& [k, st] : newer) {
      archive(spec, id, k, "edited_while_deleted", Value("deleted"), deleted.stamp,
              authorOf(deleted.stamp.device), fieldsValue(spec, k, currentValues(spec, id, k)), st,
              authorOf(st.device));
    }
  }

  void applyMember(const RecordSpec& spec, const RemoteOp& r) {
    const std::string& id = r.op.record_id;
    const std::string member = std::get<std::string>(r.op.value);
    if (!records::exists(db_, spec, id)) return park(r);
    const auto m = records::member(db_, spec, id, member);
    MemberClock current =
        m ? MemberClock{m->add_stamp, m->removed_upto} : MemberClock{r.op.base, r.op.base};
    MemberClock next =
        r.op.kind == OpKind::kAdd ? mergeAdd(current, r.op.stamp) : mergeRemove(current, r.op.base);
    if (m && next.add_stamp == current.add_stamp && next.removed_upto == current.removed_upto) {
      ++stats.ignored;
      return;
    }
    records::putMember(db_, spec, id, member, {next.add_stamp, next.removed_upto});
    ++stats.applied;
    if (r.op.kind == OpKind::kRemove && next.present()) {
      archive(spec, id, r.op.key, "removed_while_added", Value(member), next.add_stamp,
              authorOf(next.add_stamp.device), Value("removed " + member), r.op.stamp, r.author);
    }
  }

  Database& db_;
  HybridClock& clock_;
  DeviceId self_;
  Instant now_;
  // By type and id: an id of another type is no parent (a deal naming a meeting as its account
  // must be parked, not written; found by fuzzing).
  static std::string knownKey(RecordType type, std::string_view id) {
    return std::to_string(static_cast<int>(type)) + ':' + std::string(id);
  }
  std::unordered_set<std::string> known_;  // records that exist here
  std::unordered_map<DeviceId, std::string> authors_;
};

ConflictEntry readConflict(const Statement& s) {
  ConflictEntry c;
  c.id = s.text(0);
  c.type = static_cast<RecordType>(s.integer(1));
  c.record_id = s.text(2);
  c.key = s.text(3);
  c.kind = s.text(4);
  c.kept_value = s.value(5);
  c.kept_at = instantFromUnix(records::columnStamp(s, 6).millis() / 1000);
  c.kept_author = s.text(7);
  c.lost_value = s.value(8);
  c.lost_at = instantFromUnix(records::columnStamp(s, 9).millis() / 1000);
  c.lost_author = s.text(10);
  c.detected_at = instantFromUnix(s.integer(11));
  c.resolution = s.optText(12);
  c.record_title = s.text(13);
  return c;
}

}  // namespace

Result<std::vector<Op>> Replica::outbox(int limit) {
  return store_.read([&](Database& db) {
    auto s = db.prepare(
        "SELECT seq, type, record_id, kind, key, value, stamp, base FROM outbox ORDER BY seq LIMIT "
        "?1");
    s->bind(1, limit);
    std::vector<Op> out;
    std::int64_t base = 0;
    while (s->step()) {
      Op op;
      op.stamp = records::columnStamp(*s, 6);
      if (out.empty()) {
        base = wireSeqBase(db, op.stamp.device);
      } else if (op.stamp.device != out.front().stamp.device) {
        break;  // the next identity's operations come in a push of their own
      }
      op.seq = s->integer(0) - base;
      op.type = static_cast<RecordType>(s->integer(1));
      op.record_id = s->text(2);
      op.kind = static_cast<OpKind>(s->integer(3));
      op.key = s->text(4);
      op.value = s->value(5);
      op.base = records::columnStamp(*s, 7);
      out.push_back(std::move(op));
    }
    return out;
  });
}

Result<void> Replica::acknowledge(std::int64_t acked_through,
                                  const std::vector<Rejection>& rejected) {
  return acknowledge(store_.deviceId(), acked_through, rejected);
}

Result<void> Replica::acknowledge(DeviceId device, std::int64_t acked_through,
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

Result<std::int64_t> Replica::adopt(DeviceId former) {
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

Result<ApplyStats> Replica::apply(const std::vector<RemoteOp>& page, std::uint64_t next_cursor) {
  const Instant now = store_.now();
  const DeviceId self = store_.deviceId();
  return store_.write(
      [&](Mutation& m) {
        RemoteApplier applier(m.db(), store_.clock(), self, now);
        for (const RemoteOp& r : page) applier.apply(r);
        if (applier.stats.applied > 0 && m.db().scalar("SELECT count(*) FROM parked_ops") > 0)
          applier.retryParked();
        local_meta::put(m.db(), kCursorKey, Value(static_cast<std::int64_t>(next_cursor)));
        return applier.stats;
      },
      Store::Durability::kRecoverable);  // the cursor goes back with the rows: they are pulled
                                         // again
}

Result<std::uint64_t> Replica::cursor() {
  return store_.read([](Database& db) {
    return static_cast<std::uint64_t>(local_meta::integer(db, kCursorKey).value_or(0));
  });
}

Result<std::int64_t> Replica::pending() { return store_.pendingChanges(); }

Result<std::uint64_t> Replica::lastSeq(DeviceId device) {
  return store_.read(
      [&](Database& db) { return static_cast<std::uint64_t>(lastWireSeq(db, device)); });
}

Result<int> Replica::boundClock(std::int64_t server_time_ms, std::int64_t max_ahead_ms) {
  HybridClock& clock = store_.clock();
  return store_.write([&](Mutation& m) -> int {
    Database& db = m.db();
    const std::int64_t ahead = clock.wallMillis() - server_time_ms;
    if (ahead > max_ahead_ms) {
      const std::int64_t offset = clock.offsetMillis() - ahead;
      clock.correct(offset);
      local_meta::put(db, "clock_offset_ms", Value(offset));
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

Result<std::vector<ConflictEntry>> Replica::conflicts(bool include_resolved, int limit) {
  return store_.read([&](Database& db) {
    auto s = db.prepare(
        "SELECT c.id, c.type, c.record_id, c.key, c.kind, c.kept_value, c.kept_stamp, "
        "c.kept_author, c.lost_value, c.lost_stamp, c.lost_author, c.detected_at, c.resolution, " +
        recordTitleSql("c.record_id") +
        " FROM conflicts c WHERE ?1 OR c.resolution IS NULL ORDER BY c.detected_at DESC, c.id "
        "LIMIT ?2");
    s->bindAll(include_resolved, limit);
    std::vector<ConflictEntry> out;
    while (s->step()) out.push_back(readConflict(*s));
    return out;
  });
}

Result<void> Replica::restoreConflict(std::string_view conflict_id) {
  return store_.write([&](Mutation& m) {
    Database& db = m.db();
    auto s = db.prepare(
        "SELECT type, record_id, key, kind, lost_value, resolution FROM conflicts WHERE id = ?1");
    s->bind(1, conflict_id);
    if (!s->step()) fail(ErrorCode::kNotFound, "no conflict " + std::string(conflict_id));
    const RecordSpec& spec = specOf(static_cast<RecordType>(s->integer(0)));
    const std::string id = s->text(1), key = s->text(2), kind = s->text(3);
    const Value lost = s->value(4);
    if (!s->isNull(5))
      fail(ErrorCode::kFailedPrecondition, "that conflict is already " + s->text(5));
    if (kind == "edited_while_deleted") {
      m.restore(spec.type, id);
    } else if (kind == "removed_while_added") {
      fail(ErrorCode::kFailedPrecondition,
           "the attendee is still there; remove them again if you meant it");
    } else if (key == "deleted") {
      if (lost == Value(std::int64_t{1}))
        m.remove(spec.type, id);
      else
        m.restore(spec.type, id);
    } else if (spec.isRegister(key)) {
      m.update(spec.type, id, decodeFields(spec, std::get<std::string>(lost)));
    } else {
      m.update(spec.type, id, {{spec.field(key)->name, lost}});
    }
    auto u = db.prepare("UPDATE conflicts SET resolution = 'restored' WHERE id = ?1");
    u->bind(1, conflict_id);
    u->run();
  });
}

Result<void> Replica::dismissConflict(std::string_view conflict_id) {
  return store_.write([&](Mutation& m) {
    Database& db = m.db();
    auto s = db.prepare(
        "SELECT type, record_id, key, kind, kept_value FROM conflicts "
        "WHERE id = ?1 AND resolution IS NULL");
    s->bind(1, conflict_id);
    if (!s->step()) fail(ErrorCode::kNotFound, "no open conflict " + std::string(conflict_id));
    const RecordSpec& spec = specOf(static_cast<RecordType>(s->integer(0)));
    const std::string id = s->text(1), key = s->text(2), kind = s->text(3);
    const Value kept = s->value(4);
    // Keeping is a write of what is kept, so the other devices close their entry of it too.
    if (kind == "removed_while_added") {
      m.reaffirmMember(spec.type, id, std::get<std::string>(kept));
    } else if (kind == "edited_while_deleted") {
      if (records::isDeleted(db, spec, id).value_or(false)) m.reaffirm(spec.type, id, "deleted");
    } else if (key == "deleted" || !records::isDeleted(db, spec, id).value_or(true)) {
      m.reaffirm(spec.type, id, key);
    }
    // A field of a record deleted since closes here only: any edit of it would be taken for an
    // edit made while it was deleted (the delete already settles what the record shows).
    auto u = db.prepare(
        "UPDATE conflicts SET resolution = 'dismissed' WHERE id = ?1 AND resolution IS NULL");
    u->bind(1, conflict_id);
    u->run();
  });
}

Result<std::optional<std::string>> Replica::setting(std::string_view key) {
  return store_.read([&](Database& db) { return local_meta::text(db, key); });
}

Result<void> Replica::setSetting(std::string_view key, std::optional<std::string> value) {
  return store_.write([&](Mutation& m) {
    if (value) {
      local_meta::put(m.db(), key, Value(*value));
    } else {
      local_meta::erase(m.db(), key);
    }
  });
}

}  // namespace nextstep::sync
