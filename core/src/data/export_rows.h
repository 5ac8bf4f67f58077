// The rows every export writes: each live record of a type with every catalog field, and for each
// reference also the name it points at (a deal's account_name), read in one snapshot.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "nextstep/model/value.h"
#include "nextstep/storage/catalog.h"
#include "nextstep/storage/database.h"

namespace nextstep::data {

enum class ColumnType { kText, kInt, kBool, kInstant, kJson };

struct ExportColumn {
  std::string name;
  ColumnType type = ColumnType::kText;
};

// "id", the catalog's fields in their order, then the names of what the references point at.
std::vector<ExportColumn> exportColumns(const RecordSpec& spec);

// Calls row(values) for each record that is not deleted, oldest first; values follow
// exportColumns(spec).
void forEachRecord(Database& db, const RecordSpec& spec,
                   const std::function<void(const std::vector<Value>&)>& row);

// A value as text: instants as UTC ISO strings, booleans as true/false, NULL as "".
std::string cellText(const Value& v, ColumnType type);

// Meetings' attendees: (meeting_id, contact_id, contact_name) of every present member.
std::vector<ExportColumn> attendeeColumns();
void forEachAttendee(Database& db, const std::function<void(const std::vector<Value>&)>& row);

}  // namespace nextstep::data
