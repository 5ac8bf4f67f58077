#include "nextstep/sync/wire.h"

namespace nextstep::sync {
namespace {

Error bad(const pb::Operation& op, const std::string& why) {
  return Error::invalid("operation " + std::to_string(op.device_seq()) + ": " + why);
}

bool printable(std::string_view s) {
  for (unsigned char c : s) {
    if (c < 0x20 || c == 0x7f) return false;
  }
  return true;
}

}  // namespace

void toWire(const Value& v, pb::Value& out) {
  out.Clear();
  if (const auto* i = std::get_if<std::int64_t>(&v)) out.set_int_value(*i);
  if (const auto* d = std::get_if<double>(&v)) out.set_real_value(*d);
  if (const auto* s = std::get_if<std::string>(&v)) out.set_text_value(*s);
}

Value fromWire(const pb::Value& v) {
  switch (v.kind_case()) {
    case pb::Value::kIntValue:
      return v.int_value();
    case pb::Value::kRealValue:
      return v.real_value();
    case pb::Value::kTextValue:
      return v.text_value();
    case pb::Value::KIND_NOT_SET:
      break;
  }
  return Value();
}

Stamp fromWire(const pb::Stamp& s) { return Stamp{s.hlc(), s.device()}; }

void toWire(const Op& op, pb::Operation& out) {
  out.set_device_seq(static_cast<std::uint64_t>(op.seq));
  out.set_record_type(static_cast<std::uint32_t>(op.type));
  out.set_record_id(op.record_id);
  out.set_kind(static_cast<pb::OpKind>(op.kind));
  out.set_key(op.key);
  toWire(op.value, *out.mutable_value());
  out.mutable_stamp()->set_hlc(op.stamp.hlc);
  out.mutable_stamp()->set_device(op.stamp.device);
  if (op.base.isZero()) {
    out.clear_base();
  } else {
    out.mutable_base()->set_hlc(op.base.hlc);
    out.mutable_base()->set_device(op.base.device);
  }
}

Result<Op> fromWire(const pb::Operation& w, std::optional<Fields>* decoded) {
  Op op;
  if (w.device_seq() == 0) return bad(w, "device_seq must be positive");
  op.seq = static_cast<std::int64_t>(w.device_seq());
  const RecordSpec* spec = specByNumber(w.record_type());
  if (spec == nullptr) return bad(w, "unknown record_type " + std::to_string(w.record_type()));
  op.type = spec->type;
  if (w.record_id().empty() || w.record_id().size() > kMaxRecordIdBytes ||
      !printable(w.record_id())) {
    return bad(w, "record_id must be 1 to 64 printable bytes");
  }
  op.record_id = w.record_id();
  if (w.key().size() > kMaxKeyBytes) return bad(w, "key is too long");
  op.key = w.key();
  if (!w.has_stamp() || w.stamp().hlc() == 0 || w.stamp().device() == 0) {
    return bad(w, "stamp must have a clock and a device");
  }
  op.stamp = fromWire(w.stamp());
  if (w.has_base()) op.base = fromWire(w.base());
  if (!op.base.isZero() && op.base >= op.stamp) return bad(w, "base must be older than the stamp");
  if (w.value().has_text_value() && w.value().text_value().size() > kMaxValueBytes) {
    return bad(w, "value is too large");
  }
  op.value = fromWire(w.value());

  try {
    switch (w.kind()) {
      case pb::OP_KIND_CREATE:
        op.kind = OpKind::kCreate;
        if (!op.key.empty()) return bad(w, "a create has no key");
        if (!std::holds_alternative<std::string>(op.value))
          return bad(w, "a create's value is a JSON object");
        {
          Fields fields = decodeFields(*spec, std::get<std::string>(op.value));
          for (const FieldSpec& f : spec->fields) {
            bool given = false;
            for (const FieldValue& v : fields) given |= v.name == f.name;
            if (f.required && !given)
              return bad(w, std::string(spec->name) + "." + std::string(f.name) + " is required");
          }
          if (decoded != nullptr) *decoded = std::move(fields);
        }
        break;
      case pb::OP_KIND_SET:
        op.kind = OpKind::kSet;
        if (spec->insert_only) return bad(w, std::string(spec->name) + "s are never changed");
        if (spec->isRegister(op.key)) {
          if (!std::holds_alternative<std::string>(op.value))
            return bad(w, "a register's value is a JSON object");
          Fields fields = decodeFields(*spec, std::get<std::string>(op.value));
          std::size_t members = 0;
          for (const FieldSpec& f : spec->fields) members += f.reg == op.key;
          if (fields.size() != members)
            return bad(w, "register '" + op.key + "' must carry all its fields");
          for (const FieldValue& v : fields) {
            if (spec->field(v.name)->reg != op.key)
              return bad(w, "field " + std::string(v.name) + " is not in register " + op.key);
          }
          if (decoded != nullptr) *decoded = std::move(fields);
        } else {
          const FieldSpec* f = spec->field(op.key);
          if (f == nullptr || !f->reg.empty())
            return bad(w, std::string(spec->name) + " has no field '" + op.key + "'");
          checkFieldValue(*spec, *f, op.value);
        }
        break;
      case pb::OP_KIND_DELETE:
      case pb::OP_KIND_RESTORE:
        op.kind = w.kind() == pb::OP_KIND_DELETE ? OpKind::kDelete : OpKind::kRestore;
        if (spec->insert_only) return bad(w, std::string(spec->name) + "s cannot be deleted");
        if (op.key != "deleted") return bad(w, "a delete or restore has the key 'deleted'");
        // The value is what the register becomes: anything else (a NaN, a long text) would be
        // logged and served to every device of the team for nothing.
        if (const std::int64_t deleted = op.kind == OpKind::kDelete ? 1 : 0;
            !std::holds_alternative<std::int64_t>(op.value) ||
            std::get<std::int64_t>(op.value) != deleted) {
          return bad(w, std::string(op.kind == OpKind::kDelete ? "a delete" : "a restore") +
                            " carries deleted = " + std::to_string(deleted));
        }
        break;
      case pb::OP_KIND_ADD:
      case pb::OP_KIND_REMOVE:
        op.kind = w.kind() == pb::OP_KIND_ADD ? OpKind::kAdd : OpKind::kRemove;
        if (spec->set_name.empty() || op.key != spec->set_name) {
          return bad(w, std::string(spec->name) + " has no set '" + op.key + "'");
        }
        if (!std::holds_alternative<std::string>(op.value) ||
            std::get<std::string>(op.value).empty() ||
            std::get<std::string>(op.value).size() > kMaxRecordIdBytes) {
          return bad(w, "a set member is a record id");
        }
        if (op.kind == OpKind::kRemove && op.base.isZero())
          return bad(w, "a remove names the add it removes");
        break;
      default:
        return bad(w, "unknown kind " + std::to_string(static_cast<int>(w.kind())));
    }
  } catch (const DomainError& e) {
    return bad(w, e.error.message);
  }
  return op;
}

}  // namespace nextstep::sync
