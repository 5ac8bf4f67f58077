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
json contactRef(const ContactsById& contacts, const std::string& id);

// A record's JSON (its to_json, below), or null.
template <typename T>
json orNull(const std::optional<T>& x) {
  return x ? json(*x) : json(nullptr);
}

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
template <typename T>
json counted(std::int64_t count, const char* key, const std::vector<T>& items) {
  return {{"count", count}, {key, json(items)}};
}

}  // namespace nextstep::cli::json_form

// The records' JSON, found by nlohmann through the type's namespace: json(deal), json(deals).
namespace nextstep {

void to_json(cli::json_form::json& j, const Deal& d);
void to_json(cli::json_form::json& j, const DealRow& row);  // the deal with its "next_step"
void to_json(cli::json_form::json& j, const Meeting& m);
void to_json(cli::json_form::json& j, const Account& a);
void to_json(cli::json_form::json& j, const Contact& c);
void to_json(cli::json_form::json& j, const ActionItem& a);
void to_json(cli::json_form::json& j, const Outcome& o);
void to_json(cli::json_form::json& j, const TemperatureCheck& t);
void to_json(cli::json_form::json& j, const Note& n);
void to_json(cli::json_form::json& j, const Touch& t);
void to_json(cli::json_form::json& j, const TimelineEntry& e);
void to_json(cli::json_form::json& j, const Event& e);
void to_json(cli::json_form::json& j,
             const AgendaMeeting& a);                       // the meeting with its deal and account
void to_json(cli::json_form::json& j, const DueAction& a);  // the action with its deal and account

}  // namespace nextstep
