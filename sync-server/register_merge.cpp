#include "register_merge.h"

#include <algorithm>
#include <optional>
#include <vector>

#include "nextstep/sync/merge.h"

namespace nextstep::server {
namespace {

using sync::decide;
using sync::MergeDecision;
using sync::RegisterClock;

constexpr std::string_view kCreateKey = "";
constexpr std::string_view kDeletedKey = "deleted";

// A register's value as one JSON object of all its fields (absent ones null), so that values
// from a create and from a later set compare equal when they hold the same fields.
Value registerValue(const RecordSpec& spec, std::string_view reg, const Fields& given) {
  Fields all;
  for (const FieldSpec& f : spec.fields) {
    if (f.reg != reg) continue;
    Value v;
    for (const FieldValue& g : given) {
      if (g.name == f.name) v = g.value;
    }
    all.push_back({f.name, std::move(v)});
  }
  try {
    return Value(encodeFields(spec, all));
  } catch (const DomainError&) {
    return Value();  // a create without a required register field: nothing to compare
  }
}

// What a create says about one key that no later write has touched yet.
Value valueFromCreate(const RecordSpec& spec, std::string_view key, const Value& create_json) {
  if (key == kDeletedKey) return Value(std::int64_t{0});
  if (!std::holds_alternative<std::string>(create_json)) return Value();
  Fields fields;
  try {
    fields = decodeFields(spec, std::get<std::string>(create_json));
  } catch (const DomainError&) {
    return Value();
  }
  if (spec.isRegister(key)) return registerValue(spec, key, fields);
  for (const FieldValue& f : fields) {
    if (f.name == key) return f.value;
  }
  return Value();
}

Value incomingValue(const RecordSpec& spec, const Op& op) {
  switch (op.kind) {
    case OpKind::kDelete:
      return Value(std::int64_t{1});
    case OpKind::kRestore:
      return Value(std::int64_t{0});
    case OpKind::kCreate:
      return Value(encodeFields(spec, decodeFields(spec, std::get<std::string>(op.value))));
    case OpKind::kSet:
      if (spec.isRegister(op.key)) {
        return registerValue(spec, op.key, decodeFields(spec, std::get<std::string>(op.value)));
      }
      return op.value;
    case OpKind::kAdd:
    case OpKind::kRemove:
      break;
  }
  return op.value;
}

struct Current {
  RegisterClock clock;
  Value value;
  std::string author;
};

// A key's current clock is its own register, else the create's (a create's writer saw nothing).
std::optional<Current> currentOf(PushTransaction& tx, TeamId team, const RecordSpec& spec,
                                 const RegisterKey& key) {
  if (auto own = tx.readRegister(team, key)) {
    return Current{{own->stamp, own->base}, own->value, own->author};
  }
  if (key.key == kCreateKey) return std::nullopt;
  auto create = tx.readRegister(team, RegisterKey{key.type, key.record_id, std::string()});
  if (!create) return std::nullopt;
  return Current{
      {create->stamp, Stamp{}}, valueFromCreate(spec, key.key, create->value), create->author};
}

// Runs the shared rule for one register and archives a concurrent loser whose value differs.
void mergeValue(PushTransaction& tx, const AcceptedOp& a, const RecordSpec& spec,
                const RegisterKey& key, const Value& value, const Stamp& base) {
  const Op& op = a.op;
  const std::optional<Current> current = currentOf(tx, a.team, spec, key);
  const RegisterClock incoming{op.stamp, base};
  const MergeDecision d = decide(current ? current->clock : RegisterClock{}, incoming);
  if (d.duplicate) return;
  if (d.concurrent && current && current->value != value) {
    ConflictRecord c;
    c.team = a.team;
    c.type = op.type;
    c.record_id = op.record_id;
    c.key = key.key;
    c.kind = "overwritten";
    c.version = a.version;
    c.detected_at_ms = a.now_ms;
    if (d.apply) {
      c.kept_value = value;
      c.kept_stamp = op.stamp;
      c.kept_author = a.author;
      c.lost_value = current->value;
      c.lost_stamp = current->clock.stamp;
      c.lost_author = current->author;
    } else {
      c.kept_value = current->value;
      c.kept_stamp = current->clock.stamp;
      c.kept_author = current->author;
      c.lost_value = value;
      c.lost_stamp = op.stamp;
      c.lost_author = a.author;
    }
    tx.archiveConflict(c);
  }
  if (d.apply)
    tx.writeRegister(a.team, key, RegisterState{value, op.stamp, base, a.author, a.version});
}

void mergeRegister(PushTransaction& tx, const AcceptedOp& a, const RecordSpec& spec) {
  const Op& op = a.op;
  if (op.kind == OpKind::kCreate &&
      tx.readRegister(a.team, RegisterKey{op.type, op.record_id, std::string(kCreateKey)})) {
    // The same id created on two devices (one outcome per meeting, the team's settings): merge
    // field by field, as the devices do, each field a write that saw nothing before it.
    const Fields fields = decodeFields(spec, std::get<std::string>(op.value));
    std::vector<std::string_view> keys;
    for (const FieldValue& f : fields) {
      const std::string_view k = spec.field(f.name)->clockKey();
      if (std::find(keys.begin(), keys.end(), k) == keys.end()) keys.push_back(k);
    }
    for (std::string_view k : keys) {
      Value value;
      if (spec.isRegister(k)) {
        value = registerValue(spec, k, fields);
      } else {
        for (const FieldValue& f : fields) {
          if (f.name == k) value = f.value;
        }
      }
      mergeValue(tx, a, spec, RegisterKey{op.type, op.record_id, std::string(k)}, value, Stamp{});
    }
    return;
  }
  const RegisterKey key{op.type, op.record_id, op.kind == OpKind::kCreate ? "" : op.key};
  mergeValue(tx, a, spec, key, incomingValue(spec, op), op.base);
}

void mergeMember(PushTransaction& tx, const AcceptedOp& a) {
  const Op& op = a.op;
  const MemberKey key{op.type, op.record_id, op.key, std::get<std::string>(op.value)};
  const std::optional<MemberState> stored = tx.readMember(a.team, key);
  const sync::MemberClock current =
      stored ? sync::MemberClock{stored->add_stamp, stored->removed_upto} : sync::MemberClock{};
  MemberState next = stored.value_or(MemberState{});
  if (op.kind == OpKind::kAdd) {
    const sync::MemberClock merged = sync::mergeAdd(current, op.stamp);
    if (merged.add_stamp != current.add_stamp) next.add_author = a.author;
    next.add_stamp = merged.add_stamp;
  } else {
    next.removed_upto = sync::mergeRemove(current, op.base).removed_upto;
  }
  tx.writeMember(a.team, key, next);
  // Add wins: a remove that did not see the newest add leaves the member in, and says so.
  if (op.kind == OpKind::kRemove && stored && !stored->add_stamp.isZero() &&
      sync::MemberClock{next.add_stamp, next.removed_upto}.present()) {
    ConflictRecord c;
    c.team = a.team;
    c.type = op.type;
    c.record_id = op.record_id;
    c.key = op.key;
    c.kind = "removed_while_added";
    c.kept_value = Value(key.member);
    c.kept_stamp = next.add_stamp;
    c.kept_author = next.add_author;
    c.lost_value = Value("removed " + key.member);
    c.lost_stamp = op.stamp;
    c.lost_author = a.author;
    c.version = a.version;
    c.detected_at_ms = a.now_ms;
    tx.archiveConflict(c);
  }
}

}  // namespace

void mergeAccepted(PushTransaction& tx, const AcceptedOp& accepted) {
  const RecordSpec& spec = specOf(accepted.op.type);
  switch (accepted.op.kind) {
    case OpKind::kAdd:
    case OpKind::kRemove:
      mergeMember(tx, accepted);
      return;
    case OpKind::kCreate:
    case OpKind::kSet:
    case OpKind::kDelete:
    case OpKind::kRestore:
      mergeRegister(tx, accepted, spec);
      return;
  }
}

}  // namespace nextstep::server
