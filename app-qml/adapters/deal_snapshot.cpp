#include "deal_snapshot.h"

#include <QCoreApplication>
#include <QStringList>

#include <set>

#include "contact_card.h"
#include "display_text.h"
#include "nextstep/storage/op.h"
#include "nextstep/text/field_text.h"

namespace {

using display::qs;

QString tr(const char* text) { return QCoreApplication::translate("deal", text); }

QString nameOf(const nextstep::DealView& v, const std::string& contact_id) {
  for (const auto& p : v.people) {
    if (p.id == contact_id) return qs(p.name);
  }
  return {};
}

QVariantMap nextStepMap(const nextstep::DealView& v, nextstep::Instant now,
                        const nextstep::TimeZone& zone) {
  if (!v.next_step) return {};
  const auto& m = *v.next_step;
  QStringList attendees;
  for (const auto& id : m.attendee_ids) {
    if (auto name = nameOf(v, id); !name.isEmpty()) attendees << name;
  }
  return {{"meetingId", qs(m.id)},
          {"when", display::dayAndTime(m.start, zone)},
          {"relative", display::relativeDay(m.start, now, zone)},
          {"place", qs(m.place)},
          {"goal", qs(m.goal)},
          {"agenda", qs(m.agenda)},
          {"duration", m.duration_min},
          {"attendees", attendees.join(QStringLiteral(", "))},
          {"planPrimary", qs(m.plan_primary)},
          {"planBackup", qs(m.plan_backup)},
          {"planAsks", qs(m.plan_asks)},
          {"inProgress", m.start <= now && now < m.end()}};
}

std::vector<Card> peopleCards(const nextstep::DealView& v) {
  std::vector<Card> out;
  for (const auto& p : v.people) out.push_back(contactCard(p));
  return out;
}

std::vector<Card> actionCards(const nextstep::DealView& v) {
  std::vector<Card> out;
  for (const auto& a : v.actions) {
    Card c;
    c.id = qs(a.id);
    c.kind = qs(std::string(nextstep::nameOf(a.kind)));
    c.title = qs(a.text);
    c.subtitle = a.owner == nextstep::ActionOwner::kCustomer ? tr("Customer does") : tr("You do");
    c.when = a.due ? display::date(*a.due) : QString();
    c.badge = display::actionKind(a.kind);
    c.tone = a.kind == nextstep::ActionKind::kCommitment   ? QStringLiteral("good")
             : a.kind == nextstep::ActionKind::kCompliance ? QStringLiteral("warning")
                                                           : QStringLiteral("neutral");
    c.flag = a.done;
    c.dealId = qs(a.deal_id);
    out.push_back(c);
  }
  return out;
}

QString timelineKindLabel(const std::string& kind) {
  if (kind == "meeting") return tr("Meeting");
  if (kind == "outcome") return tr("Outcome");
  if (kind == "note") return tr("Note");
  if (kind == "touch") return tr("Touch");
  if (kind == "action") return tr("Who does what");
  return qs(kind);
}

std::vector<Card> timelineCards(const nextstep::DealView& v, nextstep::Instant now,
                                const nextstep::TimeZone& zone) {
  std::vector<Card> out;
  for (const auto& e : v.timeline) {
    Card c;
    c.id = qs(e.id);
    c.kind = qs(e.kind);
    c.title = qs(e.title);
    c.detail = qs(e.detail);
    c.when = display::relativeDay(e.at, now, zone);
    c.badge = timelineKindLabel(e.kind);
    c.tone = e.kind == "outcome" ? QStringLiteral("info") : QStringLiteral("neutral");
    c.flag = e.at > now;  // still ahead
    out.push_back(c);
  }
  return out;
}

QString fieldLabel(const std::string& key) {
  if (key == "value_minor") return tr("Value");
  if (key == "title") return tr("Title");
  if (key == "stage") return tr("Stage");
  if (key == "status") return tr("Status");
  if (key == "owner") return tr("Owner");
  if (key == "slot") return tr("Time and place");
  if (key == "attendees") return tr("Attendee");
  if (key == "deleted") return tr("Deleted or restored");
  QString s = qs(key);
  s.replace(QLatin1Char('_'), QLatin1Char(' '));
  if (!s.isEmpty()) s[0] = s[0].toUpper();
  return s;
}

// A meeting's time and place as the deal page shows its next step: "Thu 3 Dec, 14:00 · 30 min ·
// HQ" (on the rep's clock, so the zone the meeting was booked in is not repeated).
QString slotText(const std::string& json, const nextstep::TimeZone& zone) {
  nextstep::Fields fields;
  try {
    fields = nextstep::decodeFields(nextstep::specOf(nextstep::RecordType::kMeeting), json);
  } catch (const nextstep::DomainError&) {
    return {};
  }
  QStringList parts;
  for (const auto& f : fields) {
    if (f.name == "start_at" && std::holds_alternative<std::int64_t>(f.value))
      parts << display::dayAndTime(nextstep::instantFromUnix(std::get<std::int64_t>(f.value)),
                                   zone);
    if (f.name == "duration_min" && std::holds_alternative<std::int64_t>(f.value))
      parts << tr("%1 min").arg(std::get<std::int64_t>(f.value));
    if (f.name == "place" && std::holds_alternative<std::string>(f.value))
      parts << qs(std::get<std::string>(f.value));
  }
  return parts.join(QStringLiteral(" · "));
}

// A value as the conflict review shows it: in the words and formats of the rest of the page
// (money with its currency, stages by name, times on the rep's clock, people by name), else the
// core's reading of the field, shared with the CLI.
QString valueText(const nextstep::sync::ConflictEntry& e, const nextstep::Value& v,
                  const nextstep::DealView& view, const nextstep::TimeZone& zone) {
  if (e.key == "value_minor" && e.record_id == view.deal.id &&
      std::holds_alternative<std::int64_t>(v)) {
    return display::money({std::get<std::int64_t>(v), view.deal.value.currency});  // as the page
  }
  if (e.key == "deleted" && std::holds_alternative<std::int64_t>(v))
    return std::get<std::int64_t>(v) != 0 ? tr("deleted") : tr("not deleted");
  if (e.kind == nextstep::ConflictKind::kEditedWhileDeleted && v == nextstep::Value("deleted"))
    return tr("deleted");
  if (std::holds_alternative<std::string>(v)) {
    const std::string& text = std::get<std::string>(v);
    if (e.key == "stage") return display::stage(text);
    if (e.key == "slot") {
      if (QString slot = slotText(text, zone); !slot.isEmpty()) return slot;
    }
    if (e.kind == nextstep::ConflictKind::kRemovedWhileAdded) {
      // The kept value is the contact who stays, the lost one "removed <contact>".
      const bool removed = text.rfind("removed ", 0) == 0;
      const std::string id = removed ? text.substr(8) : text;
      QString name = nameOf(view, id);
      if (name.isEmpty()) name = tr("a contact");
      return removed ? tr("%1 removed").arg(name) : tr("%1 attends").arg(name);
    }
  }
  return qs(nextstep::describeFieldValue(e.type, e.key, v, zone));
}

QString who(const std::string& author) { return author.empty() ? tr("this device") : qs(author); }

QString kindLabel(nextstep::ConflictKind kind) {
  return qs(std::string(nextstep::describeConflictKind(kind)));
}

// Only open conflicts: one closed on another device (kept, restored, or edited since) has left
// this list after the sync that brought its closing change (docs/sync.md, "Conflicts").
std::vector<Card> conflictCards(nextstep::Store& store, const nextstep::DealView& v,
                                const nextstep::TimeZone& zone) {
  std::set<std::string> records{v.deal.id};
  for (const auto& m : v.meetings) records.insert(m.id);
  for (const auto& a : v.actions) records.insert(a.id);
  for (const auto& o : v.outcomes) records.insert(o.meeting_id);
  std::vector<Card> out;
  auto entries = nextstep::sync::ConflictArchive(store).list(false, 200);
  if (!entries) return out;
  for (const auto& e : *entries) {
    if (!records.count(e.record_id)) continue;
    Card c;
    c.id = qs(e.id);
    c.kind = qs(std::string(nextstep::nameOf(e.kind)));
    c.title = e.record_id == v.deal.id ? fieldLabel(e.key)
                                       : tr("%1 of %2").arg(fieldLabel(e.key), qs(e.record_title));
    c.subtitle = tr("Kept: %1, by %2, %3")
                     .arg(valueText(e, e.kept_value, v, zone), who(e.kept_author),
                          display::dayAndTime(e.kept_at, zone));
    c.detail = tr("Lost: %1, by %2, %3")
                   .arg(valueText(e, e.lost_value, v, zone), who(e.lost_author),
                        display::dayAndTime(e.lost_at, zone));
    c.when = tr("Found %1").arg(display::dayAndTime(e.detected_at, zone));
    c.badge = kindLabel(e.kind);
    c.tone = QStringLiteral("warning");
    c.dealId = qs(v.deal.id);
    c.secondaryId = qs(e.record_id);
    out.push_back(c);
  }
  return out;
}

}  // namespace

DealController::Snapshot readDealSnapshot(nextstep::Store& store, const std::string& deal_id,
                                          const nextstep::TimeZone& zone) {
  DealController::Snapshot s;
  s.view = nextstep::dealView(store, deal_id);
  if (!s.view) return s;
  const nextstep::Instant now = store.now();
  s.next_step = nextStepMap(*s.view, now, zone);
  s.people = peopleCards(*s.view);
  s.actions = actionCards(*s.view);
  s.timeline = timelineCards(*s.view, now, zone);
  s.conflicts = conflictCards(store, *s.view, zone);
  return s;
}
