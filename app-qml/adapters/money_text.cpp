#include "money_text.h"

#include <QLocale>

namespace money_text {

std::optional<std::int64_t> minorOf(const QString& typed) {
  const QString text = typed.trimmed();
  if (text.isEmpty()) return 0;
  // The last '.' or ',' is the decimal point when one or two digits follow it, or when it is
  // the locale's and the only one ("12.500" in a German locale is twelve thousand five hundred).
  const qsizetype last =
      std::max(text.lastIndexOf(QLatin1Char('.')), text.lastIndexOf(QLatin1Char(',')));
  qsizetype point = -1;
  if (last >= 0) {
    const qsizetype after = text.size() - last - 1;
    const QString decimal = QLocale().decimalPoint();
    const bool only = text.count(text[last]) == 1;
    if (after >= 1 && after <= 2) {
      point = last;
    } else if (only && decimal == text[last]) {
      return std::nullopt;  // three or more decimals
    }
  }
  std::int64_t units = 0;
  int digits = 0;
  const QString whole = point < 0 ? text : text.left(point);
  for (const QChar c : whole) {
    if (c.isDigit()) {
      if (++digits > 13) return std::nullopt;
      units = units * 10 + c.digitValue();
    } else if (c != QLatin1Char(',') && c != QLatin1Char('.') && c != QLatin1Char(' ') &&
               c != QChar(0x00a0) && c != QChar(0x202f) && c != QLatin1Char('\'')) {
      return std::nullopt;
    }
  }
  if (digits == 0 && point < 0) return std::nullopt;
  std::int64_t cents = 0;
  if (point >= 0) {
    const QString fraction = text.mid(point + 1);
    for (const QChar c : fraction) {
      if (!c.isDigit()) return std::nullopt;
    }
    cents = fraction.toLongLong() * (fraction.size() == 1 ? 10 : 1);
  }
  return units * 100 + cents;
}

QString typedOf(std::int64_t minor) {
  const QString units = QString::number(minor / 100);
  if (minor % 100 == 0) return units;
  return units + QLocale().decimalPoint() +
         QStringLiteral("%1").arg(minor % 100, 2, 10, QLatin1Char('0'));
}

}  // namespace money_text
