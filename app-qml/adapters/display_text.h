// How the core's values read on screen: times in the device's zone, money, and the method's
// vocabularies in words a rep uses. Formatting only; no rule lives here.
#pragma once

#include <QString>

#include <optional>
#include <string>

#include "nextstep/meetings/booking.h"
#include "nextstep/model/enums.h"
#include "nextstep/model/model.h"
#include "nextstep/time/civil_time.h"

namespace display {

inline QString qs(const std::string& s) { return QString::fromStdString(s); }

QString time(nextstep::Instant t, const nextstep::TimeZone& zone);        // "14:00"
QString dayAndTime(nextstep::Instant t, const nextstep::TimeZone& zone);  // "Thu 26 Nov, 14:00"
QString relativeDay(nextstep::Instant t, nextstep::Instant now, const nextstep::TimeZone& zone);
QString date(const nextstep::CivilDate& d);               // "Thu 26 Nov"
QString civilDateTime(const nextstep::CivilDateTime& t);  // "Thu 3 Dec, 14:00"
QString money(const nextstep::Money& m);                  // "€52,000"
QString stage(const std::string& stage);                  // "Proposal"
QString role(nextstep::ContactRole role);
QString actionKind(nextstep::ActionKind kind);
QString outcome(nextstep::OutcomeResult result);
QString noReason(nextstep::NoReason reason);
QString touchKind(nextstep::TouchKind kind);
QString eventKind(nextstep::EventKind kind);
QString slotLabel(const std::string& core_label);
// "Dublin" for Europe/Dublin, "New York" for America/New_York.
QString zoneCity(const QString& tz);
// "Yours", "The last meeting's", "Acme GmbH's".
QString zoneLabel(const nextstep::ZoneChoice& zone);
// "16:00 your time" when a time on `tz`'s clocks differs on the rep's (`yours`); else empty.
QString onYourClock(const nextstep::CivilDateTime& at, const std::string& tz,
                    const nextstep::TimeZone& yours);
QString agendaTemplate(const std::string& core_text);
// "3 days ago", "in 2 hours": for last-synced and touch ages.
QString ago(nextstep::Instant then, nextstep::Instant now);

}  // namespace display
