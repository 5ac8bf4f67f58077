#include "participant_picker.h"

#include <QCoreApplication>

#include <set>

#include "display_text.h"
#include "nextstep/meetings/events.h"
#include "nextstep/pipeline/pipeline.h"
#include "nextstep/search/search.h"

namespace {

using display::qs;

constexpr int kShown = 60;

nextstep::Result<std::vector<Card>> candidatesIn(nextstep::Store& s, const std::string& event,
                                                 const std::string& query) {
  auto participants = nextstep::participantsOf(s, event);
  if (!participants) return participants.error();
  std::set<std::string> taking_part;
  for (const auto& p : *participants) taking_part.insert(p.contact.id);
  std::vector<Card> out;
  auto card = [&](const std::string& id, const std::string& name, const QString& detail) {
    if (taking_part.contains(id) || static_cast<int>(out.size()) >= kShown) return;
    Card c;
    c.id = qs(id);
    c.kind = QStringLiteral("contact");
    c.title = qs(name);
    c.subtitle = detail;
    c.badge = QCoreApplication::translate("ParticipantPicker", "Add");
    c.tone = QStringLiteral("info");
    out.push_back(std::move(c));
  };
  if (query.empty()) {
    auto contacts = nextstep::listContacts(s, std::nullopt, 500);
    if (!contacts) return contacts.error();
    for (const auto& c : *contacts) {
      card(c.id, c.name,
           c.title.empty() ? display::role(c.role)
                           : qs(c.title) + QStringLiteral(" · ") + display::role(c.role));
    }
  } else {
    auto hits = nextstep::search(s, query, 200);
    if (!hits) return hits.error();
    for (const auto& hit : *hits) {
      if (hit.kind == "contact") card(hit.id, hit.title, qs(hit.detail));
    }
  }
  return out;
}

}  // namespace

ParticipantPicker::ParticipantPicker(QObject* parent) : StoreController(parent) {}

void ParticipantPicker::setEventId(const QString& id) {
  if (event_id_ == id) return;
  event_id_ = id;
  added_ = 0;
  Q_EMIT eventIdChanged();
  Q_EMIT addedChanged();
  refresh();
}

void ParticipantPicker::setQuery(const QString& q) {
  if (query_ == q) return;
  query_ = q;
  Q_EMIT queryChanged();
  refresh();
}

void ParticipantPicker::reload(LocalStore& store) {
  const std::string event = event_id_.toStdString(), query = query_.trimmed().toStdString();
  store.read(
      this, [event, query](nextstep::Store& s) { return candidatesIn(s, event, query); },
      [this](const nextstep::Result<std::vector<Card>>& cards) {
        loadDone();
        if (!cards) {
          showError(cards.error());
          return;
        }
        clearError();
        candidates_.setCards(*cards);
      });
}

void ParticipantPicker::add(const QString& contactId) {
  LocalStore* local = store();
  if (local == nullptr || event_id_.isEmpty()) return;
  nextstep::NewParticipant p;
  p.event = event_id_.toStdString();
  p.contact = contactId.toStdString();
  local->write(
      this, [p](nextstep::Store& s) { return nextstep::addParticipant(s, p); },
      [this, contactId](const nextstep::Result<std::string>& id) {
        if (!id) {
          showError(id.error());
          return;
        }
        clearError();
        ++added_;
        Q_EMIT addedChanged();
        Q_EMIT participantAdded(contactId);
      });
}
