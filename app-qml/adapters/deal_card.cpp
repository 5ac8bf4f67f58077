#include "deal_card.h"

#include "display_text.h"

Card dealCard(const nextstep::DealRow& row) {
  Card c;
  c.id = display::qs(row.deal.id);
  c.kind = QStringLiteral("deal");
  c.title = display::qs(row.deal.title);
  c.subtitle = display::qs(row.deal.account_name);
  c.badge = display::stage(row.deal.stage);
  c.when = display::money(row.deal.value);
  c.dealId = c.id;
  return c;
}
