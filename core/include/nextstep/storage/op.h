// One entry of the change log: a field (or register, or set member) of one record, stamped.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "nextstep/model/stamp.h"
#include "nextstep/model/value.h"
#include "nextstep/storage/catalog.h"

namespace nextstep {

enum class OpKind : std::uint8_t {
  kCreate = 1,   // value: JSON object of every field given at creation
  kSet = 2,      // key: field or register; value: the field's value, or a register's JSON object
  kDelete = 3,   // tombstone
  kRestore = 4,  // lifts a tombstone
  kAdd = 5,      // key: set name; value: member id
  kRemove = 6,   // key: set name; value: member id; base: the newest add the remover saw
};

std::string_view nameOf(OpKind kind);

struct Op {
  std::int64_t seq = 0;  // the device's sequence number (its outbox row)
  RecordType type = RecordType::kDeal;
  std::string record_id;
  OpKind kind = OpKind::kSet;
  std::string key;
  Value value;
  Stamp stamp;
  Stamp base;  // zero when the writer saw no earlier value of this key
};

// A record as the merge names it: its type and id.
struct RecordKey {
  RecordType type = RecordType::kDeal;
  std::string record_id;
  auto operator<=>(const RecordKey&) const = default;
};

struct FieldValue {
  std::string_view name;
  Value value;
};
using Fields = std::vector<FieldValue>;

// Field values as the JSON object of a create or register op, checked against the catalog.
std::string encodeFields(const RecordSpec& spec, const Fields& fields);
// Throws DomainError(kInvalidArgument) for unknown fields or values of the wrong type. The
// returned names point into the catalog, so they outlive the JSON text.
Fields decodeFields(const RecordSpec& spec, std::string_view json);
// Throws DomainError(kInvalidArgument) when a value does not fit its field's type.
void checkFieldValue(const RecordSpec& spec, const FieldSpec& field, const Value& value);

}  // namespace nextstep
