#include "remote_applier.h"

#include <map>

#include "nextstep/storage/device_identity.h"
#include "nextstep/storage/record_reads.h"
#include "nextstep/sync/merge.h"

namespace nextstep::sync {
namespace {

// A remote stamp further ahead of our clock than this does not drag our clock along.
constexpr std::int64_t kMaxObservedAheadMs = 5 * 60 * 1000;

Value fieldsValue(const RecordSpec& spec, std::string_view key, const Fields& fields) {
  if (key == "deleted" || !spec.isRegister(key)) return fields.empty() ? Value() : fields[0].value;
  return Value(encodeFields(spec, fields));
}

}  // namespace

void RemoteApplier::apply(const RemoteOp& r) {
  clock_.observe(r.op.stamp.hlc, kMaxObservedAheadMs);
  rememberAuthor(r.op.stamp.device, r.author);
  // Merged like anyone's: a restored or copied database may not hold what its identity wrote
  // since (the merge finds the rest duplicates of what is here).
  if (r.op.stamp.device == self_) ++stats.own;
  // The server checks operations against its own catalog, which may be newer than ours: what
  // this version cannot read fails the page, it is not guessed at (found by fuzzing).
  const RecordSpec* known = specByNumber(static_cast<std::uint32_t>(r.op.type));
  if (known == nullptr) unreadable(r, "record type " + std::to_string(static_cast<int>(r.op.type)));
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
void RemoteApplier::retryParked() {
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

void RemoteApplier::unreadable(const RemoteOp& r, const std::string& what) {
  fail(ErrorCode::kInvalidArgument, "operation " + std::to_string(r.version) +
                                        " of the team's log has " + what +
                                        ", unknown to this version; update NextStep to sync");
}

RemoteOp RemoteApplier::readParked(const Statement& s) {
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

void RemoteApplier::park(const RemoteOp& r) {
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
bool RemoteApplier::missingParent(const Fields& fields) {
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

void RemoteApplier::rememberAuthor(DeviceId device, const std::string& author) {
  if (author.empty() || device == self_) return;
  auto [it, fresh] = authors_.try_emplace(device, author);
  if (!fresh && it->second == author) return;  // written once per page, not once per op
  it->second = author;
  auto s = db_.prepare("INSERT OR REPLACE INTO device_authors(device, author) VALUES (?1, ?2)");
  s->bindAll(deviceIdToHex(device), author);
  s->run();
}

std::string RemoteApplier::authorOf(DeviceId device) {
  if (device == self_) return "this device";
  auto s = db_.prepare("SELECT author FROM device_authors WHERE device = ?1");
  s->bind(1, deviceIdToHex(device));
  return s->step() ? s->text(0) : "device " + deviceIdToHex(device);
}

void RemoteApplier::archive(const RecordSpec& spec, const std::string& id, std::string_view key,
                            std::string_view kind, const Value& kept, const Stamp& keptStamp,
                            const std::string& keptAuthor, const Value& lost,
                            const Stamp& lostStamp, const std::string& lostAuthor) {
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

void RemoteApplier::applyCreate(const RecordSpec& spec, const RemoteOp& r) {
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
    mergeKey(spec, r, key, complete, Stamp{}, *records::mergeState(db_, spec, r.op.record_id, key));
  }
}

void RemoteApplier::applyKey(const RecordSpec& spec, const RemoteOp& r) {
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

Fields RemoteApplier::currentValues(const RecordSpec& spec, const std::string& id,
                                    std::string_view key) {
  if (key == "deleted") return {{"deleted", records::fieldValue(db_, spec, id, "deleted")}};
  return records::keyValues(db_, spec, id, key);
}

void RemoteApplier::mergeKey(const RecordSpec& spec, const RemoteOp& r, std::string_view key,
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
void RemoteApplier::noteEditsAgainstDelete(const RecordSpec& spec, const RemoteOp& r,
                                           std::string_view key, const Value& incomingValue,
                                           const records::MergeState& state) {
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
    if (st > deleted.stamp && st.device != deleted.stamp.device) newer.emplace_back(s->text(0), st);
  }
  for (const auto& [k, st] : newer) {
    archive(spec, id, k, "edited_while_deleted", Value("deleted"), deleted.stamp,
            authorOf(deleted.stamp.device), fieldsValue(spec, k, currentValues(spec, id, k)), st,
            authorOf(st.device));
  }
}

void RemoteApplier::applyMember(const RecordSpec& spec, const RemoteOp& r) {
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

// By type and id: an id of another type is no parent (a deal naming a meeting as its account
// must be parked, not written; found by fuzzing).
std::string RemoteApplier::knownKey(RecordType type, std::string_view id) {
  return std::to_string(static_cast<int>(type)) + ':' + std::string(id);
}

}  // namespace nextstep::sync
