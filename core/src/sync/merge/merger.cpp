#include "nextstep/sync/merge/merger.h"

#include <algorithm>
#include <string>
#include <vector>

#include "nextstep/model/result.h"

namespace nextstep::sync {

Fields Merger::writtenFields(const RecordSpec& spec, const Op& op) {
  switch (op.kind) {
    case OpKind::kCreate:
      return decodeFields(spec, std::get<std::string>(op.value));
    case OpKind::kSet: {
      if (spec.isRegister(op.key)) return decodeFields(spec, std::get<std::string>(op.value));
      const FieldSpec* field = spec.field(op.key);
      if (field == nullptr || !field->reg.empty()) {
        fail(ErrorCode::kInvalidArgument,
             std::string(spec.name) + " has no field '" + op.key + "'");
      }
      return {{field->name, op.value}};
    }
    case OpKind::kDelete:
    case OpKind::kRestore:
      return {{kDeletedKey, Value(std::int64_t{op.kind == OpKind::kDelete ? 1 : 0})}};
    case OpKind::kAdd:
    case OpKind::kRemove:
      break;
  }
  return {};
}

void Merger::merge(const RecordSpec& spec, const Op& op, const Fields& fields,
                   std::string_view author) {
  const IncomingWrite w{op.stamp, op.base, author};
  switch (op.kind) {
    case OpKind::kCreate:
      mergeCreate(spec, op, fields, w);
      return;
    case OpKind::kSet:
    case OpKind::kDelete:
    case OpKind::kRestore:
      mergeRegister({spec, op.record_id, op.key}, fields, w);
      return;
    case OpKind::kAdd:
    case OpKind::kRemove:
      mergeMember({spec, op.record_id, op.key, std::get<std::string>(op.value)}, op.kind, w);
      return;
  }
}

void Merger::mergeCreate(const RecordSpec& spec, const Op& op, const Fields& fields,
                         const IncomingWrite& w) {
  if (!state_.exists(spec, op.record_id)) {
    state_.insert(spec, op.record_id, fields, w);
    ++counts.applied;
    return;
  }
  // The same id created on two devices (one outcome per meeting, the team's settings): merge it
  // field by field, each key a write that saw nothing before it.
  std::vector<std::string_view> keys;
  for (const FieldValue& f : fields) {
    const std::string_view k = spec.field(f.name)->clockKey();
    if (std::find(keys.begin(), keys.end(), k) == keys.end()) keys.push_back(k);
  }
  for (const std::string_view k : keys) {
    Fields of_key;
    for (const FieldValue& f : fields) {
      if (spec.field(f.name)->clockKey() == k) of_key.push_back(f);
    }
    mergeRegister({spec, op.record_id, k}, of_key, IncomingWrite{w.stamp, Stamp{}, w.author});
  }
}

void Merger::mergeRegister(const RegisterRef& ref, const Fields& fields, const IncomingWrite& w) {
  const std::optional<RegisterClock> held = state_.clock(ref);
  const RegisterClock here = held.value_or(RegisterClock{});
  const MergeDecision d = decide(here, {w.stamp, w.base});
  if (d.duplicate) {
    ++counts.ignored;
    return;
  }
  const Value incoming = state_.valueOf(ref, fields);
  if (d.concurrent && held) {
    Value here_value = state_.value(ref);
    if (here_value != incoming) {
      Conflict c{ref.spec.type, std::string(ref.record_id), std::string(ref.key),
                 ConflictKind::kOverwritten};
      if (d.apply) {
        c.kept_value = incoming;
        c.kept_stamp = w.stamp;
        c.kept_author = std::string(w.author);
        c.lost_value = std::move(here_value);
        c.lost_stamp = here.stamp;
        c.lost_author = state_.writer(ref, here.stamp);
      } else {
        c.kept_value = std::move(here_value);
        c.kept_stamp = here.stamp;
        c.kept_author = state_.writer(ref, here.stamp);
        c.lost_value = incoming;
        c.lost_stamp = w.stamp;
        c.lost_author = std::string(w.author);
      }
      state_.archive(c);
    }
  }
  if (d.apply) {
    state_.write(ref, fields, incoming, w);
    ++counts.applied;
  } else {
    ++counts.ignored;
  }
  noteEditsAgainstDelete(ref, incoming, w);
}

void Merger::noteEditsAgainstDelete(const RegisterRef& ref, const Value& incoming,
                                    const IncomingWrite& w) {
  const std::optional<RegisterClock> deleted = state_.deletion(ref.spec, ref.record_id);
  if (!deleted) return;
  const RegisterRef deletedRef{ref.spec, ref.record_id, kDeletedKey};
  auto against = [&](std::string_view key, Value edit, const Stamp& stamp, std::string author) {
    state_.archive(Conflict{ref.spec.type, std::string(ref.record_id), std::string(key),
                            ConflictKind::kEditedWhileDeleted, Value("deleted"), deleted->stamp,
                            state_.writer(deletedRef, deleted->stamp), std::move(edit), stamp,
                            std::move(author)});
  };
  if (ref.key != kDeletedKey) {
    if (w.stamp > deleted->stamp) against(ref.key, incoming, w.stamp, std::string(w.author));
    return;
  }
  for (const auto& [key, stamp] :
       state_.keysWrittenAfter(ref.spec, ref.record_id, deleted->stamp)) {
    const RegisterRef edited{ref.spec, ref.record_id, key};
    against(key, state_.value(edited), stamp, state_.writer(edited, stamp));
  }
}

void Merger::mergeMember(const MemberRef& ref, OpKind kind, const IncomingWrite& w) {
  const HeldMember held = state_.member(ref, w.base);
  HeldMember next = held;
  if (kind == OpKind::kAdd) {
    next.clock = mergeAdd(held.clock, w.stamp);
    if (next.clock.add_stamp != held.clock.add_stamp) next.author = std::string(w.author);
  } else {
    next.clock = mergeRemove(held.clock, w.base);
  }
  if (held.stored && next.clock.add_stamp == held.clock.add_stamp &&
      next.clock.removed_upto == held.clock.removed_upto) {
    ++counts.ignored;
    return;
  }
  next.stored = true;
  state_.writeMember(ref, next);
  ++counts.applied;
  // Add wins: a remove that did not see the newest add leaves the member in, and says so.
  if (kind == OpKind::kRemove && held.stored && !next.clock.add_stamp.isZero() &&
      next.clock.present()) {
    state_.archive(Conflict{
        ref.spec.type, std::string(ref.record_id), std::string(ref.set),
        ConflictKind::kRemovedWhileAdded, Value(std::string(ref.member)), next.clock.add_stamp,
        next.author, Value("removed " + std::string(ref.member)), w.stamp, std::string(w.author)});
  }
}

}  // namespace nextstep::sync
