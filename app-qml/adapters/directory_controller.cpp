#include "directory_controller.h"

#include "contact_card.h"
#include "deal_card.h"
#include "display_text.h"
#include "nextstep/follow_up/notes_touches.h"
#include "nextstep/pipeline/pipeline.h"
#include "nextstep/pipeline/team_settings.h"

namespace {

using display::qs;

struct DirectoryRead {
  nextstep::Result<std::vector<nextstep::Account>> accounts;
  nextstep::Result<std::vector<nextstep::Contact>> contacts;
  nextstep::Result<std::vector<nextstep::DealRow>> deals = nextstep::Error{};
  int cadence = 30;
  nextstep::Instant now;
};

}  // namespace

DirectoryController::DirectoryController(QObject* parent) : StoreController(parent) {}

void DirectoryController::setAccountId(const QString& id) {
  if (account_id_ == id) return;
  account_id_ = id;
  Q_EMIT accountIdChanged();
  refresh();
}

void DirectoryController::reload(LocalStore& store) {
  std::optional<std::string> account;
  if (!account_id_.isEmpty()) account = account_id_.toStdString();
  store.read(
      this,
      [account](nextstep::Store& s) {
        DirectoryRead out{nextstep::listAccounts(s, 500), nextstep::listContacts(s, account, 500),
                          nextstep::Error{}, 30, s.now()};
        if (account) {
          nextstep::DealFilter f;
          f.account_id = account;
          f.limit = 50;
          out.deals = nextstep::listDeals(s, f);
        }
        if (auto t = nextstep::teamSettings(s)) out.cadence = t->cadence_days;
        return out;
      },
      [this](const DirectoryRead& r) {
        loadDone();
        if (!r.accounts || !r.contacts) {
          showError(!r.accounts ? r.accounts.error() : r.contacts.error());
          return;
        }
        clearError();
        std::vector<Card> accounts;
        account_name_.clear();
        for (const auto& a : *r.accounts) {
          Card c;
          c.id = qs(a.id);
          c.kind = QStringLiteral("account");
          c.title = qs(a.name);
          c.subtitle = qs(a.industry.empty() ? a.city : a.industry + " · " + a.city);
          c.badge = a.open_deals == 1 ? tr("1 open deal") : tr("%1 open deals").arg(a.open_deals);
          const int cadence = a.cadence_days.value_or(r.cadence);
          if (a.last_touch_at) {
            c.when = tr("Touched %1").arg(display::ago(*a.last_touch_at, r.now));
            const auto days = (r.now - *a.last_touch_at) / std::chrono::hours(24);
            c.tone = days > cadence ? QStringLiteral("warning") : QStringLiteral("neutral");
          } else {
            c.when = tr("Never touched");
            c.tone = QStringLiteral("warning");
          }
          c.flag = a.id == account_id_.toStdString();
          if (c.flag) account_name_ = c.title;
          accounts.push_back(c);
        }
        accounts_.setCards(std::move(accounts));
        std::vector<Card> contacts;
        for (const auto& p : *r.contacts) {
          Card c = contactCard(p);
          if (p.account_id) c.secondaryId = qs(*p.account_id);
          contacts.push_back(c);
        }
        contacts_.setCards(std::move(contacts));
        std::vector<Card> deals;
        if (r.deals) {
          for (const auto& row : *r.deals) {
            Card c = dealCard(row);
            c.flag = row.next_step.has_value();
            c.tone = c.flag ? QStringLiteral("good") : QStringLiteral("danger");
            c.subtitle = row.next_step ? display::relativeDay(row.next_step->start, r.now,
                                                              nextstep::TimeZone::local())
                                       : tr("No next step");
            deals.push_back(c);
          }
        }
        deals_.setCards(std::move(deals));
        Q_EMIT listsChanged();
      });
}

void DirectoryController::logTouch(const QString& accountId, const QString& kind,
                                   const QString& note) {
  LocalStore* local = store();
  if (local == nullptr || accountId.isEmpty()) return;
  nextstep::NewTouch t;
  t.account = accountId.toStdString();
  t.kind = nextstep::parseEnum<nextstep::TouchKind>(kind.toStdString())
               .value_or(nextstep::TouchKind::kOther);
  t.note = note.toStdString();
  local->write(
      this, [t](nextstep::Store& s) { return nextstep::logTouch(s, t); },
      [this](const nextstep::Result<std::string>& r) {
        if (!r) {
          showError(r.error());
          return;
        }
        Q_EMIT touched();
      });
}
