#include "push_merge_state.h"

#include "nextstep/sync/merge/merger.h"

namespace nextstep::server {
namespace {

constexpr std::string_view kCreateKey = "";
using sync::kDeletedKey;

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

RegisterKey keyOf(const sync::RegisterRef& ref) {
  return RegisterKey{ref.spec.type, std::string(ref.record_id), std::string(ref.key)};
}

MemberKey keyOf(const sync::MemberRef& ref) {
  return MemberKey{ref.spec.type, std::string(ref.record_id), std::string(ref.set),
                   std::string(ref.member)};
}

}  // namespace

void mergeAccepted(PushTransaction& tx, const AcceptedOp& accepted) {
  const RecordSpec& spec = specOf(accepted.op.type);
  PushMergeState state(tx, accepted);
  sync::Merger merger(state);
  if (accepted.fields != nullptr) {
    merger.merge(spec, accepted.op, *accepted.fields, accepted.author);
  } else {
    merger.merge(spec, accepted.op, sync::Merger::writtenFields(spec, accepted.op),
                 accepted.author);
  }
}

bool PushMergeState::exists(const RecordSpec& spec, std::string_view id) {
  return tx_
      .readRegister(accepted_.team,
                    RegisterKey{spec.type, std::string(id), std::string(kCreateKey)})
      .has_value();
}

void PushMergeState::insert(const RecordSpec& spec, std::string_view id, const Fields& fields,
                            const sync::IncomingWrite& write) {
  put(RegisterKey{spec.type, std::string(id), std::string(kCreateKey)},
      Value(encodeFields(spec, fields)), write);
}

const std::optional<PushMergeState::Held>& PushMergeState::held(const sync::RegisterRef& ref) {
  const RegisterKey key = keyOf(ref);
  if (held_key_ && held_key_->type == key.type && held_key_->record_id == key.record_id &&
      held_key_->key == key.key) {
    return held_;
  }
  held_key_ = key;
  held_.reset();
  if (auto own = tx_.readRegister(accepted_.team, key)) {
    held_ = Held{{own->stamp, own->base}, own->value, own->author};
  } else if (key.key != kCreateKey) {
    if (auto create =
            tx_.readRegister(accepted_.team, RegisterKey{key.type, key.record_id, std::string()})) {
      held_ = Held{{create->stamp, Stamp{}},
                   valueFromCreate(ref.spec, key.key, create->value),
                   create->author};
    }
  }
  return held_;
}

std::optional<sync::RegisterClock> PushMergeState::clock(const sync::RegisterRef& ref) {
  const auto& h = held(ref);
  if (!h) return std::nullopt;
  return h->clock;
}

Value PushMergeState::value(const sync::RegisterRef& ref) {
  const auto& h = held(ref);
  return h ? h->value : Value();
}

Value PushMergeState::valueOf(const sync::RegisterRef& ref, const Fields& fields) {
  if (ref.spec.isRegister(ref.key)) return registerValue(ref.spec, ref.key, fields);
  return fields.empty() ? Value() : fields[0].value;
}

std::string PushMergeState::writer(const sync::RegisterRef& ref, const Stamp&) {
  const auto& h = held(ref);
  return h ? h->author : std::string();
}

void PushMergeState::write(const sync::RegisterRef& ref, const Fields&, const Value& value,
                           const sync::IncomingWrite& write) {
  put(keyOf(ref), value, write);
}

void PushMergeState::put(const RegisterKey& key, const Value& value,
                         const sync::IncomingWrite& write) {
  tx_.writeRegister(
      accepted_.team, key,
      RegisterState{value, write.stamp, write.base, std::string(write.author), accepted_.version});
  held_key_.reset();
}

void PushMergeState::archive(const sync::Conflict& conflict) {
  tx_.archiveConflict(
      ConflictRecord{conflict, accepted_.team, accepted_.version, accepted_.now_ms});
}

// Only devices list edits made against a delete: each finds them as it merges, and the
// server's archive never held them.
std::optional<sync::RegisterClock> PushMergeState::deletion(const RecordSpec&, std::string_view) {
  return std::nullopt;
}

std::vector<std::pair<std::string, Stamp>> PushMergeState::keysWrittenAfter(const RecordSpec&,
                                                                            std::string_view,
                                                                            const Stamp&) {
  return {};
}

sync::HeldMember PushMergeState::member(const sync::MemberRef& ref, const Stamp&) {
  const std::optional<MemberState> stored = tx_.readMember(accepted_.team, keyOf(ref));
  if (!stored) return sync::HeldMember{};
  return sync::HeldMember{{stored->add_stamp, stored->removed_upto}, stored->add_author, true};
}

void PushMergeState::writeMember(const sync::MemberRef& ref, const sync::HeldMember& held) {
  tx_.writeMember(accepted_.team, keyOf(ref),
                  MemberState{held.clock.add_stamp, held.clock.removed_upto, held.author});
}

}  // namespace nextstep::server
