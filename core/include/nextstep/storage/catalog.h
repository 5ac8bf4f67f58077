// The synced shape of every record type: which table holds it, which fields it has, and which
// fields share one last-writer-wins register. Local writes, the outbox, remote merges and the wire
// all read this one table, so adding a field here is enough for it to sync.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string_view>

namespace nextstep {

// The version of this catalog as written on the wire. A device and a server agree on it at the
// handshake; it changes when a record type or field is added (not when the local SQLite schema
// gains an index or a summary).
inline constexpr std::uint32_t kCatalogVersion = 1;

enum class RecordType : std::uint8_t {
  kAccount = 1,
  kContact = 2,
  kDeal = 3,
  kMeeting = 4,
  kOutcome = 5,
  kAction = 6,
  kTemperature = 7,
  kNote = 8,
  kTouch = 9,
  kEvent = 10,
  kParticipant = 11,
  kSettings = 12,
};

enum class FieldType : std::uint8_t {
  kText,
  kInt,
  kBool,
  kInstant,  // unix seconds
  kDate,     // YYYY-MM-DD
  kRef,      // another record's id
  kJson,
};

struct FieldSpec {
  std::string_view name;
  FieldType type;
  bool required = false;
  // Fields with the same non-empty register merge as one value (a meeting's time, zone, duration
  // and place), so one device's time is never paired with another's place.
  std::string_view reg = {};
  // An integer every store keeps above zero (a CHECK in the device's schema): a zero or negative
  // one from another device is refused when validated, never merged into a page that then fails.
  bool positive = false;

  std::string_view clockKey() const { return reg.empty() ? name : reg; }
};

struct RecordSpec {
  RecordType type;
  std::string_view name;   // "deal": on the wire and in the outbox
  std::string_view table;  // "deals"
  std::span<const FieldSpec> fields;
  bool insert_only = false;      // notes: never edited, never deleted
  std::string_view set_name{};   // an add-wins set of member ids ("attendees")
  std::string_view set_table{};  // its table ("meeting_attendees")

  const FieldSpec* field(std::string_view name) const;
  bool isRegister(std::string_view key) const;  // a register name, not a single field
};

std::span<const RecordSpec> allRecordSpecs();
// The record type a reference field points at ("deal_id" -> deal), by the naming convention.
std::optional<RecordType> refTarget(std::string_view field_name);
const RecordSpec& specOf(RecordType type);
const RecordSpec* specByName(std::string_view name);
const RecordSpec* specByNumber(std::uint32_t number);

}  // namespace nextstep
