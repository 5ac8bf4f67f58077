#include "nextstep/text/field_text.h"

#include "nextstep/storage/op.h"

namespace nextstep {
namespace {

std::string fieldText(const FieldSpec& f, const Value& v, const Fields& all, const TimeZone& zone) {
  if (isNull(v)) return "(empty)";
  if (f.name == "value_minor" && std::holds_alternative<std::int64_t>(v)) {
    Money m{std::get<std::int64_t>(v), "EUR"};
    for (const FieldValue& other : all) {
      if (other.name == "currency" && std::holds_alternative<std::string>(other.value))
        m.currency = std::get<std::string>(other.value);
    }
    return formatMoney(m);
  }
  switch (f.type) {
    case FieldType::kInstant:
      if (std::holds_alternative<std::int64_t>(v))
        return formatInZone(instantFromUnix(std::get<std::int64_t>(v)), zone);
      break;
    case FieldType::kBool:
      if (std::holds_alternative<std::int64_t>(v)) return std::get<std::int64_t>(v) ? "yes" : "no";
      break;
    case FieldType::kRef:
      // The full id is 36 characters; eight name it among a deal's records.
      if (std::holds_alternative<std::string>(v)) return std::get<std::string>(v).substr(0, 8);
      break;
    default:
      break;
  }
  return describe(v);
}

}  // namespace

std::string describeFieldValue(RecordType type, std::string_view key, const Value& v,
                               const TimeZone& zone) {
  const RecordSpec& spec = specOf(type);
  if (key == "deleted") return isNull(v) ? "(empty)" : describe(v);
  if (spec.isRegister(key) && std::holds_alternative<std::string>(v)) {
    Fields fields;
    try {
      fields = decodeFields(spec, std::get<std::string>(v));
    } catch (const DomainError&) {
      return describe(v);  // not this version's register: shown as it came
    }
    std::string out;
    for (const FieldValue& fv : fields) {
      const FieldSpec* f = spec.field(fv.name);
      if (f == nullptr || fv.name == "currency") continue;  // shown with the amount
      if (!out.empty()) out += ", ";
      out += fieldText(*f, fv.value, fields, zone);
    }
    return out.empty() ? "(empty)" : out;
  }
  if (const FieldSpec* f = spec.field(key)) return fieldText(*f, v, {}, zone);
  return describe(v);
}

std::string_view describeConflictKind(ConflictKind kind) {
  switch (kind) {
    case ConflictKind::kOverwritten:
      return "Edited on two devices";
    case ConflictKind::kEditedWhileDeleted:
      return "Edited while deleted";
    case ConflictKind::kRemovedWhileAdded:
      return "Removed and added at once";
  }
  return "Edited on two devices";
}

}  // namespace nextstep
