// SQL shared by the lists a rep reads (conflicts, set-aside changes).
#pragma once

#include <string>

namespace nextstep::sync {

// The title a person knows a record by (the deal's title, the contact's name...); `id` is the
// SQL expression of the record's id.
inline std::string recordTitleSql(const std::string& id) {
  return "coalesce((SELECT title FROM deals WHERE id = " + id +
         "), (SELECT name FROM contacts WHERE id = " + id +
         "), (SELECT name FROM accounts WHERE id = " + id +
         "), (SELECT d.title FROM meetings m JOIN deals d ON d.id = m.deal_id WHERE m.id = " + id +
         "), (SELECT title FROM events WHERE id = " + id + "), '')";
}

}  // namespace nextstep::sync
