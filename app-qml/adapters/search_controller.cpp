#include "search_controller.h"

#include <QCoreApplication>

#include "display_text.h"
#include "nextstep/search/search.h"

namespace {

using display::qs;

QString kindLabel(const std::string& kind) {
  if (kind == "deal") return QCoreApplication::translate("search", "Deal");
  if (kind == "account") return QCoreApplication::translate("search", "Account");
  if (kind == "contact") return QCoreApplication::translate("search", "Contact");
  if (kind == "note") return QCoreApplication::translate("search", "Note");
  return qs(kind);
}

}  // namespace

SearchController::SearchController(QObject* parent) : StoreController(parent) {}

void SearchController::setQuery(const QString& q) {
  if (query_ == q) return;
  query_ = q;
  Q_EMIT queryChanged();
  refresh();
}

void SearchController::reload(LocalStore& store) {
  const std::string q = query_.trimmed().toStdString();
  if (q.empty()) {
    hits_.setCards({});
    loadDone();
    return;
  }
  store.read(
      this, [q](nextstep::Store& s) { return nextstep::search(s, q, 40); },
      [this](const nextstep::Result<std::vector<nextstep::SearchHit>>& r) {
        loadDone();
        if (!r) {
          showError(r.error());
          return;
        }
        clearError();
        std::vector<Card> cards;
        for (const auto& h : *r) {
          Card c;
          c.id = qs(h.id);
          c.kind = qs(h.kind);
          c.title = qs(h.title);
          c.subtitle = qs(h.detail);
          c.badge = kindLabel(h.kind);
          c.dealId = h.kind == "deal" ? qs(h.id) : h.deal_id ? qs(*h.deal_id) : QString();
          c.tone = QStringLiteral("neutral");
          cards.push_back(c);
        }
        hits_.setCards(std::move(cards));
      });
}
