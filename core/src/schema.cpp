#include "nextstep/schema.h"

#include <sqlite3.h>

#include <string>
#include <vector>

#include "nextstep/search.h"
#include "schema_sql.h"

namespace nextstep {
namespace {

// Version 1: the records of the method, the change log, and the summaries the health and today
// queries read (kept by triggers so those queries never scan the whole pipeline).
void createRecords(Database& db) {
  db.exec(R"sql(
CREATE TABLE local_meta(key TEXT PRIMARY KEY, value ANY) WITHOUT ROWID;

CREATE TABLE accounts(
  rid INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  industry TEXT, city TEXT, owner TEXT,
  cadence_days INTEGER CHECK (cadence_days IS NULL OR cadence_days > 0),
  created_at INTEGER NOT NULL,
  deleted INTEGER NOT NULL DEFAULT 0,
  created_stamp BLOB NOT NULL,
  -- summaries kept by triggers
  last_touch_at INTEGER NOT NULL DEFAULT 0,
  open_deals INTEGER NOT NULL DEFAULT 0);
CREATE INDEX accounts_name ON accounts(name COLLATE NOCASE);
CREATE INDEX accounts_touch ON accounts(last_touch_at) WHERE open_deals > 0 AND deleted = 0;

CREATE TABLE contacts(
  rid INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  account_id TEXT REFERENCES accounts(id),
  name TEXT NOT NULL,
  email TEXT, phone TEXT,
  role TEXT NOT NULL DEFAULT 'other',
  title TEXT,
  deleted INTEGER NOT NULL DEFAULT 0,
  created_stamp BLOB NOT NULL);
CREATE INDEX contacts_account ON contacts(account_id);
CREATE INDEX contacts_email ON contacts(email COLLATE NOCASE);

CREATE TABLE deals(
  rid INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  account_id TEXT REFERENCES accounts(id),
  title TEXT NOT NULL,
  value_minor INTEGER NOT NULL DEFAULT 0,
  currency TEXT NOT NULL DEFAULT 'EUR',
  stage TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT 'open',
  owner TEXT,
  created_at INTEGER NOT NULL,
  lost_reason TEXT,
  deleted INTEGER NOT NULL DEFAULT 0,
  created_stamp BLOB NOT NULL,
  -- summaries kept by triggers
  planned_start_max INTEGER NOT NULL DEFAULT 0,
  planned_end_max INTEGER NOT NULL DEFAULT 0,
  held_last_start INTEGER NOT NULL DEFAULT 0,
  latest_customer_kind TEXT,
  compliance_only INTEGER NOT NULL DEFAULT 0,
  held_without_next INTEGER GENERATED ALWAYS AS
    (held_last_start > 0 AND held_last_start >= planned_start_max) VIRTUAL);
CREATE INDEX deals_account ON deals(account_id);
CREATE INDEX deals_next_step ON deals(status, planned_end_max) WHERE deleted = 0;
CREATE INDEX deals_held_without_next ON deals(status, held_without_next) WHERE deleted = 0;
CREATE INDEX deals_compliance ON deals(status, compliance_only) WHERE deleted = 0;
CREATE INDEX deals_customer_kind ON deals(status, latest_customer_kind) WHERE deleted = 0;
CREATE INDEX deals_stage ON deals(stage, status) WHERE deleted = 0;

CREATE TABLE events(
  rid INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  kind TEXT NOT NULL,
  title TEXT NOT NULL,
  start_at INTEGER NOT NULL,
  tz TEXT NOT NULL,
  place TEXT,
  deleted INTEGER NOT NULL DEFAULT 0,
  created_stamp BLOB NOT NULL);

CREATE TABLE meetings(
  rid INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  deal_id TEXT NOT NULL REFERENCES deals(id),
  start_at INTEGER NOT NULL,
  tz TEXT NOT NULL,
  duration_min INTEGER NOT NULL CHECK (duration_min > 0),
  place TEXT,
  agenda TEXT,
  goal TEXT,
  status TEXT NOT NULL DEFAULT 'planned',
  booked_at INTEGER NOT NULL,
  booked_at_table INTEGER,
  plan_primary TEXT, plan_backup TEXT, plan_asks TEXT,
  objective_met TEXT,
  recap TEXT,
  event_id TEXT REFERENCES events(id),
  deleted INTEGER NOT NULL DEFAULT 0,
  created_stamp BLOB NOT NULL,
  end_at INTEGER GENERATED ALWAYS AS (start_at + 60 * duration_min) VIRTUAL);
CREATE INDEX meetings_deal ON meetings(deal_id, status, start_at);
CREATE INDEX meetings_start ON meetings(start_at) WHERE deleted = 0;
CREATE INDEX meetings_overdue ON meetings(end_at) WHERE status = 'planned' AND deleted = 0;
CREATE INDEX meetings_booked ON meetings(booked_at, booked_at_table) WHERE deleted = 0;

-- An add-wins set: a member is present while its newest add is newer than the adds a remove saw.
CREATE TABLE meeting_attendees(
  meeting_id TEXT NOT NULL REFERENCES meetings(id),
  contact_id TEXT NOT NULL,
  add_stamp BLOB NOT NULL,
  removed_upto BLOB,
  present INTEGER GENERATED ALWAYS AS (removed_upto IS NULL OR add_stamp > removed_upto) VIRTUAL,
  PRIMARY KEY(meeting_id, contact_id)) WITHOUT ROWID;
CREATE INDEX attendees_contact ON meeting_attendees(contact_id);

CREATE TABLE outcomes(
  rid INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,  -- the meeting's id: one outcome per meeting
  meeting_id TEXT NOT NULL REFERENCES meetings(id),
  deal_id TEXT NOT NULL REFERENCES deals(id),
  result TEXT NOT NULL,
  no_reason TEXT, reason_text TEXT, probe_answers TEXT,
  follow_up_on TEXT,
  what_next TEXT, approvers TEXT, approve_by TEXT,
  recorded_at INTEGER NOT NULL,
  deleted INTEGER NOT NULL DEFAULT 0,
  created_stamp BLOB NOT NULL);
CREATE INDEX outcomes_deal ON outcomes(deal_id);

CREATE TABLE actions(
  rid INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  deal_id TEXT NOT NULL REFERENCES deals(id),
  meeting_id TEXT REFERENCES meetings(id),
  owner TEXT NOT NULL,
  text TEXT NOT NULL,
  due TEXT,
  done INTEGER NOT NULL DEFAULT 0,
  kind TEXT NOT NULL,
  kind_overridden INTEGER NOT NULL DEFAULT 0,
  created_at INTEGER NOT NULL,
  deleted INTEGER NOT NULL DEFAULT 0,
  created_stamp BLOB NOT NULL);
CREATE INDEX actions_deal ON actions(deal_id, owner, created_at);
CREATE INDEX actions_due ON actions(due) WHERE done = 0 AND deleted = 0 AND owner = 'rep';

CREATE TABLE temperature_checks(
  rid INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  meeting_id TEXT NOT NULL REFERENCES meetings(id),
  contact_id TEXT NOT NULL REFERENCES contacts(id),
  most_interesting TEXT, to_clarify TEXT,
  ready TEXT NOT NULL DEFAULT 'unsure',
  created_at INTEGER NOT NULL,
  deleted INTEGER NOT NULL DEFAULT 0,
  created_stamp BLOB NOT NULL);
CREATE INDEX temperature_meeting ON temperature_checks(meeting_id);

CREATE TABLE notes(
  rid INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  deal_id TEXT REFERENCES deals(id),
  account_id TEXT REFERENCES accounts(id),
  contact_id TEXT REFERENCES contacts(id),
  text TEXT NOT NULL,
  author TEXT,
  created_at INTEGER NOT NULL,
  deleted INTEGER NOT NULL DEFAULT 0,
  created_stamp BLOB NOT NULL);
CREATE INDEX notes_deal ON notes(deal_id, created_at);

CREATE TABLE touches(
  rid INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  account_id TEXT NOT NULL REFERENCES accounts(id),
  contact_id TEXT REFERENCES contacts(id),
  deal_id TEXT REFERENCES deals(id),
  kind TEXT NOT NULL,
  at INTEGER NOT NULL,
  note TEXT,
  deleted INTEGER NOT NULL DEFAULT 0,
  created_stamp BLOB NOT NULL);
CREATE INDEX touches_account ON touches(account_id, at);
CREATE INDEX touches_deal ON touches(deal_id, at);

CREATE TABLE participants(
  rid INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  event_id TEXT NOT NULL REFERENCES events(id),
  contact_id TEXT NOT NULL REFERENCES contacts(id),
  deal_id TEXT REFERENCES deals(id),
  interested INTEGER NOT NULL DEFAULT 1,
  deleted INTEGER NOT NULL DEFAULT 0,
  created_stamp BLOB NOT NULL);
CREATE INDEX participants_event ON participants(event_id);

CREATE TABLE settings(
  rid INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  stages TEXT NOT NULL,
  cadence_days INTEGER NOT NULL CHECK (cadence_days > 0),
  deleted INTEGER NOT NULL DEFAULT 0,
  created_stamp BLOB NOT NULL);

-- The clock of each field or register written after its record was created; absent means the
-- record's created_stamp. base is the stamp the writer saw, to tell sequential from concurrent.
CREATE TABLE clocks(
  type INTEGER NOT NULL,
  record_id TEXT NOT NULL,
  key TEXT NOT NULL,
  stamp BLOB NOT NULL,
  base BLOB,
  PRIMARY KEY(type, record_id, key)) WITHOUT ROWID;

-- Local changes not yet acknowledged by the server; seq is the device_seq on the wire.
CREATE TABLE outbox(
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  type INTEGER NOT NULL,
  record_id TEXT NOT NULL,
  kind INTEGER NOT NULL,
  key TEXT NOT NULL,
  value ANY,
  stamp BLOB NOT NULL,
  base BLOB);

-- Summaries for the pipeline-health and today queries.
CREATE TRIGGER meetings_summary_ins AFTER INSERT ON meetings BEGIN
  UPDATE deals SET
    planned_start_max = coalesce((SELECT max(start_at) FROM meetings
        WHERE deal_id = NEW.deal_id AND status = 'planned' AND deleted = 0), 0),
    planned_end_max = coalesce((SELECT max(end_at) FROM meetings
        WHERE deal_id = NEW.deal_id AND status = 'planned' AND deleted = 0), 0),
    held_last_start = coalesce((SELECT max(start_at) FROM meetings
        WHERE deal_id = NEW.deal_id AND status = 'held' AND deleted = 0), 0)
  WHERE id = NEW.deal_id;
  UPDATE accounts SET last_touch_at = max(last_touch_at, NEW.start_at)
  WHERE NEW.status = 'held' AND NEW.deleted = 0
    AND id = (SELECT account_id FROM deals WHERE id = NEW.deal_id);
END;
CREATE TRIGGER meetings_summary_upd
AFTER UPDATE OF start_at, duration_min, status, deleted, deal_id ON meetings BEGIN
  UPDATE deals SET
    planned_start_max = coalesce((SELECT max(start_at) FROM meetings
        WHERE deal_id = deals.id AND status = 'planned' AND deleted = 0), 0),
    planned_end_max = coalesce((SELECT max(end_at) FROM meetings
        WHERE deal_id = deals.id AND status = 'planned' AND deleted = 0), 0),
    held_last_start = coalesce((SELECT max(start_at) FROM meetings
        WHERE deal_id = deals.id AND status = 'held' AND deleted = 0), 0)
  WHERE id IN (NEW.deal_id, OLD.deal_id);
  UPDATE accounts SET last_touch_at = max(last_touch_at, NEW.start_at)
  WHERE NEW.status = 'held' AND NEW.deleted = 0
    AND id = (SELECT account_id FROM deals WHERE id = NEW.deal_id);
END;

CREATE TRIGGER actions_summary_ins AFTER INSERT ON actions WHEN NEW.owner = 'customer' BEGIN
  UPDATE deals SET
    latest_customer_kind = (SELECT kind FROM actions WHERE deal_id = NEW.deal_id
        AND owner = 'customer' AND deleted = 0 ORDER BY created_at DESC, rid DESC LIMIT 1),
    compliance_only = coalesce((SELECT count(*) > 0 AND sum(kind = 'commitment') = 0
        AND sum(kind = 'compliance') > 0 FROM (SELECT kind FROM actions
        WHERE deal_id = NEW.deal_id AND owner = 'customer' AND deleted = 0
        ORDER BY created_at DESC, rid DESC LIMIT 3)), 0)
  WHERE id = NEW.deal_id;
END;
CREATE TRIGGER actions_summary_upd AFTER UPDATE OF kind, owner, deleted, deal_id ON actions BEGIN
  UPDATE deals SET
    latest_customer_kind = (SELECT kind FROM actions WHERE deal_id = deals.id
        AND owner = 'customer' AND deleted = 0 ORDER BY created_at DESC, rid DESC LIMIT 1),
    compliance_only = coalesce((SELECT count(*) > 0 AND sum(kind = 'commitment') = 0
        AND sum(kind = 'compliance') > 0 FROM (SELECT kind FROM actions
        WHERE deal_id = deals.id AND owner = 'customer' AND deleted = 0
        ORDER BY created_at DESC, rid DESC LIMIT 3)), 0)
  WHERE id IN (NEW.deal_id, OLD.deal_id);
END;

CREATE TRIGGER deals_open_ins AFTER INSERT ON deals
WHEN NEW.status = 'open' AND NEW.deleted = 0 AND NEW.account_id IS NOT NULL BEGIN
  UPDATE accounts SET open_deals = open_deals + 1 WHERE id = NEW.account_id;
END;
CREATE TRIGGER deals_open_upd AFTER UPDATE OF status, deleted, account_id ON deals BEGIN
  UPDATE accounts SET open_deals = (SELECT count(*) FROM deals
      WHERE account_id = accounts.id AND status = 'open' AND deleted = 0)
  WHERE id IN (NEW.account_id, OLD.account_id);
END;

-- A new customer counts as touched when they became one, not as never touched.
CREATE TRIGGER accounts_first_touch AFTER INSERT ON accounts BEGIN
  UPDATE accounts SET last_touch_at = max(last_touch_at, NEW.created_at) WHERE rid = NEW.rid;
END;
CREATE TRIGGER touches_summary_ins AFTER INSERT ON touches WHEN NEW.deleted = 0 BEGIN
  UPDATE accounts SET last_touch_at = max(last_touch_at, NEW.at) WHERE id = NEW.account_id;
END;
CREATE TRIGGER touches_summary_upd AFTER UPDATE OF at, deleted, account_id ON touches BEGIN
  UPDATE accounts SET last_touch_at = max(created_at,
      coalesce((SELECT max(at) FROM touches WHERE account_id = accounts.id AND deleted = 0), 0),
      coalesce((SELECT max(m.start_at) FROM meetings m JOIN deals d ON d.id = m.deal_id
          WHERE d.account_id = accounts.id AND m.status = 'held' AND m.deleted = 0), 0))
  WHERE id IN (NEW.account_id, OLD.account_id);
END;
)sql");
}

// Version 2: full-text search over deals, accounts, contacts and notes. Contentless FTS5 (the text
// lives once, in its table); the row id packs the source table's rid with a kind digit.
void createSearch(Database& db) {
  db.exec(R"sql(
CREATE VIRTUAL TABLE search_index USING fts5(
  title, body, content = '',
  tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3');
)sql");
  // Kind digits: 1 account, 2 contact, 3 deal, 4 note. "$." stands for NEW., OLD. or nothing.
  struct Source {
    const char* table;
    const char* kind;
    const char* title;
    const char* body;
    const char* watched;
  };
  const Source sources[] = {
      {"accounts", "1", "$.name", "coalesce($.industry,'') || ' ' || coalesce($.city,'')",
       "name, industry, city, deleted"},
      {"contacts", "2", "$.name", "coalesce($.email,'') || ' ' || coalesce($.title,'')",
       "name, email, title, deleted"},
      {"deals", "3", "$.title", "coalesce($.stage,'') || ' ' || coalesce($.owner,'')",
       "title, stage, owner, deleted"},
      {"notes", "4", "''", "$.text", "text, deleted"},
  };
  auto row = [](std::string e, const std::string& prefix) {
    for (auto at = e.find("$."); at != std::string::npos; at = e.find("$.", at)) {
      e.replace(at, 2, prefix);
    }
    return e;
  };
  for (const Source& s : sources) {
    const std::string table = s.table, k = s.kind;
    auto valuesOf = [&](const std::string& p) {
      return p + "rid * 8 + " + k + ", " + row(s.title, p) + ", " + row(s.body, p);
    };
    db.exec("CREATE TRIGGER " + table + "_search_ins AFTER INSERT ON " + table +
            " WHEN NEW.deleted = 0 BEGIN INSERT INTO search_index(rowid, title, body) VALUES (" +
            valuesOf("NEW.") + "); END;");
    db.exec("CREATE TRIGGER " + table + "_search_upd AFTER UPDATE OF " + s.watched + " ON " +
            table + " BEGIN INSERT INTO search_index(search_index, rowid, title, body) SELECT " +
            "'delete', " + valuesOf("OLD.") + " WHERE OLD.deleted = 0; " +
            "INSERT INTO search_index(rowid, title, body) SELECT " + valuesOf("NEW.") +
            " WHERE NEW.deleted = 0; END;");
    // Rows that existed before this version.
    db.exec("INSERT INTO search_index(rowid, title, body) SELECT " + valuesOf("") + " FROM " +
            table + " WHERE deleted = 0;");
  }
}

// Version 3: what syncing needs on a device: the archive of values that lost a merge, operations
// the server refused, remote operations waiting for their record, and who each device belongs to.
void createSyncState(Database& db) {
  db.exec(R"sql(
CREATE TABLE conflicts(
  id TEXT PRIMARY KEY,  -- derived from the losing write: found twice, kept once
  type INTEGER NOT NULL,
  record_id TEXT NOT NULL,
  key TEXT NOT NULL,
  kind TEXT NOT NULL,   -- overwritten | edited_while_deleted | removed_while_added
  kept_value ANY, kept_stamp BLOB, kept_author TEXT,
  lost_value ANY, lost_stamp BLOB NOT NULL, lost_author TEXT,
  detected_at INTEGER NOT NULL,
  resolution TEXT       -- NULL while open; restored | dismissed
) WITHOUT ROWID;
CREATE INDEX conflicts_record ON conflicts(record_id);
CREATE INDEX conflicts_open ON conflicts(detected_at) WHERE resolution IS NULL;

CREATE TABLE rejected_ops(
  seq INTEGER PRIMARY KEY,
  type INTEGER NOT NULL, record_id TEXT NOT NULL, kind INTEGER NOT NULL, key TEXT NOT NULL,
  value ANY, stamp BLOB NOT NULL, base BLOB,
  reason TEXT NOT NULL,
  rejected_at INTEGER NOT NULL);

CREATE TABLE parked_ops(
  version INTEGER PRIMARY KEY,
  type INTEGER NOT NULL, record_id TEXT NOT NULL, kind INTEGER NOT NULL, key TEXT NOT NULL,
  value ANY, stamp BLOB NOT NULL, base BLOB,
  author TEXT);
CREATE INDEX parked_record ON parked_ops(record_id);

CREATE TABLE device_authors(device TEXT PRIMARY KEY, author TEXT NOT NULL) WITHOUT ROWID;
)sql");
}

// Version 4: keeps Today and the pipeline health independent of the pipeline's size, and the
// search index cheap to keep (see docs/benchmarks.md for the figures behind each choice).
//
// Counters kept by triggers, for everything that does not depend on the time of the query. They
// are keyed by the owner of the deal ("okey": x'' for a deal without owner; a blob never equals an
// owner's text), so one rep's figures are one row and the team's are the sum of a row per rep:
//   owner_totals     open deals; held without next; compliance only; latest customer action a
//                    commitment; undone rep actions with a due date; accounts with an open deal
//   deal_next_days   open deals by the UTC day their last planned meeting ends
//   rep_action_days  undone rep actions by due date
//   booking_days     bookings made after an earlier meeting (booked_at_table set), by UTC day
//   account_owners   per owner, the accounts where they have open deals, with the account's touch
//                    summary copied so one rep's stale customers are one index range
//   pipeline_totals  team-wide: accounts with an open deal
// Time-dependent figures add up a few of these rows and count only the small side (the boundary
// day, the future) from an index.
namespace v4 {

// Replaces "$." with OLD. or NEW. and "{s}" with the sign of the change ("-" or "").
std::string forRow(std::string sql, const char* row, const char* sign) {
  for (auto at = sql.find("$."); at != std::string::npos; at = sql.find("$.", at)) {
    sql.replace(at, 1, row);
  }
  for (auto at = sql.find("{s}"); at != std::string::npos; at = sql.find("{s}", at)) {
    sql.replace(at, 3, sign);
  }
  return sql;
}
std::string added(const std::string& sql) { return forRow(sql, "NEW", ""); }
std::string removed(const std::string& sql) { return forRow(sql, "OLD", "-"); }

constexpr const char* kOpenDeal = "($.status = 'open' AND $.deleted = 0)";

constexpr const char* kDealTotals = R"sql(
INSERT INTO owner_totals(okey, open_deals, held_without_next, compliance_only, commitment)
SELECT coalesce($.owner, x''), {s}1, {s}($.held_without_next = 1), {s}($.compliance_only = 1),
       {s}($.latest_customer_kind IS 'commitment')
WHERE $.status = 'open' AND $.deleted = 0
ON CONFLICT(okey) DO UPDATE SET open_deals = open_deals + excluded.open_deals,
  held_without_next = held_without_next + excluded.held_without_next,
  compliance_only = compliance_only + excluded.compliance_only,
  commitment = commitment + excluded.commitment;)sql";

constexpr const char* kDealNextDay = R"sql(
INSERT INTO deal_next_days(day, okey, n)
SELECT $.planned_end_max / 86400, coalesce($.owner, x''), {s}1
WHERE $.status = 'open' AND $.deleted = 0 AND $.planned_end_max > 0
ON CONFLICT(day, okey) DO UPDATE SET n = n + excluded.n;)sql";

constexpr const char* kDealAccountOwner = R"sql(
INSERT INTO account_owners(okey, account_id, open_n, last_touch_at, cadence_days, account_live)
SELECT coalesce($.owner, x''), a.id, {s}1, a.last_touch_at, a.cadence_days, a.deleted = 0
FROM accounts a WHERE a.id = $.account_id AND $.status = 'open' AND $.deleted = 0
ON CONFLICT(okey, account_id) DO UPDATE SET open_n = open_n + excluded.open_n;)sql";

// A deal changing hands moves its actions' and bookings' counts to the new owner ($ is the deal).
constexpr const char* kDealActionsMove = R"sql(
INSERT INTO rep_action_days(due, okey, n)
SELECT due, coalesce($.owner, x''), {s}count(*) FROM actions
WHERE deal_id = NEW.id AND done = 0 AND deleted = 0 AND owner = 'rep' AND due IS NOT NULL
GROUP BY due
ON CONFLICT(due, okey) DO UPDATE SET n = n + excluded.n;
INSERT INTO owner_totals(okey, rep_actions_due)
SELECT coalesce($.owner, x''), {s}count(*) FROM actions
WHERE deal_id = NEW.id AND done = 0 AND deleted = 0 AND owner = 'rep' AND due IS NOT NULL
HAVING count(*) > 0
ON CONFLICT(okey) DO UPDATE SET rep_actions_due = rep_actions_due + excluded.rep_actions_due;
INSERT INTO booking_days(day, okey, n, at_table)
SELECT booked_at / 86400, coalesce($.owner, x''), {s}count(*), {s}sum(booked_at_table)
FROM meetings WHERE deal_id = NEW.id AND deleted = 0 AND booked_at_table IS NOT NULL
GROUP BY booked_at / 86400
ON CONFLICT(day, okey) DO UPDATE SET n = n + excluded.n, at_table = at_table + excluded.at_table;
)sql";

constexpr const char* kRepActionDue =
    "($.done = 0 AND $.deleted = 0 AND $.owner = 'rep' AND $.due IS NOT NULL)";
// {k}: the owner key the action is counted under (its deal's owner).
constexpr const char* kRepActionCount = R"sql(
INSERT INTO rep_action_days(due, okey, n)
SELECT $.due, {k}, {s}1 WHERE $.done = 0 AND $.deleted = 0 AND $.owner = 'rep' AND $.due IS NOT NULL
ON CONFLICT(due, okey) DO UPDATE SET n = n + excluded.n;
INSERT INTO owner_totals(okey, rep_actions_due)
SELECT {k}, {s}1 WHERE $.done = 0 AND $.deleted = 0 AND $.owner = 'rep' AND $.due IS NOT NULL
ON CONFLICT(okey) DO UPDATE SET rep_actions_due = rep_actions_due + excluded.rep_actions_due;
)sql";
constexpr const char* kDealOwnerOf =
    "coalesce((SELECT owner FROM deals WHERE id = $.deal_id), x'')";

constexpr const char* kBooked = "($.deleted = 0 AND $.booked_at_table IS NOT NULL)";
constexpr const char* kBookingCount = R"sql(
INSERT INTO booking_days(day, okey, n, at_table)
SELECT $.booked_at / 86400, coalesce((SELECT owner FROM deals WHERE id = $.deal_id), x''), {s}1,
       {s}$.booked_at_table
WHERE $.deleted = 0 AND $.booked_at_table IS NOT NULL
ON CONFLICT(day, okey) DO UPDATE SET n = n + excluded.n, at_table = at_table + excluded.at_table;
)sql";

constexpr const char* kLiveAccountOwner = "($.open_n > 0 AND $.account_live = 1)";

std::string withKey(std::string sql, const std::string& key) {
  for (auto at = sql.find("{k}"); at != std::string::npos; at = sql.find("{k}", at + key.size())) {
    sql.replace(at, 3, key);
  }
  return sql;
}

void createCounters(Database& db) {
  db.exec(R"sql(
CREATE TABLE owner_totals(
  okey PRIMARY KEY,
  open_deals INTEGER NOT NULL DEFAULT 0,
  held_without_next INTEGER NOT NULL DEFAULT 0,
  compliance_only INTEGER NOT NULL DEFAULT 0,
  commitment INTEGER NOT NULL DEFAULT 0,
  rep_actions_due INTEGER NOT NULL DEFAULT 0,
  open_accounts INTEGER NOT NULL DEFAULT 0) WITHOUT ROWID;
CREATE TABLE deal_next_days(day INTEGER NOT NULL, okey NOT NULL, n INTEGER NOT NULL,
  PRIMARY KEY(day, okey)) WITHOUT ROWID;
CREATE TABLE rep_action_days(due NOT NULL, okey NOT NULL, n INTEGER NOT NULL,
  PRIMARY KEY(due, okey)) WITHOUT ROWID;
CREATE TABLE booking_days(day INTEGER NOT NULL, okey NOT NULL, n INTEGER NOT NULL,
  at_table INTEGER NOT NULL, PRIMARY KEY(day, okey)) WITHOUT ROWID;
CREATE TABLE account_owners(
  okey NOT NULL, account_id TEXT NOT NULL,
  open_n INTEGER NOT NULL,
  last_touch_at INTEGER, cadence_days INTEGER, account_live INTEGER NOT NULL,
  PRIMARY KEY(okey, account_id)) WITHOUT ROWID;
CREATE INDEX account_owners_account ON account_owners(account_id);
CREATE INDEX account_owners_touch
  ON account_owners(okey, last_touch_at, cadence_days, open_n, account_live)
  WHERE open_n > 0 AND account_live = 1;
CREATE TABLE pipeline_totals(k TEXT PRIMARY KEY, n INTEGER NOT NULL) WITHOUT ROWID;

-- The deal's owner on its actions, so one rep's follow-ups are one index range.
ALTER TABLE actions ADD COLUMN deal_owner TEXT;
CREATE INDEX actions_owner_due ON actions(deal_owner, due, created_at)
  WHERE done = 0 AND deleted = 0 AND owner = 'rep';
-- With created_at, today's follow-ups come in order: no join and sort of all of them.
DROP INDEX actions_due;
CREATE INDEX actions_due ON actions(due, created_at) WHERE done = 0 AND deleted = 0 AND owner = 'rep';
-- The same for meetings: one rep's agenda and bookings are index ranges.
ALTER TABLE meetings ADD COLUMN deal_owner TEXT;
CREATE INDEX meetings_owner_start ON meetings(deal_owner, start_at) WHERE deleted = 0;
CREATE INDEX meetings_owner_booked
  ON meetings(deal_owner, booked_at, booked_at_table, deleted) WHERE deleted = 0;

-- Owner-leading indexes for one rep's lists and boundary counts; (status, held_without_next,
-- held_last_start) lists the newest held deals without sorting them.
CREATE INDEX deals_owner_next ON deals(owner, status, planned_end_max) WHERE deleted = 0;
CREATE INDEX deals_owner_held ON deals(owner, status, held_without_next, held_last_start)
  WHERE deleted = 0;
CREATE INDEX deals_owner_compliance ON deals(owner, status, compliance_only) WHERE deleted = 0;
DROP INDEX deals_held_without_next;
CREATE INDEX deals_held_recent ON deals(status, held_without_next, held_last_start)
  WHERE deleted = 0;
-- Covering for the stale-account count (every column the query names, or SQLite reads the row);
-- cadence_days alone bounds its range.
DROP INDEX accounts_touch;
CREATE INDEX accounts_touch ON accounts(last_touch_at, cadence_days, open_deals, deleted)
  WHERE open_deals > 0 AND deleted = 0;
CREATE INDEX accounts_cadence ON accounts(cadence_days) WHERE cadence_days IS NOT NULL;
)sql");

  const std::string openOld = removed(kOpenDeal), openNew = added(kOpenDeal);
  const std::string eitherOpen = "(" + openOld + " OR " + openNew + ")";
  const std::string openChanged = openOld + " IS NOT " + openNew;
  db.exec("CREATE TRIGGER deals_totals_ins AFTER INSERT ON deals WHEN " + openNew + " BEGIN " +
          added(kDealTotals) + added(kDealNextDay) + added(kDealAccountOwner) + " END;");
  db.exec(
      "CREATE TRIGGER deals_totals_upd AFTER UPDATE OF status, deleted, owner, planned_start_max, "
      "held_last_start, compliance_only, latest_customer_kind ON deals WHEN " +
      eitherOpen + " AND (" + openChanged +
      " OR OLD.owner IS NOT NEW.owner OR OLD.held_without_next IS NOT NEW.held_without_next"
      " OR OLD.compliance_only IS NOT NEW.compliance_only"
      " OR OLD.latest_customer_kind IS NOT NEW.latest_customer_kind) BEGIN " +
      removed(kDealTotals) + added(kDealTotals) + " END;");
  db.exec(
      "CREATE TRIGGER deals_next_upd AFTER UPDATE OF status, deleted, owner, planned_end_max ON "
      "deals WHEN " +
      eitherOpen + " AND (" + openChanged +
      " OR OLD.owner IS NOT NEW.owner OR OLD.planned_end_max / 86400 IS NOT NEW.planned_end_max "
      "/ 86400 OR (OLD.planned_end_max > 0) IS NOT (NEW.planned_end_max > 0)) BEGIN " +
      removed(kDealNextDay) + added(kDealNextDay) + " END;");
  db.exec(
      "CREATE TRIGGER deals_account_owners_upd AFTER UPDATE OF status, deleted, owner, account_id "
      "ON deals WHEN " +
      eitherOpen + " AND (" + openChanged +
      " OR OLD.owner IS NOT NEW.owner OR OLD.account_id IS NOT NEW.account_id) BEGIN " +
      removed(kDealAccountOwner) + added(kDealAccountOwner) + " END;");
  db.exec(
      "CREATE TRIGGER deals_owner_moves AFTER UPDATE OF owner ON deals "
      "WHEN OLD.owner IS NOT NEW.owner BEGIN " +
      removed(kDealActionsMove) + added(kDealActionsMove) +
      "UPDATE actions SET deal_owner = NEW.owner WHERE deal_id = NEW.id; "
      "UPDATE meetings SET deal_owner = NEW.owner WHERE deal_id = NEW.id; END;");

  // Actions are counted under their deal's owner, which deal_owner copies.
  db.exec(
      "CREATE TRIGGER actions_totals_ins AFTER INSERT ON actions BEGIN "
      "UPDATE actions SET deal_owner = (SELECT owner FROM deals WHERE id = NEW.deal_id) "
      "WHERE rid = NEW.rid; " +
      withKey(added(kRepActionCount), added(kDealOwnerOf)) + " END;");
  db.exec(
      "CREATE TRIGGER actions_totals_upd AFTER UPDATE OF done, deleted, owner, due, deal_id ON "
      "actions WHEN " +
      removed(kRepActionDue) + " OR " + added(kRepActionDue) + " BEGIN " +
      withKey(removed(kRepActionCount), "coalesce(OLD.deal_owner, x'')") +
      withKey(added(kRepActionCount), added(kDealOwnerOf)) + " END;");
  db.exec(
      "CREATE TRIGGER actions_owner_follows AFTER UPDATE OF deal_id ON actions "
      "WHEN OLD.deal_id IS NOT NEW.deal_id BEGIN "
      "UPDATE actions SET deal_owner = (SELECT owner FROM deals WHERE id = NEW.deal_id) "
      "WHERE rid = NEW.rid; END;");

  db.exec("CREATE TRIGGER meetings_bookings_ins AFTER INSERT ON meetings WHEN " + added(kBooked) +
          " BEGIN " + added(kBookingCount) + " END;");
  db.exec(
      "CREATE TRIGGER meetings_owner_ins AFTER INSERT ON meetings BEGIN "
      "UPDATE meetings SET deal_owner = (SELECT owner FROM deals WHERE id = NEW.deal_id) "
      "WHERE rid = NEW.rid; END;");
  db.exec(
      "CREATE TRIGGER meetings_owner_follows AFTER UPDATE OF deal_id ON meetings "
      "WHEN OLD.deal_id IS NOT NEW.deal_id BEGIN "
      "UPDATE meetings SET deal_owner = (SELECT owner FROM deals WHERE id = NEW.deal_id) "
      "WHERE rid = NEW.rid; END;");
  db.exec(
      "CREATE TRIGGER meetings_bookings_upd AFTER UPDATE OF booked_at, booked_at_table, deleted, "
      "deal_id ON meetings WHEN " +
      removed(kBooked) + " OR " + added(kBooked) + " BEGIN " + removed(kBookingCount) +
      added(kBookingCount) + " END;");

  const std::string accountOpenOld = "(OLD.open_deals > 0 AND OLD.deleted = 0)";
  const std::string accountOpenNew = "(NEW.open_deals > 0 AND NEW.deleted = 0)";
  db.exec("CREATE TRIGGER accounts_open_total_ins AFTER INSERT ON accounts WHEN " + accountOpenNew +
          " BEGIN UPDATE pipeline_totals SET n = n + 1 WHERE k = 'open_accounts'; END;");
  db.exec(
      "CREATE TRIGGER accounts_open_total_upd AFTER UPDATE OF open_deals, deleted ON accounts "
      "WHEN " +
      accountOpenOld + " IS NOT " + accountOpenNew +
      " BEGIN UPDATE pipeline_totals SET n = n + iif(" + accountOpenNew +
      ", 1, -1) WHERE k = 'open_accounts'; END;");
  db.exec(R"sql(
CREATE TRIGGER accounts_owners_copy AFTER UPDATE OF last_touch_at, cadence_days, deleted ON accounts
WHEN OLD.last_touch_at IS NOT NEW.last_touch_at OR OLD.cadence_days IS NOT NEW.cadence_days
  OR OLD.deleted IS NOT NEW.deleted BEGIN
  UPDATE account_owners SET last_touch_at = NEW.last_touch_at, cadence_days = NEW.cadence_days,
    account_live = NEW.deleted = 0
  WHERE account_id = NEW.id;
END;)sql");
  db.exec("CREATE TRIGGER account_owners_ins AFTER INSERT ON account_owners WHEN " +
          added(kLiveAccountOwner) +
          " BEGIN INSERT INTO owner_totals(okey, open_accounts) VALUES (NEW.okey, 1) "
          "ON CONFLICT(okey) DO UPDATE SET open_accounts = open_accounts + 1; END;");
  db.exec(
      "CREATE TRIGGER account_owners_upd AFTER UPDATE OF open_n, account_live ON "
      "account_owners WHEN " +
      removed(kLiveAccountOwner) + " IS NOT " + added(kLiveAccountOwner) +
      " BEGIN INSERT INTO owner_totals(okey, open_accounts) VALUES (NEW.okey, iif(" +
      added(kLiveAccountOwner) +
      ", 1, -1)) ON CONFLICT(okey) DO UPDATE SET open_accounts = open_accounts + "
      "excluded.open_accounts; END;");
}

}  // namespace v4

// Recomputes every counter of version 4 from the records, set-based: for the rows that existed
// before version 4.
void rebuildCounters(Database& db) {
  db.exec(R"sql(
DELETE FROM owner_totals; DELETE FROM deal_next_days; DELETE FROM rep_action_days;
DELETE FROM booking_days; DELETE FROM account_owners; DELETE FROM pipeline_totals;
UPDATE actions SET deal_owner = (SELECT owner FROM deals WHERE id = actions.deal_id);
UPDATE meetings SET deal_owner = (SELECT owner FROM deals WHERE id = meetings.deal_id);
INSERT INTO pipeline_totals(k, n)
  SELECT 'open_accounts', count(*) FROM accounts WHERE open_deals > 0 AND deleted = 0;
INSERT INTO owner_totals(okey, open_deals, held_without_next, compliance_only, commitment)
  SELECT coalesce(owner, x''), count(*), sum(held_without_next = 1), sum(compliance_only = 1),
         sum(latest_customer_kind IS 'commitment')
  FROM deals WHERE status = 'open' AND deleted = 0 GROUP BY 1;
INSERT INTO owner_totals(okey, rep_actions_due)
  SELECT coalesce(deal_owner, x''), count(*) FROM actions
  WHERE done = 0 AND deleted = 0 AND owner = 'rep' AND due IS NOT NULL GROUP BY 1
  ON CONFLICT(okey) DO UPDATE SET rep_actions_due = excluded.rep_actions_due;
INSERT INTO deal_next_days(day, okey, n)
  SELECT planned_end_max / 86400, coalesce(owner, x''), count(*) FROM deals
  WHERE status = 'open' AND deleted = 0 AND planned_end_max > 0 GROUP BY 1, 2;
INSERT INTO rep_action_days(due, okey, n)
  SELECT due, coalesce(deal_owner, x''), count(*) FROM actions
  WHERE done = 0 AND deleted = 0 AND owner = 'rep' AND due IS NOT NULL GROUP BY 1, 2;
INSERT INTO booking_days(day, okey, n, at_table)
  SELECT m.booked_at / 86400, coalesce(d.owner, x''), count(*), sum(m.booked_at_table)
  FROM meetings m LEFT JOIN deals d ON d.id = m.deal_id
  WHERE m.deleted = 0 AND m.booked_at_table IS NOT NULL GROUP BY 1, 2;
-- Its trigger counts each owner's open accounts.
INSERT INTO account_owners(okey, account_id, open_n, last_touch_at, cadence_days, account_live)
  SELECT coalesce(d.owner, x''), a.id, count(*), a.last_touch_at, a.cadence_days, a.deleted = 0
  FROM deals d JOIN accounts a ON a.id = d.account_id
  WHERE d.status = 'open' AND d.deleted = 0 GROUP BY 1, 2;
)sql");
}

// Search, version 4: names (accounts, contacts, deals) and notes in two contentless indexes, so a
// word in one note of four does not slow down finding a name, and notes can be ranked newest
// first. The row id is kind * 2^40 + rid, so each kind is one row id range (search ranks a
// bounded number of the newest matches of each kind). Triggers only queue the rows
// in search_pending (a delete carries the indexed text: a contentless index needs it); the queue
// is indexed set-based before each commit (indexPendingSearch), one FTS5 segment per index per
// transaction instead of one per statement.
struct SearchSource {
  const char* table;
  int kind;
  bool note;
  const char* title;
  const char* body;
  const char* watched;
};
const SearchSource kSearchSources[] = {
    {"accounts", 1, false, "$.name", "coalesce($.industry,'') || ' ' || coalesce($.city,'')",
     "name, industry, city, deleted"},
    {"contacts", 2, false, "$.name", "coalesce($.email,'') || ' ' || coalesce($.title,'')",
     "name, email, title, deleted"},
    {"deals", 3, false, "$.title", "coalesce($.stage,'') || ' ' || coalesce($.owner,'')",
     "title, stage, owner, deleted"},
    {"notes", 4, true, "''", "$.text", "text, deleted"},
};

// A source's expression of the OLD or NEW row, or of the row itself (row "").
// The row id of a source row: docOf(kind) + rid.
std::string docOf(int kind) { return std::to_string(kind * kSearchKindUnit); }

std::string sourceExpr(const char* e, const std::string& row) {
  std::string out = e;
  for (auto at = out.find("$."); at != std::string::npos; at = out.find("$.", at)) {
    out.replace(at, row.empty() ? 2 : 1, row);
  }
  return out;
}

// The current text of the live rows of `s` whose rid satisfies `where` (rid as "rid").
std::string sourceRows(const SearchSource& s, const std::string& where) {
  const std::string k = std::to_string(s.kind);
  std::string cols = "rid + " + docOf(s.kind);
  if (!s.note) cols += std::string(", ") + sourceExpr(s.title, "");
  cols += std::string(", ") + sourceExpr(s.body, "");
  return "SELECT " + cols + " FROM " + s.table + " WHERE deleted = 0 AND " + where;
}

void createSearchQueue(Database& db) {
  db.exec(R"sql(
DROP TRIGGER accounts_search_ins; DROP TRIGGER accounts_search_upd;
DROP TRIGGER contacts_search_ins; DROP TRIGGER contacts_search_upd;
DROP TRIGGER deals_search_ins; DROP TRIGGER deals_search_upd;
DROP TRIGGER notes_search_ins; DROP TRIGGER notes_search_upd;
DROP TABLE search_index;
CREATE VIRTUAL TABLE name_index USING fts5(
  title, body, content = '', tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3');
CREATE VIRTUAL TABLE note_index USING fts5(
  body, content = '', tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3');
-- del = 1: remove doc with the text it was indexed with; del = 0: index doc's current text.
CREATE TABLE search_pending(
  seq INTEGER PRIMARY KEY, doc INTEGER NOT NULL, del INTEGER NOT NULL, title TEXT, body TEXT);
)sql");
  for (const SearchSource& s : kSearchSources) {
    const std::string t = s.table;
    const std::string titleOld = sourceExpr(s.title, "OLD"), titleNew = sourceExpr(s.title, "NEW");
    const std::string bodyOld = sourceExpr(s.body, "OLD"), bodyNew = sourceExpr(s.body, "NEW");
    db.exec("CREATE TRIGGER " + t + "_search_ins AFTER INSERT ON " + t +
            " WHEN NEW.deleted = 0 BEGIN INSERT INTO search_pending(doc, del) VALUES (NEW.rid + " +
            docOf(s.kind) + ", 0); END;");
    db.exec("CREATE TRIGGER " + t + "_search_upd AFTER UPDATE OF " + s.watched + " ON " + t +
            " WHEN OLD.deleted IS NOT NEW.deleted OR " + titleOld + " IS NOT " + titleNew + " OR " +
            bodyOld + " IS NOT " + bodyNew +
            " BEGIN INSERT INTO search_pending(doc, del, title, body) SELECT OLD.rid + " +
            docOf(s.kind) + ", 1, " + titleOld + ", " + bodyOld +
            " WHERE OLD.deleted = 0; INSERT INTO search_pending(doc, del) SELECT NEW.rid + " +
            docOf(s.kind) + ", 0 WHERE NEW.deleted = 0; END;");
  }
  // Rows that existed before this version, in row id order (FTS5 appends those cheaply).
  std::string names;
  for (const SearchSource& s : kSearchSources) {
    if (s.note) {
      db.exec("INSERT INTO note_index(rowid, body) " + sourceRows(s, "1") + " ORDER BY 1");
    } else {
      names += (names.empty() ? "" : " UNION ALL ") + sourceRows(s, "1");
    }
  }
  db.exec("INSERT INTO name_index(rowid, title, body) " + names + " ORDER BY 1");
}

// A new meeting can only raise its deal's maxima, so they are updated from NEW instead of three
// max() scans of the deal's meetings (0.06 ms of the 0.18 ms a meeting's insert cost), and only
// when the meeting counts (planned or held, not deleted).
void updateMeetingSummariesFromNew(Database& db) {
  db.exec(R"sql(
DROP TRIGGER meetings_summary_ins;
CREATE TRIGGER meetings_summary_ins AFTER INSERT ON meetings
WHEN NEW.deleted = 0 AND NEW.status IN ('planned', 'held') BEGIN
  UPDATE deals SET planned_start_max = max(planned_start_max, NEW.start_at),
    planned_end_max = max(planned_end_max, NEW.end_at)
  WHERE id = NEW.deal_id AND NEW.status = 'planned';
  UPDATE deals SET held_last_start = max(held_last_start, NEW.start_at)
  WHERE id = NEW.deal_id AND NEW.status = 'held';
  UPDATE accounts SET last_touch_at = max(last_touch_at, NEW.start_at)
  WHERE NEW.status = 'held' AND id = (SELECT account_id FROM deals WHERE id = NEW.deal_id);
END;
)sql");
}

void createVersion4(Database& db) {
  v4::createCounters(db);
  rebuildCounters(db);
  createSearchQueue(db);
}

// A column declared ANY in a table that is not STRICT has NUMERIC affinity: a device id such as
// "01a1ee5b4e1200ff" or a title "0123" came back as a number. Rebuilt with untyped columns, which
// keep each value as written. The outbox keeps its sequence: a reused device_seq would be taken
// by the server as a replay and dropped.
void keepValuesAsWritten(Database& db) {
  const std::int64_t outboxSeq =
      db.scalar("SELECT coalesce(max(seq), 0) FROM sqlite_sequence WHERE name = 'outbox'");
  for (const char* table : {"local_meta", "outbox", "conflicts", "rejected_ops", "parked_ops"}) {
    const std::string name(table);
    std::string sql;
    {
      auto s = db.prepare("SELECT sql FROM sqlite_schema WHERE type = 'table' AND name = ?1");
      s->bind(1, name);
      if (!s->step()) throw DbError(SQLITE_CORRUPT, "table " + name + " is missing");
      sql = s->text(0);
    }
    std::vector<std::string> indexes;
    {
      auto s = db.prepare(
          "SELECT sql FROM sqlite_schema WHERE type = 'index' AND tbl_name = ?1 AND sql IS NOT "
          "NULL");
      s->bind(1, name);
      while (s->step()) indexes.push_back(s->text(0));
    }
    const std::string head = "CREATE TABLE " + name + "(";
    if (sql.rfind(head, 0) != 0) throw DbError(SQLITE_CORRUPT, "unexpected schema of " + name);
    sql.replace(0, head.size(), "CREATE TABLE " + name + "_v5(");
    for (std::size_t at; (at = sql.find(" ANY")) != std::string::npos;) sql.erase(at, 4);
    db.exec(sql);
    db.exec("INSERT INTO " + name + "_v5 SELECT * FROM " + name);
    db.exec("DROP TABLE " + name);
    db.exec("ALTER TABLE " + name + "_v5 RENAME TO " + name);
    for (const std::string& index : indexes) db.exec(index);
  }
  db.exec("DELETE FROM sqlite_sequence WHERE name = 'outbox'");
  auto s = db.prepare("INSERT INTO sqlite_sequence(name, seq) VALUES ('outbox', ?1)");
  s->bind(1, outboxSeq);
  s->run();
}

void createVersion5(Database& db) {
  keepValuesAsWritten(db);
  updateMeetingSummariesFromNew(db);
}

// From version 6 on, a step is an SQL file, core/schema/<version>.sql.
template <int kVersion>
void applySchemaSql(Database& db) {
  db.exec(schemaSql(kVersion));
}

const Migration kMigrations[] = {
    {1, createRecords},  {2, createSearch},   {3, createSyncState},
    {4, createVersion4}, {5, createVersion5}, {6, applySchemaSql<6>},
};

}  // namespace

void indexPendingSearch(Database& db) {
  {
    auto any = db.prepare("SELECT 1 FROM search_pending LIMIT 1");
    if (!any->step()) return;
  }
  // Deletes first, then inserts, each in row id order: FTS5 flushes its pending terms whenever a
  // row id is not above the previous one. A doc's first queued entry tells whether the index held
  // it when the transaction began (a delete, with that text) or not.
  static const std::vector<std::string> steps = [] {
    std::vector<std::string> out = {
        "INSERT INTO name_index(name_index, rowid, title, body) SELECT 'delete', doc, title, body "
        "FROM (SELECT doc, del, title, body, min(seq) FROM search_pending WHERE doc >> 40 != 4 "
        "GROUP BY doc) WHERE del = 1 ORDER BY doc",
        "INSERT INTO note_index(note_index, rowid, body) SELECT 'delete', doc, body "
        "FROM (SELECT doc, del, body, min(seq) FROM search_pending WHERE doc >> 40 = 4 "
        "GROUP BY doc) WHERE del = 1 ORDER BY doc",
    };
    std::string names;
    for (const SearchSource& s : kSearchSources) {
      const std::string queued =
          "rid IN (SELECT doc & " + std::to_string(kSearchKindUnit - 1) +
          " FROM search_pending WHERE doc >> 40 = " + std::to_string(s.kind) + ")";
      if (s.note) {
        out.push_back("INSERT INTO note_index(rowid, body) " + sourceRows(s, queued) +
                      " ORDER BY 1");
      } else {
        names += (names.empty() ? "" : " UNION ALL ") + sourceRows(s, queued);
      }
    }
    out.push_back("INSERT INTO name_index(rowid, title, body) " + names + " ORDER BY 1");
    out.push_back("DELETE FROM search_pending");
    return out;
  }();
  for (const std::string& sql : steps) db.prepare(sql)->run();
}

std::span<const Migration> localMigrations() { return kMigrations; }

int latestLocalSchemaVersion() { return kMigrations[std::size(kMigrations) - 1].version; }

Result<int> migrateLocal(Database& db, int target) {
  if (target < 0) target = latestLocalSchemaVersion();
  try {
    const int current = static_cast<int>(db.scalar("PRAGMA user_version"));
    if (current > latestLocalSchemaVersion()) {
      return Error{ErrorCode::kTooNew, "database schema version " + std::to_string(current) +
                                           " is newer than this NextStep understands (" +
                                           std::to_string(latestLocalSchemaVersion()) +
                                           "); update NextStep"};
    }
    for (const Migration& m : kMigrations) {
      if (m.version <= current || m.version > target) continue;
      Transaction txn(db, Transaction::Kind::kWrite);
      m.apply(db);
      db.exec("PRAGMA user_version = " + std::to_string(m.version));
      txn.commit();
    }
    return static_cast<int>(db.scalar("PRAGMA user_version"));
  } catch (const DbError& e) {
    return Error{e.errorCode(), std::string("cannot upgrade the database: ") + e.what()};
  }
}

}  // namespace nextstep
