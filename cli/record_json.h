// The --json form of the records every page shows (a deal, a meeting, a contact...) and the
// small values in them: instants in UTC and on a zone's clocks, money, optional fields as null.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "contacts_by_id.h"
#include "nextstep/follow_up/today.h"
#include "nextstep/meetings/events.h"
#include "nextstep/model/model.h"
#include "nextstep/pipeline/deal_view.h"
#include "nextstep/pipeline/pipeline.h"
#include "text_words.h"

namespace nextstep::cli::json_form {

using cli::name;  // an enum as stored; the optional overload below adds null

// Keys in the order they are written, "id" first, so the output reads like the docs.
using json = nlohmann::ordered_json;

json instant(Instant t);
json instant(const std::optional<Instant>& t);
json date(const std::optional<CivilDate>& d);
json text(const std::optional<std::string>& s);
// "2026-12-03T14:00:00+01:00": the instant on the clocks of `tz`, with their offset.
json local(Instant t, const std::string& tz);
json money(const Money& m);
json dealJson(const Deal& d);
json meetingJson(const Meeting& m);
json meetingJson(const std::optional<Meeting>& m);
json dealJson(const DealRow& row);
json accountJson(const Account& a);
json contactJson(const Contact& c);
json actionJson(const ActionItem& a);
json outcomeJson(const Outcome& o);
json temperatureJson(const TemperatureCheck& t);
json noteJson(const Note& n);
json touchJson(const Touch& t);
json timelineEntry(const TimelineEntry& e);
json eventJson(const Event& e);
json agendaMeeting(const AgendaMeeting& a);
json dueAction(const DueAction& a);
json contactRef(const ContactsById& contacts, const std::string& id);

template <typename E>
json name(const std::optional<E>& e) {
  return e ? json(std::string(nameOf(*e))) : json(nullptr);
}

template <typename T, typename F>
json list(const std::vector<T>& items, F&& to_json) {
  json out = json::array();
  for (const T& item : items) out.push_back(to_json(item));
  return out;
}

// {"count": N, "<key>": [...]}: a problem's complete count and the items listed.
template <typename T, typename F>
json counted(std::int64_t count, const char* key, const std::vector<T>& items, F&& to_json) {
  return {{"count", count}, {key, list(items, to_json)}};
}

}  // namespace nextstep::cli::json_form
