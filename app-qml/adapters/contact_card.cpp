#include "contact_card.h"

#include "display_text.h"

Card contactCard(const nextstep::Contact& person) {
  Card c;
  c.id = display::qs(person.id);
  c.kind = QStringLiteral("contact");
  c.title = display::qs(person.name);
  c.subtitle = display::qs(person.title);
  c.detail = display::qs(person.email.empty() ? person.phone : person.email);
  c.badge = display::role(person.role);
  c.tone = person.role == nextstep::ContactRole::kDecisionMaker ? QStringLiteral("info")
                                                                : QStringLiteral("neutral");
  return c;
}
