#include "today_controller.h"

#include <QCoreApplication>

#include "deal_card.h"
#include "display_text.h"
#include "nextstep/follow_up/today.h"

namespace {

using display::qs;

// Rule 3: the reminder comes ten minutes before the end; a meeting just over still needs closing.
constexpr auto kLastMinutes = std::chrono::minutes(10);
constexpr auto kStillClosable = std::chrono::minutes(30);

struct TodaySnapshot {
  nextstep::Result<nextstep::Today> today;
  nextstep::Instant now;
};

Card meetingCard(const nextstep::AgendaMeeting& a, nextstep::Instant now,
                 const nextstep::TimeZone& zone) {
  const auto& m = a.meeting;
  Card c;
  c.id = qs(m.id);
  c.kind = QStringLiteral("meeting");
  c.title = qs(a.account_name.empty() ? a.deal_title : a.account_name);
  c.subtitle = qs(m.goal.empty() ? a.deal_title : m.goal);
  c.detail = qs(m.place);
  c.when = display::time(m.start, zone) + QStringLiteral(" – ") + display::time(m.end(), zone);
  c.dealId = qs(m.deal_id);
  const bool inProgress = m.start <= now && now < m.end();
  c.flag = inProgress;
  if (inProgress) {
    c.badge = QCoreApplication::translate("today", "In progress");
    c.tone = QStringLiteral("info");
  } else if (m.end() <= now) {
    c.badge = QCoreApplication::translate("today", "Log the outcome");
    c.tone = QStringLiteral("warning");
  } else if (!m.plan_primary.empty()) {
    c.badge = QCoreApplication::translate("today", "Planned");
    c.tone = QStringLiteral("good");
  } else {
    c.badge = QCoreApplication::translate("today", "No plan yet");
    c.tone = QStringLiteral("neutral");
  }
  return c;
}

Card actionCard(const nextstep::DueAction& d, bool overdue) {
  Card c;
  c.id = qs(d.action.id);
  c.kind = QStringLiteral("action");
  c.title = qs(d.action.text);
  c.subtitle = qs(d.account_name.empty() ? d.deal_title : d.account_name + " · " + d.deal_title);
  c.when = d.action.due ? display::date(*d.action.due) : QString();
  c.badge = d.action.owner == nextstep::ActionOwner::kCustomer
                ? QCoreApplication::translate("today", "Customer")
                : QCoreApplication::translate("today", "You");
  c.tone = overdue ? QStringLiteral("danger") : QStringLiteral("warning");
  c.dealId = qs(d.action.deal_id);
  if (d.action.meeting_id) c.secondaryId = qs(*d.action.meeting_id);
  return c;
}

Card needNextCard(const nextstep::DealRow& row) {
  Card c = dealCard(row);
  c.tone = QStringLiteral("danger");
  return c;
}

}  // namespace

TodayController::TodayController(QObject* parent) : StoreController(parent) {
  minute_.setInterval(60 * 1000);
  connect(&minute_, &QTimer::timeout, this, &TodayController::refresh);
  minute_.start();
}

void TodayController::reload(LocalStore& store) {
  const nextstep::TimeZone zone = store.zone();
  store.read(
      this,
      [zone](nextstep::Store& s) {
        nextstep::TodayQuery q;
        q.zone = zone;
        q.limit = 50;
        return TodaySnapshot{nextstep::today(s, q), s.now()};
      },
      [this, zone](const TodaySnapshot& snap) {
        if (!snap.today) {
          showError(snap.today.error());
          loadDone();
          return;
        }
        clearError();
        const nextstep::Today& t = *snap.today;
        std::vector<Card> meetings, due, overdue, missing, need;
        call_to_close_.clear();
        for (const auto& a : t.meetings) {
          meetings.push_back(meetingCard(a, snap.now, zone));
          const auto& m = a.meeting;
          const bool closable = m.status == nextstep::MeetingStatus::kPlanned &&
                                m.start <= snap.now && snap.now < m.end() + kStillClosable;
          if (closable && call_to_close_.isEmpty()) {
            const auto left = std::chrono::duration_cast<std::chrono::minutes>(m.end() - snap.now);
            call_to_close_ = {{"meetingId", qs(m.id)},
                              {"dealId", qs(m.deal_id)},
                              {"title", qs(a.account_name.empty() ? a.deal_title : a.account_name)},
                              {"minutesLeft", static_cast<int>(left.count())},
                              {"lastTen", snap.now >= m.end() - kLastMinutes}};
          }
        }
        for (const auto& d : t.follow_ups_due) due.push_back(actionCard(d, false));
        for (const auto& d : t.follow_ups_overdue) overdue.push_back(actionCard(d, true));
        for (const auto& a : t.outcomes_missing) missing.push_back(meetingCard(a, snap.now, zone));
        for (const auto& r : t.need_next_step) need.push_back(needNextCard(r));
        meetings_.setCards(std::move(meetings));
        due_.setCards(std::move(due));
        overdue_.setCards(std::move(overdue));
        outcomes_missing_.setCards(std::move(missing));
        need_next_.setCards(std::move(need));
        date_text_ = display::date(t.date);
        open_deals_ = t.open_deals;
        need_next_total_ = t.need_next_step_total;
        overdue_total_ = t.follow_ups_overdue_total;
        outcomes_missing_total_ = t.outcomes_missing_total;
        Q_EMIT figuresChanged();
        loadDone();
      });
}
