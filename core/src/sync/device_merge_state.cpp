#include "device_merge_state.h"

#include "nextstep/storage/device_identity.h"
#include "nextstep/storage/record_reads.h"
#include "storage/conflict_settling.h"

namespace nextstep::sync {
namespace {

Value fieldsValue(const RecordSpec& spec, std::string_view key, const Fields& fields) {
  if (key == kDeletedKey || !spec.isRegister(key))
    return fields.empty() ? Value() : fields[0].value;
  return Value(encodeFields(spec, fields));
}

bool coversRegister(const RecordSpec& spec, std::string_view key, const Fields& fields) {
  for (const FieldSpec& f : spec.fields) {
    if (f.reg != key) continue;
    bool given = false;
    for (const FieldValue& g : fields) given |= g.name == f.name;
    if (!given) return false;
  }
  return true;
}

}  // namespace

void DeviceMergeState::rememberAuthor(DeviceId device, const std::string& author) {
  if (author.empty() || device == self_) return;
  auto [it, fresh] = authors_.try_emplace(device, author);
  if (!fresh && it->second == author) return;  // written once per page, not once per op
  it->second = author;
  auto s = db_.prepare("INSERT OR REPLACE INTO device_authors(device, author) VALUES (?1, ?2)");
  s->bindAll(deviceIdToHex(device), author);
  s->run();
}

std::string DeviceMergeState::authorOf(DeviceId device) {
  if (device == self_) return "this device";
  auto s = db_.prepare("SELECT author FROM device_authors WHERE device = ?1");
  s->bind(1, deviceIdToHex(device));
  return s->step() ? s->text(0) : "device " + deviceIdToHex(device);
}

bool DeviceMergeState::exists(const RecordSpec& spec, std::string_view id) {
  return touched_.at(spec, id).exists;
}

void DeviceMergeState::insert(const RecordSpec& spec, std::string_view id, const Fields& fields,
                              const IncomingWrite& write) {
  records::insertRow(db_, spec, id, fields, write.stamp);
  records::RecordState& r = touched_.at(spec, id);
  r.exists = true;
  r.rid = db_.lastInsertRowId();  // the row's: its triggers' inserts do not change it
  r.is_deleted = false;
  r.created = write.stamp;
}

std::optional<RegisterClock> DeviceMergeState::clock(const RegisterRef& ref) {
  const records::RecordState& r = touched_.at(ref.spec, ref.record_id);
  if (!r.exists) return std::nullopt;
  const records::Clock key = records::clockOf(r, ref.key);
  // A dropped local write loses to every write of the team, without a conflict.
  return RegisterClock{key.stamp == records::kForgottenStamp ? Stamp{} : key.stamp, key.base};
}

Value DeviceMergeState::value(const RegisterRef& ref) {
  return records::keyValue(db_, ref.spec, ref.record_id, ref.key);
}

Value DeviceMergeState::valueOf(const RegisterRef& ref, const Fields& fields) {
  if (ref.key == kDeletedKey || !ref.spec.isRegister(ref.key) ||
      coversRegister(ref.spec, ref.key, fields)) {
    return fieldsValue(ref.spec, ref.key, fields);
  }
  // A create names only the fields it set: the others keep what the row holds.
  Fields complete = records::keyValues(db_, ref.spec, ref.record_id, ref.key);
  for (FieldValue& c : complete) {
    for (const FieldValue& f : fields) {
      if (f.name == c.name) c.value = f.value;
    }
  }
  return fieldsValue(ref.spec, ref.key, complete);
}

std::string DeviceMergeState::writer(const RegisterRef&, const Stamp& stamp) {
  return authorOf(stamp.device);
}

void DeviceMergeState::write(const RegisterRef& ref, const Fields& fields, const Value& value,
                             const IncomingWrite& write) {
  records::RecordState& r = touched_.at(ref.spec, ref.record_id);
  if (ref.key == kDeletedKey) {
    r.is_deleted = value == Value(std::int64_t{1});
    records::setDeletedAt(db_, ref.spec, r.rid, r.is_deleted);
  } else {
    records::updateRowAt(db_, ref.spec, r.rid, fields);
  }
  touched_.setClock(ref.spec, ref.record_id, ref.key, {write.stamp, write.base});
  // Settling reads the conflicts and the row just written, not the clock kept for flush().
  if (r.open_conflicts)
    records::settleConflicts(db_, ref.spec, ref.record_id, ref.key, write.stamp);
}

void DeviceMergeState::archive(const Conflict& c) {
  const RecordSpec& spec = specOf(c.type);
  auto s = db_.prepare(
      "INSERT OR IGNORE INTO conflicts(id, type, record_id, key, kind, kept_value, kept_stamp, "
      "kept_author, "
      "lost_value, lost_stamp, lost_author, detected_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, "
      "?9, ?10, ?11, ?12)");
  // The same lost write found on two devices is one conflict.
  const std::string conflictId =
      std::string(spec.name) + "/" + c.record_id + "/" + c.key + "/" + c.lost_stamp.toHex();
  s->bindAll(conflictId, static_cast<std::int64_t>(c.type), c.record_id, c.key, nameOf(c.kind),
             c.kept_value);
  records::bindStamp(*s, 7, c.kept_stamp);
  s->bind(8, c.kept_author);
  s->bind(9, c.lost_value);
  records::bindStamp(*s, 10, c.lost_stamp);
  s->bind(11, c.lost_author);
  s->bind(12, toUnix(now_));
  s->run();
  if (db_.changes() == 0) return;
  ++archived;
  touched_.at(spec, c.record_id).open_conflicts = true;
}

std::optional<RegisterClock> DeviceMergeState::deletion(const RecordSpec& spec,
                                                        std::string_view id) {
  const records::RecordState& r = touched_.at(spec, id);
  if (!r.exists || !r.is_deleted) return std::nullopt;
  const records::Clock deleted = records::clockOf(r, kDeletedKey);
  return RegisterClock{deleted.stamp, deleted.base};
}

std::vector<std::pair<std::string, Stamp>> DeviceMergeState::keysWrittenAfter(
    const RecordSpec& spec, std::string_view id, const Stamp& deleted) {
  std::vector<std::pair<std::string, Stamp>> newer;
  for (const auto& [key, clock] : touched_.at(spec, id).clocks) {
    if (key == kDeletedKey) continue;
    if (clock.stamp > deleted && clock.stamp.device != deleted.device)
      newer.emplace_back(key, clock.stamp);
  }
  return newer;
}

HeldMember DeviceMergeState::member(const MemberRef& ref, const Stamp& base) {
  const auto m = records::member(db_, ref.spec, ref.record_id, ref.member);
  // A member never seen here starts from what the writer had seen of it.
  if (!m) return HeldMember{{base, base}, std::string(), false};
  return HeldMember{{m->add_stamp, m->removed_upto}, authorOf(m->add_stamp.device), true};
}

void DeviceMergeState::writeMember(const MemberRef& ref, const HeldMember& held) {
  records::putMember(db_, ref.spec, ref.record_id, ref.member,
                     {held.clock.add_stamp, held.clock.removed_upto});
}

}  // namespace nextstep::sync
