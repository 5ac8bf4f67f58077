#include "nextstep/storage/mutation.h"

#include <algorithm>
#include <map>

#include "nextstep/model/result.h"
#include "nextstep/storage/record_rows.h"
#include "storage/stamp_renames.h"

namespace nextstep {
namespace {

[[noreturn]] void notFound(const RecordSpec& spec, std::string_view id) {
  fail(ErrorCode::kNotFound, "no " + std::string(spec.name) + " " + std::string(id));
}

const FieldSpec& fieldOrFail(const RecordSpec& spec, std::string_view name) {
  const FieldSpec* f = spec.field(name);
  if (f == nullptr) {
    fail(ErrorCode::kInvalidArgument,
         std::string(spec.name) + " has no field '" + std::string(name) + "'");
  }
  return *f;
}

}  // namespace

void Mutation::append(const RecordSpec& spec, std::string_view id, OpKind kind,
                      std::string_view key, const Value& value, const Stamp& stamp,
                      const Stamp& base) {
  auto s = db_.prepare(
      "INSERT INTO outbox(type, record_id, kind, key, value, stamp, base) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
  s->bindAll(static_cast<std::int64_t>(spec.type), id, static_cast<std::int64_t>(kind), key, value);
  records::bindStamp(*s, 6, stamp);
  records::bindStamp(*s, 7, base);
  s->run();
  ++ops_;
}

void Mutation::create(RecordType type, std::string_view id, const Fields& fields) {
  const RecordSpec& spec = specOf(type);
  for (const FieldSpec& f : spec.fields) {
    const bool given = std::any_of(fields.begin(), fields.end(),
                                   [&](const FieldValue& v) { return v.name == f.name; });
    if (f.required && !given) {
      fail(ErrorCode::kInvalidArgument,
           std::string(spec.name) + "." + std::string(f.name) + ": is required");
    }
  }
  const std::string json = encodeFields(spec, fields);  // also checks every value
  if (records::exists(db_, spec, id)) {
    fail(ErrorCode::kInvalidArgument, std::string(spec.name) + " " + std::string(id) + " exists");
  }
  const Stamp stamp = nextStamp();
  records::insertRow(db_, spec, id, fields, stamp);
  append(spec, id, OpKind::kCreate, "", Value(json), stamp, Stamp{});
}

int Mutation::update(RecordType type, std::string_view id, const Fields& fields) {
  const RecordSpec& spec = specOf(type);
  if (spec.insert_only) {
    fail(ErrorCode::kFailedPrecondition,
         std::string(spec.name) + "s are never changed once written; add a new one instead");
  }
  const std::optional<bool> deleted = records::isDeleted(db_, spec, id);
  if (!deleted || *deleted) notFound(spec, id);

  // Group the changes by clock key, in catalog order so the outbox order is deterministic.
  std::map<std::string_view, Fields> byKey;
  for (const FieldValue& f : fields) {
    const FieldSpec& field = fieldOrFail(spec, f.name);
    checkFieldValue(spec, field, f.value);
    byKey[field.clockKey()].push_back({field.name, f.value});
  }

  int changed = 0;
  const Stamp stamp = nextStamp();
  for (auto& [key, given] : byKey) {
    Fields current = records::keyValues(db_, spec, id, key);
    Fields next = current;
    for (FieldValue& f : next) {
      for (const FieldValue& g : given) {
        if (g.name == f.name) f.value = g.value;
      }
    }
    bool differs = false;
    for (std::size_t i = 0; i < next.size(); ++i) differs |= next[i].value != current[i].value;
    if (!differs) continue;

    const std::optional<records::Clock> clock = records::clockOf(db_, spec, id, key);
    records::updateRow(db_, spec, id, next);
    records::setClock(db_, spec, id, key, stamp, clock ? clock->stamp : Stamp{});
    const Value value = spec.isRegister(key) ? Value(encodeFields(spec, next)) : next[0].value;
    append(spec, id, OpKind::kSet, key, value, stamp, clock ? clock->stamp : Stamp{});
    ++changed;
  }
  return changed;
}

void Mutation::remove(RecordType type, std::string_view id) {
  const RecordSpec& spec = specOf(type);
  if (spec.insert_only) {
    fail(ErrorCode::kFailedPrecondition, std::string(spec.name) + "s cannot be deleted");
  }
  const std::optional<bool> deleted = records::isDeleted(db_, spec, id);
  if (!deleted || *deleted) notFound(spec, id);
  const std::optional<records::Clock> clock = records::clockOf(db_, spec, id, "deleted");
  const Stamp stamp = nextStamp();
  records::setDeleted(db_, spec, id, true);
  records::setClock(db_, spec, id, "deleted", stamp, clock->stamp);
  append(spec, id, OpKind::kDelete, "deleted", Value(std::int64_t{1}), stamp, clock->stamp);
}

void Mutation::restore(RecordType type, std::string_view id) {
  const RecordSpec& spec = specOf(type);
  const std::optional<bool> deleted = records::isDeleted(db_, spec, id);
  if (!deleted) notFound(spec, id);
  if (!*deleted) return;
  const std::optional<records::Clock> clock = records::clockOf(db_, spec, id, "deleted");
  const Stamp stamp = nextStamp();
  records::setDeleted(db_, spec, id, false);
  records::setClock(db_, spec, id, "deleted", stamp, clock->stamp);
  append(spec, id, OpKind::kRestore, "deleted", Value(std::int64_t{0}), stamp, clock->stamp);
}

void Mutation::addMember(RecordType type, std::string_view id, std::string_view member_id) {
  const RecordSpec& spec = specOf(type);
  if (spec.set_name.empty()) {
    fail(ErrorCode::kInvalidArgument, std::string(spec.name) + " has no member set");
  }
  const std::optional<bool> deleted = records::isDeleted(db_, spec, id);
  if (!deleted || *deleted) notFound(spec, id);
  std::optional<records::Member> m = records::member(db_, spec, id, member_id);
  if (m && (m->removed_upto.isZero() || m->add_stamp > m->removed_upto)) return;  // present
  const Stamp stamp = nextStamp();
  records::putMember(db_, spec, id, member_id,
                     records::Member{stamp, m ? m->removed_upto : Stamp{}});
  append(spec, id, OpKind::kAdd, spec.set_name, Value(std::string(member_id)), stamp, Stamp{});
}

void Mutation::removeMember(RecordType type, std::string_view id, std::string_view member_id) {
  const RecordSpec& spec = specOf(type);
  std::optional<records::Member> m = records::member(db_, spec, id, member_id);
  if (!m || !(m->removed_upto.isZero() || m->add_stamp > m->removed_upto)) return;  // absent
  const Stamp stamp = nextStamp();
  // Removes exactly the adds seen here; an add made concurrently elsewhere survives (add wins).
  records::putMember(db_, spec, id, member_id, records::Member{m->add_stamp, m->add_stamp});
  append(spec, id, OpKind::kRemove, spec.set_name, Value(std::string(member_id)), stamp,
         m->add_stamp);
}

void Mutation::reaffirm(RecordType type, std::string_view id, std::string_view key) {
  const RecordSpec& spec = specOf(type);
  const std::optional<bool> deleted = records::isDeleted(db_, spec, id);
  if (!deleted) notFound(spec, id);
  const std::optional<records::Clock> clock = records::clockOf(db_, spec, id, key);
  const Stamp stamp = nextStamp();
  if (key == "deleted") {
    records::setClock(db_, spec, id, key, stamp, clock->stamp);
    append(spec, id, *deleted ? OpKind::kDelete : OpKind::kRestore, key,
           Value(std::int64_t{*deleted ? 1 : 0}), stamp, clock->stamp);
    return;
  }
  // Every device would take an edit of a deleted record for an edit made while it was deleted.
  if (*deleted) {
    fail(ErrorCode::kFailedPrecondition,
         std::string(spec.name) + " " + std::string(id) + " is deleted; restore it first");
  }
  const Fields current = records::keyValues(db_, spec, id, key);
  if (current.empty()) fieldOrFail(spec, key);
  records::setClock(db_, spec, id, key, stamp, clock->stamp);
  const Value value = spec.isRegister(key) ? Value(encodeFields(spec, current)) : current[0].value;
  append(spec, id, OpKind::kSet, key, value, stamp, clock->stamp);
}

void Mutation::reaffirmMember(RecordType type, std::string_view id, std::string_view member_id) {
  const RecordSpec& spec = specOf(type);
  std::optional<records::Member> m = records::member(db_, spec, id, member_id);
  if (!m || !(m->removed_upto.isZero() || m->add_stamp > m->removed_upto)) return;  // absent
  const Stamp stamp = nextStamp();
  records::putMember(db_, spec, id, member_id, records::Member{stamp, m->removed_upto});
  append(spec, id, OpKind::kAdd, spec.set_name, Value(std::string(member_id)), stamp, Stamp{});
}

void Mutation::resend(const Op& op) {
  const Stamp fresh = nextStamp();
  StampRenames renames(db_);
  renames.add(op.stamp, fresh);
  renames.apply();
  append(specOf(op.type), op.record_id, op.kind, op.key, op.value, fresh, op.base);
}

}  // namespace nextstep
