// An account, new or changed, at the table: its name (matched by the core as the rep types, so a
// company is not added twice), industry, city and how often it wants a touch (rule 8).
#pragma once

#include <QString>

#include <optional>

#include "account_name_check.h"
#include "form_controller.h"

class AccountController : public FormController {
  Q_OBJECT
  QML_ELEMENT
  // Empty: a new account.
  Q_PROPERTY(QString accountId READ accountId WRITE setAccountId NOTIFY accountIdChanged)
  Q_PROPERTY(QString name READ name WRITE setName NOTIFY formChanged)
  Q_PROPERTY(QString industry READ industry WRITE setIndustry NOTIFY formChanged)
  Q_PROPERTY(QString city READ city WRITE setCity NOTIFY formChanged)
  // Days between touches; empty: the team's cadence.
  Q_PROPERTY(QString cadence READ cadence WRITE setCadence NOTIFY formChanged)
  // The zone it works in, offered when booking: a zone name or a city ("New York"); empty: none.
  Q_PROPERTY(QString zone READ zone WRITE setZone NOTIFY formChanged)
  // The zone typed, as the core reads it ("America/New_York"); empty when none or not a zone.
  Q_PROPERTY(QString zoneFound READ zoneFound NOTIFY formChanged)
  Q_PROPERTY(AccountNameCheck* nameCheck READ nameCheck CONSTANT)
  // The name differs from the stored one (always, for a new account): it is matched.
  Q_PROPERTY(bool nameIsNew READ nameIsNew NOTIFY formChanged)
  // The rep means a second account beside the near one the core found.
  Q_PROPERTY(bool keepNearName READ keepNearName WRITE setKeepNearName NOTIFY formChanged)
  // Why Save is disabled, next to it; empty when it is not.
  Q_PROPERTY(QString whyNot READ whyNot NOTIFY formChanged)

 public:
  explicit AccountController(QObject* parent = nullptr);

  QString accountId() const { return account_id_; }
  void setAccountId(const QString& id);
  QString name() const { return name_; }
  void setName(const QString& v);
  QString industry() const { return industry_; }
  void setIndustry(const QString& v);
  QString city() const { return city_; }
  void setCity(const QString& v);
  QString cadence() const { return cadence_; }
  void setCadence(const QString& v);
  QString zone() const { return zone_; }
  void setZone(const QString& v);
  QString zoneFound() const;
  AccountNameCheck* nameCheck() { return &check_; }
  bool nameIsNew() const { return name_.trimmed() != stored_.name; }
  bool keepNearName() const { return keep_near_name_; }
  void setKeepNearName(bool keep);
  QString whyNot() const;

  // Empties the form for the next new account.
  Q_INVOKABLE void clear();
  Q_INVOKABLE void save();

 Q_SIGNALS:
  void accountIdChanged();

 protected:
  void reload(LocalStore& store) override;

 private:
  struct Fields {
    QString name, industry, city, cadence, zone;
  };
  Fields typed() const { return {name_, industry_, city_, cadence_, zone_}; }
  // The days typed: nullopt when empty; 0 when it is not a cadence the core takes.
  std::optional<int> cadenceDays() const;
  // The zone typed means another zone than the stored one ("new york" is America/New_York).
  bool zoneChanged() const;
  void set(QString& field, const QString& v);

  QString account_id_, name_, industry_, city_, cadence_, zone_;
  Fields stored_;
  AccountNameCheck check_;
  bool keep_near_name_ = false;
  bool save_when_checked_ = false;
};
