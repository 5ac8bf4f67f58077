#include "display_text.h"

#include <QCoreApplication>
#include <QDate>
#include <QLocale>

#include "nextstep/text/money_text.h"

namespace display {
namespace {

QString tr(const char* text) { return QCoreApplication::translate("display", text); }

QDate qdate(const nextstep::CivilDate& d) {
  return QDate(d.year, static_cast<int>(d.month), static_cast<int>(d.day));
}

QString hhmm(int hour, int minute) {
  return QStringLiteral("%1:%2")
      .arg(hour, 2, 10, QLatin1Char('0'))
      .arg(minute, 2, 10, QLatin1Char('0'));
}

}  // namespace

QString time(nextstep::Instant t, const nextstep::TimeZone& zone) {
  const auto local = zone.toLocal(t);
  return hhmm(local.hour, local.minute);
}

QString date(const nextstep::CivilDate& d) {
  return QLocale(QLocale::English).toString(qdate(d), QStringLiteral("ddd d MMM"));
}

QString civilDateTime(const nextstep::CivilDateTime& t) {
  return tr("%1, %2").arg(date(t.date), hhmm(t.hour, t.minute));
}

QString dayAndTime(nextstep::Instant t, const nextstep::TimeZone& zone) {
  return civilDateTime(zone.toLocal(t));
}

QString relativeDay(nextstep::Instant t, nextstep::Instant now, const nextstep::TimeZone& zone) {
  const auto day = zone.toLocal(t).date;
  const auto today = zone.toLocal(now).date;
  const auto diff = day.daysSinceEpoch() - today.daysSinceEpoch();
  if (diff == 0) return tr("Today, %1").arg(time(t, zone));
  if (diff == 1) return tr("Tomorrow, %1").arg(time(t, zone));
  if (diff == -1) return tr("Yesterday, %1").arg(time(t, zone));
  return dayAndTime(t, zone);
}

QString money(const nextstep::Money& m) {
  // One formatter for the CLI and the app (ICU, in core), fed the app's locale.
  return QString::fromStdString(nextstep::formatMoney(m, QLocale().name().toStdString(),
                                                      nextstep::MoneyDigits::kWhenNotRound));
}

QString stage(const std::string& stage) {
  QString s = qs(stage);
  s.replace(QLatin1Char('_'), QLatin1Char(' '));
  if (!s.isEmpty()) s[0] = s[0].toUpper();
  return s;
}

QString role(nextstep::ContactRole role) {
  switch (role) {
    case nextstep::ContactRole::kDecisionMaker:
      return tr("Decision maker");
    case nextstep::ContactRole::kApprover:
      return tr("Approver");
    case nextstep::ContactRole::kChampion:
      return tr("Champion");
    case nextstep::ContactRole::kUser:
      return tr("User");
    case nextstep::ContactRole::kOther:
      break;
  }
  return tr("Contact");
}

QString actionKind(nextstep::ActionKind kind) {
  switch (kind) {
    case nextstep::ActionKind::kCommitment:
      return tr("Commitment");
    case nextstep::ActionKind::kCompliance:
      return tr("Compliance");
    case nextstep::ActionKind::kNeutral:
      break;
  }
  return tr("To do");
}

QString outcome(nextstep::OutcomeResult result) {
  switch (result) {
    case nextstep::OutcomeResult::kYes:
      return tr("Yes");
    case nextstep::OutcomeResult::kNo:
      return tr("No");
    case nextstep::OutcomeResult::kMaybe:
      break;
  }
  return tr("Maybe");
}

QString noReason(nextstep::NoReason reason) {
  switch (reason) {
    case nextstep::NoReason::kNoProject:
      return tr("No project now");
    case nextstep::NoReason::kOtherSupplier:
      return tr("Chose another supplier");
    case nextstep::NoReason::kWrongTime:
      return tr("Wrong time");
    case nextstep::NoReason::kOther:
      break;
  }
  return tr("Another reason");
}

QString touchKind(nextstep::TouchKind kind) {
  switch (kind) {
    case nextstep::TouchKind::kCall:
      return tr("Call");
    case nextstep::TouchKind::kEmail:
      return tr("Email");
    case nextstep::TouchKind::kMeeting:
      return tr("Meeting");
    case nextstep::TouchKind::kMessage:
      return tr("Message");
    case nextstep::TouchKind::kCongratulation:
      return tr("Congratulations");
    case nextstep::TouchKind::kEventInvite:
      return tr("Event invitation");
    case nextstep::TouchKind::kVisit:
      return tr("Visit");
    case nextstep::TouchKind::kOther:
      break;
  }
  return tr("Touch");
}

QString eventKind(nextstep::EventKind kind) {
  switch (kind) {
    case nextstep::EventKind::kDemo:
      return tr("Demo");
    case nextstep::EventKind::kWebinar:
      return tr("Webinar");
    case nextstep::EventKind::kSeminar:
      break;
  }
  return tr("Seminar");
}

QString slotLabel(const std::string& core_label) {
  if (core_label == "Same time next week") return tr("Same time next week");
  if (core_label == "Same time in two weeks") return tr("Same time in two weeks");
  if (core_label == "The customer's date") return tr("The customer's date");
  return qs(core_label);
}

QString zoneCity(const QString& tz) {
  return tz.mid(tz.lastIndexOf(QLatin1Char('/')) + 1).replace(QLatin1Char('_'), QLatin1Char(' '));
}

QString zoneLabel(const nextstep::ZoneChoice& zone) {
  using Source = nextstep::ZoneChoice::Source;
  switch (zone.source) {
    case Source::kRep:
      return tr("Yours");
    case Source::kLastMeeting:
      return tr("The last meeting's");
    case Source::kAsked:
      return tr("Another zone");
    case Source::kAccount:
      break;
  }
  return qs(zone.label);
}

QString onYourClock(const nextstep::CivilDateTime& at, const std::string& tz,
                    const nextstep::TimeZone& yours) {
  if (tz == yours.name()) return {};
  auto zone = nextstep::TimeZone::find(tz);
  if (!zone) return {};
  auto instant = zone->toInstant(at);
  if (!instant) return {};
  const auto mine = yours.toLocal(*instant);
  if (mine == at) return {};
  const QString clock = hhmm(mine.hour, mine.minute);
  return mine.date == at.date ? tr("%1 your time").arg(clock)
                              : tr("%1 your time").arg(civilDateTime(mine));
}

QString agendaTemplate(const std::string& core_text) {
  // The core's templates are English sentences; a translation file can map each one.
  return QCoreApplication::translate("agenda", core_text.c_str());
}

QString ago(nextstep::Instant then, nextstep::Instant now) {
  const auto seconds = (now - then).count();
  const auto magnitude = std::llabs(seconds);
  const bool past = seconds >= 0;
  auto phrase = [&](qlonglong n, const char* unit_one, const char* unit_many) {
    const QString unit = n == 1 ? tr(unit_one) : tr(unit_many);
    return past ? tr("%1 %2 ago").arg(n).arg(unit) : tr("in %1 %2").arg(n).arg(unit);
  };
  if (magnitude < 60) return tr("just now");
  if (magnitude < 3600) return phrase(magnitude / 60, "minute", "minutes");
  if (magnitude < 86400) return phrase(magnitude / 3600, "hour", "hours");
  return phrase(magnitude / 86400, "day", "days");
}

}  // namespace display
