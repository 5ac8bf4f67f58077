#include "record_json.h"

#include <cstdio>

#include "nextstep/text/money_text.h"

namespace nextstep::cli::json_form {

json instant(Instant t) { return formatUtc(t); }

json instant(const std::optional<Instant>& t) { return t ? json(formatUtc(*t)) : json(nullptr); }

json date(const std::optional<CivilDate>& d) { return d ? json(d->iso()) : json(nullptr); }

json text(const std::optional<std::string>& s) { return s ? json(*s) : json(nullptr); }

// "2026-12-03T14:00:00+01:00": the instant on the clocks of `tz`, with their offset.
json local(Instant t, const std::string& tz) {
  auto zone = TimeZone::find(tz);
  if (!zone) return nullptr;
  const std::int64_t offset = zone->offset(t).count();
  const std::int64_t wall = toUnix(t) + offset;
  std::int64_t days = wall / 86400;
  if (wall % 86400 < 0) --days;
  const std::int64_t secs = wall - days * 86400;
  const std::int64_t offsetMinutes = (offset < 0 ? -offset : offset) / 60;
  char buf[48];
  std::snprintf(buf, sizeof buf, "%sT%02d:%02d:%02d%c%02d:%02d",
                CivilDate::fromDays(days).iso().c_str(), static_cast<int>(secs / 3600),
                static_cast<int>(secs % 3600 / 60), static_cast<int>(secs % 60),
                offset < 0 ? '-' : '+', static_cast<int>(offsetMinutes / 60),
                static_cast<int>(offsetMinutes % 60));
  return buf;
}

json money(const Money& m) {
  return {{"minor", m.minor}, {"currency", m.currency}, {"amount", decimalAmount(m.minor)}};
}

json contactRef(const ContactsById& contacts, const std::string& id) {
  auto it = contacts.find(id);
  if (it == contacts.end()) return {{"id", id}, {"name", nullptr}, {"role", nullptr}};
  return {{"id", id}, {"name", it->second.name}, {"role", name(it->second.role)}};
}

}  // namespace nextstep::cli::json_form

namespace nextstep {

using cli::json_form::date;
using cli::json_form::instant;
using cli::json_form::json;
using cli::json_form::local;
using cli::json_form::money;
using cli::json_form::name;
using cli::json_form::orNull;
using cli::json_form::text;

void to_json(json& j, const Deal& d) {
  j = {{"id", d.id},
       {"title", d.title},
       {"account_id", text(d.account_id)},
       {"account_name", d.account_id ? json(d.account_name) : json(nullptr)},
       {"value", money(d.value)},
       {"stage", d.stage},
       {"status", name(d.status)},
       {"owner", d.owner},
       {"created_at", instant(d.created_at)},
       {"lost_reason", d.lost_reason},
       {"compliance_only", d.compliance_only},
       {"latest_customer_kind", name(d.latest_customer_kind)}};
}

void to_json(json& j, const Meeting& m) {
  j = {{"id", m.id},
       {"deal_id", m.deal_id},
       {"start", instant(m.start)},
       {"end", instant(m.end())},
       {"tz", m.tz},
       {"local", local(m.start, m.tz)},
       {"duration_min", m.duration_min},
       {"place", m.place},
       {"agenda", m.agenda},
       {"goal", m.goal},
       {"status", name(m.status)},
       {"booked_at", instant(m.booked_at)},
       {"booked_at_table", m.booked_at_table ? json(*m.booked_at_table) : json(nullptr)},
       {"attendee_ids", m.attendee_ids},
       {"plan", {{"primary", m.plan_primary}, {"backup", m.plan_backup}, {"asks", m.plan_asks}}},
       {"objective_met", name(m.objective_met)},
       {"recap", m.recap},
       {"event_id", text(m.event_id)}};
}

void to_json(json& j, const DealRow& row) {
  j = row.deal;
  j["next_step"] = orNull(row.next_step);
}

void to_json(json& j, const Account& a) {
  j = {{"id", a.id},
       {"name", a.name},
       {"industry", a.industry},
       {"city", a.city},
       {"owner", a.owner},
       {"cadence_days", a.cadence_days ? json(*a.cadence_days) : json(nullptr)},
       {"tz", a.tz.empty() ? json(nullptr) : json(a.tz)},
       {"created_at", instant(a.created_at)},
       {"last_touch_at", instant(a.last_touch_at)},
       {"open_deals", a.open_deals}};
}

void to_json(json& j, const Contact& c) {
  j = {{"id", c.id},       {"account_id", text(c.account_id)},
       {"name", c.name},   {"email", c.email},
       {"phone", c.phone}, {"role", name(c.role)},
       {"title", c.title}};
}

void to_json(json& j, const ActionItem& a) {
  j = {{"id", a.id},
       {"deal_id", a.deal_id},
       {"meeting_id", text(a.meeting_id)},
       {"owner", name(a.owner)},
       {"text", a.text},
       {"due", date(a.due)},
       {"done", a.done},
       {"kind", name(a.kind)},
       {"kind_overridden", a.kind_overridden},
       {"created_at", instant(a.created_at)}};
}

void to_json(json& j, const Outcome& o) {
  j = {{"meeting_id", o.meeting_id},
       {"deal_id", o.deal_id},
       {"result", name(o.result)},
       {"no_reason", name(o.no_reason)},
       {"reason_text", o.reason_text},
       {"probe_answers", o.probe_answers},
       {"follow_up_on", date(o.follow_up_on)},
       {"what_next", o.what_next},
       {"approvers", o.approvers},
       {"approve_by", date(o.approve_by)},
       {"recorded_at", instant(o.recorded_at)}};
}

void to_json(json& j, const TemperatureCheck& t) {
  j = {{"id", t.id},
       {"meeting_id", t.meeting_id},
       {"contact_id", t.contact_id},
       {"ready", name(t.ready)},
       {"most_interesting", t.most_interesting},
       {"to_clarify", t.to_clarify},
       {"created_at", instant(t.created_at)}};
}

void to_json(json& j, const Note& n) {
  j = {{"id", n.id},
       {"deal_id", text(n.deal_id)},
       {"account_id", text(n.account_id)},
       {"contact_id", text(n.contact_id)},
       {"text", n.text},
       {"author", n.author},
       {"created_at", instant(n.created_at)}};
}

void to_json(json& j, const Touch& t) {
  j = {{"id", t.id},
       {"account_id", t.account_id},
       {"contact_id", text(t.contact_id)},
       {"deal_id", text(t.deal_id)},
       {"kind", name(t.kind)},
       {"at", instant(t.at)},
       {"note", t.note}};
}

void to_json(json& j, const TimelineEntry& e) {
  j = {{"at", instant(e.at)},
       {"kind", e.kind},
       {"id", e.id},
       {"title", e.title},
       {"detail", e.detail}};
}

void to_json(json& j, const Event& e) {
  j = {{"id", e.id},       {"kind", name(e.kind)},
       {"title", e.title}, {"start", instant(e.start)},
       {"tz", e.tz},       {"local", local(e.start, e.tz)},
       {"place", e.place}};
}

void to_json(json& j, const AgendaMeeting& a) {
  j = a.meeting;
  j["deal_title"] = a.deal_title;
  j["account_name"] = a.account_name;
}

void to_json(json& j, const DueAction& a) {
  j = a.action;
  j["deal_title"] = a.deal_title;
  j["account_name"] = a.account_name;
}

}  // namespace nextstep
