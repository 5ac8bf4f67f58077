#include "nextstep/storage/catalog.h"

#include <array>

namespace nextstep {
namespace {

using F = FieldSpec;
using T = FieldType;

constexpr F kAccountFields[] = {
    {"name", T::kText, true},
    {"industry", T::kText},
    {"city", T::kText},
    {"owner", T::kText},
    {"cadence_days", T::kInt, false, {}, true},
    {"created_at", T::kInstant, true},
    {"tz", T::kText},
};
constexpr F kContactFields[] = {
    {"account_id", T::kRef}, {"name", T::kText, true}, {"email", T::kText},
    {"phone", T::kText},     {"role", T::kText, true}, {"title", T::kText},
};
constexpr F kDealFields[] = {
    {"account_id", T::kRef},      {"title", T::kText, true},         {"value_minor", T::kInt, true},
    {"currency", T::kText, true}, {"stage", T::kText, true},         {"status", T::kText, true},
    {"owner", T::kText},          {"created_at", T::kInstant, true}, {"lost_reason", T::kText},
};
constexpr F kMeetingFields[] = {
    {"deal_id", T::kRef, true},
    {"start_at", T::kInstant, true, "slot"},
    {"tz", T::kText, true, "slot"},
    {"duration_min", T::kInt, true, "slot", true},
    {"place", T::kText, false, "slot"},
    {"agenda", T::kText},
    {"goal", T::kText},
    {"status", T::kText, true},
    {"booked_at", T::kInstant, true},
    {"booked_at_table", T::kBool},
    {"plan_primary", T::kText},
    {"plan_backup", T::kText},
    {"plan_asks", T::kText},
    {"objective_met", T::kText},
    {"recap", T::kText},
    {"event_id", T::kRef},
};
constexpr F kOutcomeFields[] = {
    {"meeting_id", T::kRef, true},
    {"deal_id", T::kRef, true},
    {"result", T::kText, true},
    {"no_reason", T::kText},
    {"reason_text", T::kText},
    {"probe_answers", T::kText},
    {"follow_up_on", T::kDate},
    {"what_next", T::kText},
    {"approvers", T::kText},
    {"approve_by", T::kDate},
    {"recorded_at", T::kInstant, true},
};
constexpr F kActionFields[] = {
    {"deal_id", T::kRef, true},
    {"meeting_id", T::kRef},
    {"owner", T::kText, true},
    {"text", T::kText, true},
    {"due", T::kDate},
    {"done", T::kBool, true},
    {"kind", T::kText, true},
    {"kind_overridden", T::kBool, true},
    {"created_at", T::kInstant, true},
};
constexpr F kTemperatureFields[] = {
    {"meeting_id", T::kRef, true}, {"contact_id", T::kRef, true}, {"most_interesting", T::kText},
    {"to_clarify", T::kText},      {"ready", T::kText, true},     {"created_at", T::kInstant, true},
};
constexpr F kNoteFields[] = {
    {"deal_id", T::kRef},     {"account_id", T::kRef}, {"contact_id", T::kRef},
    {"text", T::kText, true}, {"author", T::kText},    {"created_at", T::kInstant, true},
};
constexpr F kTouchFields[] = {
    {"account_id", T::kRef, true}, {"contact_id", T::kRef},   {"deal_id", T::kRef},
    {"kind", T::kText, true},      {"at", T::kInstant, true}, {"note", T::kText},
};
constexpr F kEventFields[] = {
    {"kind", T::kText, true}, {"title", T::kText, true}, {"start_at", T::kInstant, true},
    {"tz", T::kText, true},   {"place", T::kText},
};
constexpr F kParticipantFields[] = {
    {"event_id", T::kRef, true},
    {"contact_id", T::kRef, true},
    {"deal_id", T::kRef},
    {"interested", T::kBool, true},
};
constexpr F kSettingsFields[] = {
    {"stages", T::kJson, true},
    {"cadence_days", T::kInt, true, {}, true},
    {"working_days", T::kInt},
};

constexpr RecordSpec kSpecs[] = {
    {RecordType::kAccount, "account", "accounts", kAccountFields},
    {RecordType::kContact, "contact", "contacts", kContactFields},
    {RecordType::kDeal, "deal", "deals", kDealFields},
    {RecordType::kMeeting, "meeting", "meetings", kMeetingFields, false, "attendees",
     "meeting_attendees"},
    {RecordType::kOutcome, "outcome", "outcomes", kOutcomeFields},
    {RecordType::kAction, "action", "actions", kActionFields},
    {RecordType::kTemperature, "temperature_check", "temperature_checks", kTemperatureFields},
    {RecordType::kNote, "note", "notes", kNoteFields, true},
    {RecordType::kTouch, "touch", "touches", kTouchFields},
    {RecordType::kEvent, "event", "events", kEventFields},
    {RecordType::kParticipant, "participant", "participants", kParticipantFields},
    {RecordType::kSettings, "settings", "settings", kSettingsFields},
};

}  // namespace

const FieldSpec* RecordSpec::field(std::string_view n) const {
  for (const FieldSpec& f : fields) {
    if (f.name == n) return &f;
  }
  return nullptr;
}

bool RecordSpec::isRegister(std::string_view key) const {
  for (const FieldSpec& f : fields) {
    if (!f.reg.empty() && f.reg == key) return true;
  }
  return false;
}

std::span<const RecordSpec> allRecordSpecs() { return kSpecs; }

std::optional<RecordType> refTarget(std::string_view field_name) {
  if (field_name == "account_id") return RecordType::kAccount;
  if (field_name == "contact_id") return RecordType::kContact;
  if (field_name == "deal_id") return RecordType::kDeal;
  if (field_name == "meeting_id") return RecordType::kMeeting;
  if (field_name == "event_id") return RecordType::kEvent;
  return std::nullopt;
}

const RecordSpec& specOf(RecordType type) {
  for (const RecordSpec& s : kSpecs) {
    if (s.type == type) return s;
  }
  return kSpecs[0];  // unreachable: every enumerator has a spec (tested)
}

const RecordSpec* specByName(std::string_view name) {
  for (const RecordSpec& s : kSpecs) {
    if (s.name == name) return &s;
  }
  return nullptr;
}

const RecordSpec* specByNumber(std::uint32_t number) {
  for (const RecordSpec& s : kSpecs) {
    if (static_cast<std::uint32_t>(s.type) == number) return &s;
  }
  return nullptr;
}

}  // namespace nextstep
