// The closed vocabularies of the method (DOMAIN.md), each with one stable snake_case name that is
// used in the database, on the wire, in JSON and on the command line.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

namespace nextstep {

enum class ContactRole { kDecisionMaker, kApprover, kChampion, kUser, kOther };
enum class DealStatus { kOpen, kWon, kLost };
enum class MeetingStatus { kPlanned, kHeld, kCancelled };
enum class OutcomeResult { kYes, kNo, kMaybe };
enum class NoReason { kNoProject, kOtherSupplier, kWrongTime, kOther };
enum class ActionOwner { kRep, kCustomer };
enum class ActionKind { kCommitment, kCompliance, kNeutral };
enum class ObjectiveMet { kPrimary, kBackup, kNeither };
enum class Readiness { kYes, kNo, kUnsure };
enum class TouchKind {
  kCall,
  kEmail,
  kMeeting,
  kMessage,
  kCongratulation,
  kEventInvite,
  kVisit,
  kOther
};
enum class EventKind { kDemo, kWebinar, kSeminar };

template <typename E>
struct EnumNames;

#define NEXTSTEP_ENUM_NAMES(E, ...)                                                              \
  template <>                                                                                    \
  struct EnumNames<E> {                                                                          \
    static constexpr auto kNames = std::to_array<std::pair<E, std::string_view>>({__VA_ARGS__}); \
  };

NEXTSTEP_ENUM_NAMES(ContactRole, {ContactRole::kDecisionMaker, "decision_maker"},
                    {ContactRole::kApprover, "approver"}, {ContactRole::kChampion, "champion"},
                    {ContactRole::kUser, "user"}, {ContactRole::kOther, "other"})
NEXTSTEP_ENUM_NAMES(DealStatus, {DealStatus::kOpen, "open"}, {DealStatus::kWon, "won"},
                    {DealStatus::kLost, "lost"})
NEXTSTEP_ENUM_NAMES(MeetingStatus, {MeetingStatus::kPlanned, "planned"},
                    {MeetingStatus::kHeld, "held"}, {MeetingStatus::kCancelled, "cancelled"})
NEXTSTEP_ENUM_NAMES(OutcomeResult, {OutcomeResult::kYes, "yes"}, {OutcomeResult::kNo, "no"},
                    {OutcomeResult::kMaybe, "maybe"})
NEXTSTEP_ENUM_NAMES(NoReason, {NoReason::kNoProject, "no_project"},
                    {NoReason::kOtherSupplier, "other_supplier"},
                    {NoReason::kWrongTime, "wrong_time"}, {NoReason::kOther, "other"})
NEXTSTEP_ENUM_NAMES(ActionOwner, {ActionOwner::kRep, "rep"}, {ActionOwner::kCustomer, "customer"})
NEXTSTEP_ENUM_NAMES(ActionKind, {ActionKind::kCommitment, "commitment"},
                    {ActionKind::kCompliance, "compliance"}, {ActionKind::kNeutral, "neutral"})
NEXTSTEP_ENUM_NAMES(ObjectiveMet, {ObjectiveMet::kPrimary, "primary"},
                    {ObjectiveMet::kBackup, "backup"}, {ObjectiveMet::kNeither, "neither"})
NEXTSTEP_ENUM_NAMES(Readiness, {Readiness::kYes, "yes"}, {Readiness::kNo, "no"},
                    {Readiness::kUnsure, "unsure"})
NEXTSTEP_ENUM_NAMES(TouchKind, {TouchKind::kCall, "call"}, {TouchKind::kEmail, "email"},
                    {TouchKind::kMeeting, "meeting"}, {TouchKind::kMessage, "message"},
                    {TouchKind::kCongratulation, "congratulation"},
                    {TouchKind::kEventInvite, "event_invite"}, {TouchKind::kVisit, "visit"},
                    {TouchKind::kOther, "other"})
NEXTSTEP_ENUM_NAMES(EventKind, {EventKind::kDemo, "demo"}, {EventKind::kWebinar, "webinar"},
                    {EventKind::kSeminar, "seminar"})

#undef NEXTSTEP_ENUM_NAMES

template <typename E>
constexpr std::string_view nameOf(E e) {
  for (const auto& [value, name] : EnumNames<E>::kNames) {
    if (value == e) return name;
  }
  return "?";
}

template <typename E>
constexpr std::optional<E> parseEnum(std::string_view s) {
  for (const auto& [value, name] : EnumNames<E>::kNames) {
    if (name == s) return value;
  }
  return std::nullopt;
}

// "decision_maker|approver|champion|user|other", for error messages and help texts.
template <typename E>
std::string choicesOf() {
  std::string out;
  for (const auto& [value, name] : EnumNames<E>::kNames) {
    if (!out.empty()) out += '|';
    out += name;
  }
  return out;
}

}  // namespace nextstep
