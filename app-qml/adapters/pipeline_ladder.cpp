#include "pipeline_ladder.h"

#include "display_text.h"
#include "nextstep/pipeline/pipeline.h"
#include "nextstep/pipeline/team_settings.h"

namespace {

struct Rung {
  std::string stage;
  std::int64_t open = 0;
  std::int64_t without = 0;
};

struct Ladder {
  nextstep::Result<nextstep::TeamSettings> settings;
  std::vector<Rung> rungs;
};

}  // namespace

PipelineLadder::PipelineLadder(QObject* parent) : StoreController(parent) {}

QString PipelineLadder::labelOf(const QString& stage) const {
  return display::stage(stage.toStdString());
}

void PipelineLadder::reload(LocalStore& store) {
  store.read(
      this,
      [](nextstep::Store& s) {
        Ladder out{nextstep::teamSettings(s), {}};
        if (!out.settings) return out;
        for (const auto& stage : out.settings->stages) {
          nextstep::DealFilter f;
          f.stage = stage;
          Rung r{stage};
          if (auto n = nextstep::countDeals(s, f)) r.open = *n;
          f.without_next_step = true;
          if (auto n = nextstep::countDeals(s, f)) r.without = *n;
          out.rungs.push_back(r);
        }
        return out;
      },
      [this](const Ladder& ladder) {
        if (!ladder.settings) {
          showError(ladder.settings.error());
          loadDone();
          return;
        }
        clearError();
        std::vector<Card> cards;
        names_.clear();
        open_ = 0;
        without_ = 0;
        for (const auto& r : ladder.rungs) {
          Card c;
          c.id = display::qs(r.stage);
          c.kind = QStringLiteral("stage");
          c.title = display::stage(r.stage);
          c.amount = static_cast<double>(r.open);
          c.badge = QString::number(r.open);
          c.subtitle =
              r.without == 0 ? tr("All booked") : tr("%1 without a next step").arg(r.without);
          c.tone = r.without == 0 ? QStringLiteral("good") : QStringLiteral("danger");
          cards.push_back(c);
          names_ << c.id;
          open_ += r.open;
          without_ += r.without;
        }
        stages_.setCards(std::move(cards));
        Q_EMIT figuresChanged();
        loadDone();
      });
}
