#include "health_controller.h"

#include "deal_card.h"
#include "display_text.h"
#include "nextstep/health/health_trend.h"
#include "nextstep/health/pipeline_health.h"

namespace {

using display::qs;

Card problem(const QString& id, const QString& label, std::int64_t count, const QString& rule) {
  Card c;
  c.id = id;
  c.kind = QStringLiteral("problem");
  c.title = label;
  c.amount = static_cast<double>(count);
  c.badge = QString::number(count);
  c.subtitle = rule;
  c.tone = count == 0 ? QStringLiteral("good") : QStringLiteral("danger");
  return c;
}

struct Figures {
  nextstep::PipelineHealth health;
  std::vector<nextstep::TrendPoint> trend;
};

}  // namespace

HealthController::HealthController(QObject* parent) : StoreController(parent) {}

void HealthController::reload(LocalStore& store) {
  const nextstep::TimeZone zone = store.zone();
  store.read(
      this,
      [zone](nextstep::Store& s) -> nextstep::Result<Figures> {
        nextstep::HealthQuery q;
        q.zone = zone;
        q.limit = 10;
        auto health = nextstep::pipelineHealth(s, q);
        if (!health) return health.error();
        auto trend = nextstep::healthTrend(s, {.now = s.now(), .zone = zone, .weeks = 8});
        if (!trend) return trend.error();
        return Figures{std::move(*health), std::move(*trend)};
      },
      [this](const nextstep::Result<Figures>& r) {
        loadDone();
        if (!r) {
          showError(r.error());
          return;
        }
        clearError();
        const auto& h = r->health;
        trend_.clear();
        for (const nextstep::TrendPoint& p : r->trend) {
          trend_.append(
              QVariantMap{{QStringLiteral("week"), display::date(p.week_end)},
                          {QStringLiteral("nextStep"), p.next_step_rate},
                          // No bookings that week: a gap, not a 0 %.
                          {QStringLiteral("atTable"),
                           p.bookings > 0 ? QVariant(p.booked_at_table_rate) : QVariant()},
                          {QStringLiteral("commitment"), p.commitment_rate}});
        }
        next_rate_ = h.next_step_rate;
        table_rate_ = h.booked_at_table_rate;
        commitment_rate_ = h.commitment_rate;
        open_ = h.open_deals;
        with_next_ = h.with_next_step;
        booked_ = h.booked_total;
        at_table_ = h.booked_at_table;
        commitment_ = h.commitment_deals;
        problems_.setCards({
            problem(QStringLiteral("without_next_step"), tr("No next step"),
                    h.without_next_step_total, tr("Rule 1")),
            problem(QStringLiteral("overdue"), tr("Outcome not logged"), h.overdue_total,
                    tr("Rule 2")),
            problem(QStringLiteral("follow_ups_overdue"), tr("Follow-ups overdue"),
                    h.follow_ups_overdue, tr("Rule 7")),
            problem(QStringLiteral("stale"), tr("Stale customers"), h.stale_total, tr("Rule 8")),
            problem(QStringLiteral("held_without_next"), tr("Met, no next step"),
                    h.held_without_next_total, tr("Rule 9")),
            problem(QStringLiteral("compliance_only"), tr("Compliance only"),
                    h.compliance_only_total, tr("Rule 4")),
            problem(QStringLiteral("participants"), tr("Event guests waiting"),
                    h.participants_without_next_step, tr("Rule 10")),
        });
        std::vector<Card> stale;
        for (const auto& a : h.stale) {
          Card c;
          c.id = qs(a.account.id);
          c.kind = QStringLiteral("account");
          c.title = qs(a.account.name);
          c.subtitle = a.days_since_touch < 0 ? tr("Never touched")
                       : a.days_since_touch == 1
                           ? tr("1 day since the last touch")
                           : tr("%1 days since the last touch").arg(a.days_since_touch);
          c.badge = tr("every %1 d").arg(a.cadence_days);
          c.tone = QStringLiteral("warning");
          stale.push_back(c);
        }
        stale_.setCards(std::move(stale));
        std::vector<Card> without;
        for (const auto& row : h.without_next_step) {
          Card c = dealCard(row);
          c.tone = QStringLiteral("danger");
          without.push_back(c);
        }
        without_.setCards(std::move(without));
        Q_EMIT figuresChanged();
      });
}
