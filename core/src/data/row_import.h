// The rows of one import, each checked, matched against what is already there and written in its
// own savepoint: a row that cannot be written is skipped with its reason, the rest go in.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "crm_columns.h"
#include "import_values.h"
#include "nextstep/data/csv_import.h"
#include "nextstep/pipeline/team_settings.h"
#include "nextstep/storage/mutation.h"

namespace nextstep::data {

// One row of the file read through the column map: a field by what it means, trimmed.
class Row {
 public:
  Row(const std::vector<std::string>& fields, const ColumnMap& map) : fields_(fields), map_(map) {}
  std::string operator[](Field f) const {
    const auto c = map_.column(f);
    if (!c || static_cast<std::size_t>(*c) >= fields_.size()) return {};
    return trim(fields_[static_cast<std::size_t>(*c)]);
  }

 private:
  const std::vector<std::string>& fields_;
  const ColumnMap& map_;
};

class RowImport {
 public:
  RowImport(Mutation& m, Instant now, const ImportOptions& options, ImportReport& report)
      : m_(m),
        db_(m.db()),
        now_(now),
        o_(options),
        report_(report),
        ladder_(loadTeamSettings(m.db())) {}

  // Row `number` of the file (its header is row 1) goes into the report as added or skipped.
  void importRow(int number, const Row& row);

 private:
  std::string write(const Row& row, std::vector<std::string>& notes);
  std::optional<std::string> findOne(const std::string& sql, const std::string& a,
                                     const std::string& b = {});
  std::optional<std::string> accountNamed(const std::string& name);
  // The account of that name, made when nobody has used the name yet (as `deal add` does).
  std::optional<std::string> accountFor(const std::string& name);
  std::string writeDeal(const Row& row, std::vector<std::string>& notes);
  std::string writeAccount(const Row& row);
  std::string writeContact(const Row& row);
  std::string writeActivity(const Row& row, std::vector<std::string>& notes);

  Mutation& m_;
  Database& db_;
  Instant now_;
  const ImportOptions& o_;
  ImportReport& report_;
  TeamSettings ladder_;
  int accounts_created_ = 0;  // by the row being written
};

}  // namespace nextstep::data
