#include "nextstep/pipeline/team_settings.h"

#include <algorithm>
#include <nlohmann/json.hpp>

namespace nextstep {

namespace {
constexpr std::string_view kTeamId = "team";
}

TeamSettings TeamSettings::defaults() {
  TeamSettings t;  // the cadence and working days are the members' own defaults
  t.stages = {"lead", "qualified", "discovery", "proposal", "negotiation", "verbal"};
  return t;
}

bool TeamSettings::hasStage(std::string_view stage) const {
  return std::find(stages.begin(), stages.end(), stage) != stages.end();
}

std::optional<std::string> TeamSettings::stageAfter(std::string_view stage) const {
  auto it = std::find(stages.begin(), stages.end(), stage);
  if (it == stages.end() || it + 1 == stages.end()) return std::nullopt;
  return *(it + 1);
}

TeamSettings loadTeamSettings(Database& db) {
  auto s = db.prepare(
      "SELECT stages, cadence_days, working_days FROM settings "
      "WHERE id = 'team' AND deleted = 0");
  if (!s->step()) return TeamSettings::defaults();
  TeamSettings out = TeamSettings::defaults();
  auto stages = nlohmann::json::parse(s->textView(0), nullptr, false);
  if (stages.is_array() && !stages.empty()) {
    out.stages.clear();
    for (const auto& st : stages) {
      if (st.is_string()) out.stages.push_back(st.get<std::string>());
    }
  }
  out.cadence_days = static_cast<int>(s->integer(1));
  // Unset, or out of range from a newer writer: Monday to Friday.
  if (!s->isNull(2)) {
    if (auto days = WorkingDays::fromBits(s->integer(2))) out.working_days = *days;
  }
  return out;
}

Result<TeamSettings> teamSettings(Store& store) {
  return store.read([](Database& db) { return loadTeamSettings(db); });
}

Result<TeamSettings> changeTeamSettings(Store& store, const TeamSettingsChange& change) {
  if (change.cadence_days && (*change.cadence_days < 1 || *change.cadence_days > 365)) {
    return Error::invalid("touch cadence must be between 1 and 365 days");
  }
  if (change.stages) {
    if (change.stages->empty()) return Error::invalid("the ladder needs at least one stage");
    for (const std::string& st : *change.stages) {
      if (st.empty() || st.size() > 40) return Error::invalid("stage names are 1 to 40 characters");
      if (std::count(change.stages->begin(), change.stages->end(), st) > 1) {
        return Error::invalid("stage '" + st + "' appears twice in the ladder");
      }
    }
  }
  return store.write([&](Mutation& m) {
    TeamSettings next = loadTeamSettings(m.db());
    if (change.stages) next.stages = *change.stages;
    if (change.cadence_days) next.cadence_days = *change.cadence_days;
    if (change.working_days) next.working_days = *change.working_days;
    Fields fields{{"stages", Value(nlohmann::json(next.stages).dump())},
                  {"cadence_days", Value(std::int64_t{next.cadence_days})}};
    // Only when asked: never set reads as Monday to Friday, and writing that default with a
    // cadence change would race a teammate's change of the days.
    if (change.working_days) {
      fields.push_back({"working_days", Value(std::int64_t{next.working_days.bits()})});
    }
    auto s = m.db().prepare("SELECT 1 FROM settings WHERE id = 'team'");
    if (s->step()) {
      m.restore(RecordType::kSettings, kTeamId);
      m.update(RecordType::kSettings, kTeamId, fields);
    } else {
      m.create(RecordType::kSettings, kTeamId, fields);
    }
    return next;
  });
}

}  // namespace nextstep
