-- Version 1: the records of the method, the change log, and the summaries the health and today
-- queries read (kept by triggers so those queries never scan the whole pipeline).
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
