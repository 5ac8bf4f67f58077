#include "export_rows.h"

#include "nextstep/time/civil_time.h"

namespace nextstep::data {
namespace {

ColumnType columnTypeOf(FieldType t) {
  switch (t) {
    case FieldType::kInt:
      return ColumnType::kInt;
    case FieldType::kBool:
      return ColumnType::kBool;
    case FieldType::kInstant:
      return ColumnType::kInstant;
    case FieldType::kJson:
      return ColumnType::kJson;
    case FieldType::kText:
    case FieldType::kDate:
    case FieldType::kRef:
      return ColumnType::kText;
  }
  return ColumnType::kText;
}

// What a reference is called next to its id, and the expression that reads it.
struct RefName {
  std::string_view field;
  std::string_view column;
  std::string_view sql;  // {} is the referring row's column
};
constexpr RefName kRefNames[] = {
    {"account_id", "account_name", "(SELECT name FROM accounts WHERE id = t.account_id)"},
    {"contact_id", "contact_name", "(SELECT name FROM contacts WHERE id = t.contact_id)"},
    {"deal_id", "deal_title", "(SELECT title FROM deals WHERE id = t.deal_id)"},
    {"event_id", "event_title", "(SELECT title FROM events WHERE id = t.event_id)"},
};

const RefName* refNameOf(std::string_view field) {
  for (const RefName& r : kRefNames) {
    if (r.field == field) return &r;
  }
  return nullptr;
}

}  // namespace

std::vector<ExportColumn> exportColumns(const RecordSpec& spec) {
  std::vector<ExportColumn> out{{"id", ColumnType::kText}};
  for (const FieldSpec& f : spec.fields) out.push_back({std::string(f.name), columnTypeOf(f.type)});
  for (const FieldSpec& f : spec.fields) {
    if (const RefName* r = refNameOf(f.name))
      out.push_back({std::string(r->column), ColumnType::kText});
  }
  return out;
}

void forEachRecord(Database& db, const RecordSpec& spec,
                   const std::function<void(const std::vector<Value>&)>& row) {
  std::string sql = "SELECT t.id";
  for (const FieldSpec& f : spec.fields) sql += ", t." + std::string(f.name);
  for (const FieldSpec& f : spec.fields) {
    if (const RefName* r = refNameOf(f.name)) sql += ", " + std::string(r->sql);
  }
  sql += " FROM " + std::string(spec.table) + " t WHERE t.deleted = 0 ORDER BY t.rid";
  Statement s(db.handle(), sql);  // not cached: each runs once per export
  std::vector<Value> values;
  while (s.step()) {
    values.clear();
    for (int i = 0; i < s.columnCount(); ++i) values.push_back(s.value(i));
    row(values);
  }
}

std::string cellText(const Value& v, ColumnType type) {
  if (isNull(v)) return {};
  if (const auto* i = std::get_if<std::int64_t>(&v)) {
    if (type == ColumnType::kBool) return *i != 0 ? "true" : "false";
    if (type == ColumnType::kInstant) return formatUtc(instantFromUnix(*i));
    return std::to_string(*i);
  }
  if (const auto* d = std::get_if<double>(&v)) return std::to_string(*d);
  return std::get<std::string>(v);
}

std::vector<ExportColumn> attendeeColumns() {
  return {{"meeting_id", ColumnType::kText},
          {"contact_id", ColumnType::kText},
          {"contact_name", ColumnType::kText}};
}

void forEachAttendee(Database& db, const std::function<void(const std::vector<Value>&)>& row) {
  Statement s(db.handle(),
              "SELECT a.meeting_id, a.contact_id, (SELECT name FROM contacts WHERE id = "
              "a.contact_id) FROM meeting_attendees a JOIN meetings m ON m.id = a.meeting_id "
              "WHERE a.present AND m.deleted = 0 ORDER BY m.rid, a.contact_id");
  std::vector<Value> values;
  while (s.step()) {
    values = {s.value(0), s.value(1), s.value(2)};
    row(values);
  }
}

}  // namespace nextstep::data
