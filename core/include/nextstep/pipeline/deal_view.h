// Everything about one deal for its page: the next step on top, the people, who does what, and the
// timeline of meetings, outcomes, notes and touches.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "nextstep/model/model.h"
#include "nextstep/storage/store.h"

namespace nextstep {

struct TimelineEntry {
  Instant at{};
  std::string kind;  // meeting, outcome, note, touch, action
  std::string id;
  std::string title;
  std::string detail;
};

struct DealView {
  Deal deal;
  std::optional<Account> account;
  std::optional<Meeting> next_step;
  std::vector<Contact> people;
  std::vector<ActionItem> actions;
  std::vector<Meeting> meetings;  // newest first, with attendees
  std::vector<Outcome> outcomes;
  std::vector<TemperatureCheck> temperature;
  std::vector<Note> notes;
  std::vector<Touch> touches;
  std::vector<TimelineEntry> timeline;  // newest first
};

Result<DealView> dealView(Store& store, std::string_view deal);

}  // namespace nextstep
