#include "nextstep/storage/op.h"

#include <nlohmann/json.hpp>

#include "nextstep/model/result.h"
#include "nextstep/time/civil_time.h"

namespace nextstep {

namespace {
constexpr std::size_t kMaxTextBytes = 256 * 1024;
}

std::string_view nameOf(OpKind kind) {
  switch (kind) {
    case OpKind::kCreate:
      return "create";
    case OpKind::kSet:
      return "set";
    case OpKind::kDelete:
      return "delete";
    case OpKind::kRestore:
      return "restore";
    case OpKind::kAdd:
      return "add";
    case OpKind::kRemove:
      return "remove";
  }
  return "?";
}

void checkFieldValue(const RecordSpec& spec, const FieldSpec& field, const Value& value) {
  auto bad = [&](const std::string& why) {
    fail(ErrorCode::kInvalidArgument,
         std::string(spec.name) + "." + std::string(field.name) + ": " + why);
  };
  if (isNull(value)) {
    if (field.required) bad("is required");
    return;
  }
  switch (field.type) {
    case FieldType::kText:
    case FieldType::kJson:
      if (!std::holds_alternative<std::string>(value)) bad("must be text");
      if (std::get<std::string>(value).size() > kMaxTextBytes) bad("is too long");
      break;
    case FieldType::kRef: {
      if (!std::holds_alternative<std::string>(value)) bad("must be a record id");
      const auto& s = std::get<std::string>(value);
      if (s.empty() || s.size() > 64) bad("is not a record id");
      break;
    }
    case FieldType::kDate:
      if (!std::holds_alternative<std::string>(value) ||
          !CivilDate::parse(std::get<std::string>(value))) {
        bad("must be a date YYYY-MM-DD");
      }
      break;
    case FieldType::kBool:
      if (!std::holds_alternative<std::int64_t>(value) ||
          (std::get<std::int64_t>(value) != 0 && std::get<std::int64_t>(value) != 1)) {
        bad("must be 0 or 1");
      }
      break;
    case FieldType::kInt:
    case FieldType::kInstant:
      if (!std::holds_alternative<std::int64_t>(value)) bad("must be an integer");
      if (field.positive && std::get<std::int64_t>(value) <= 0) bad("must be above zero");
      break;
  }
}

std::string encodeFields(const RecordSpec& spec, const Fields& fields) {
  nlohmann::json out = nlohmann::json::object();
  for (const FieldValue& f : fields) {
    const FieldSpec* field = spec.field(f.name);
    if (field == nullptr) {
      fail(ErrorCode::kInvalidArgument,
           std::string(spec.name) + " has no field '" + std::string(f.name) + "'");
    }
    checkFieldValue(spec, *field, f.value);
    std::visit(
        [&](const auto& v) {
          using V = std::decay_t<decltype(v)>;
          if constexpr (std::is_same_v<V, std::monostate>) {
            out[std::string(f.name)] = nullptr;
          } else {
            out[std::string(f.name)] = v;
          }
        },
        f.value);
  }
  return out.dump();
}

Fields decodeFields(const RecordSpec& spec, std::string_view json) {
  nlohmann::json in = nlohmann::json::parse(json, nullptr, /*allow_exceptions=*/false);
  if (!in.is_object()) {
    fail(ErrorCode::kInvalidArgument, std::string(spec.name) + ": field values are not an object");
  }
  Fields out;
  out.reserve(in.size());
  for (auto it = in.begin(); it != in.end(); ++it) {
    const FieldSpec* field = spec.field(it.key());
    if (field == nullptr) {
      fail(ErrorCode::kInvalidArgument,
           std::string(spec.name) + " has no field '" + it.key() + "'");
    }
    Value v;
    const auto& j = it.value();
    if (j.is_null()) {
      v = Value();
    } else if (j.is_string()) {
      v = j.get<std::string>();
    } else if (j.is_number_integer() || j.is_boolean()) {
      v = j.is_boolean() ? std::int64_t{j.get<bool>()} : j.get<std::int64_t>();
    } else {
      fail(ErrorCode::kInvalidArgument,
           std::string(spec.name) + "." + it.key() + ": unsupported JSON value");
    }
    checkFieldValue(spec, *field, v);
    out.push_back({field->name, std::move(v)});
  }
  return out;
}

}  // namespace nextstep
