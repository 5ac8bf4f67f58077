// export json FILE: every live record in one document, typed (numbers, booleans, null).
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "export_rows.h"
#include "nextstep/data/export.h"
#include "nextstep/storage/schema.h"

namespace nextstep::data {
namespace {

using json = nlohmann::ordered_json;

json jsonOf(const Value& v, ColumnType type) {
  if (isNull(v)) return nullptr;
  if (const auto* i = std::get_if<std::int64_t>(&v)) {
    if (type == ColumnType::kBool) return *i != 0;
    if (type == ColumnType::kInstant) return formatUtc(instantFromUnix(*i));
    return *i;
  }
  if (const auto* d = std::get_if<double>(&v)) return *d;
  const std::string& text = std::get<std::string>(v);
  if (type == ColumnType::kJson) {
    json parsed = json::parse(text, nullptr, false);
    if (!parsed.is_discarded()) return parsed;
  }
  return text;
}

}  // namespace

Result<ExportSummary> exportJson(Store& store, const std::string& path) {
  const Instant now = store.now();
  const int schema = store.schemaVersion();
  auto doc = store.read([&](Database& db) {
    json records = json::object();
    for (const RecordSpec& spec : allRecordSpecs()) {
      const std::vector<ExportColumn> columns = exportColumns(spec);
      json list = json::array();
      forEachRecord(db, spec, [&](const std::vector<Value>& values) {
        json o = json::object();
        for (std::size_t i = 0; i < values.size(); ++i)
          o[columns[i].name] = jsonOf(values[i], columns[i].type);
        list.push_back(std::move(o));
      });
      records[std::string(spec.table)] = std::move(list);
    }
    json attendees = json::array();
    forEachAttendee(db, [&](const std::vector<Value>& v) {
      attendees.push_back({{"meeting_id", jsonOf(v[0], ColumnType::kText)},
                           {"contact_id", jsonOf(v[1], ColumnType::kText)},
                           {"contact_name", jsonOf(v[2], ColumnType::kText)}});
    });
    records["meeting_attendees"] = std::move(attendees);
    return json{{"format", "nextstep-export"},
                {"version", 1},
                {"exported_at", formatUtc(now)},
                {"schema_version", schema},
                {"records", std::move(records)}};
  });
  if (!doc) return doc.error();

  ExportSummary summary;
  for (const auto& [table, list] : (*doc)["records"].items()) {
    summary.files.push_back({path, table, static_cast<std::int64_t>(list.size())});
  }
  const std::string partial = path + ".partial";
  {
    std::ofstream out(partial, std::ios::binary);
    out << doc->dump(2) << '\n';
    out.close();
    if (!out) return Error{ErrorCode::kIo, "cannot write " + partial};
  }
  std::error_code ec;
  std::filesystem::rename(partial, path, ec);
  if (ec) return Error{ErrorCode::kIo, "cannot write " + path + ": " + ec.message()};
  return summary;
}

}  // namespace nextstep::data
