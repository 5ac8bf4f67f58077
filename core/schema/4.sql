-- Version 4: keeps Today and the pipeline health independent of the pipeline's size, and the
-- search index cheap to keep (see docs/benchmarks.md for the figures behind each choice).
--
-- Counters kept by triggers, for everything that does not depend on the time of the query. They
-- are keyed by the owner of the deal ("okey": x'' for a deal without owner; a blob never equals an
-- owner's text), so one rep's figures are one row and the team's are the sum of a row per rep:
--   owner_totals     open deals; held without next; compliance only; latest customer action a
--                    commitment; undone rep actions with a due date; accounts with an open deal
--   deal_next_days   open deals by the UTC day their last planned meeting ends
--   rep_action_days  undone rep actions by due date
--   booking_days     bookings made after an earlier meeting (booked_at_table set), by UTC day
--   account_owners   per owner, the accounts where they have open deals, with the account's touch
--                    summary copied so one rep's stale customers are one index range
--   pipeline_totals  team-wide: accounts with an open deal
-- Time-dependent figures add up a few of these rows and count only the small side (the boundary
-- day, the future) from an index. CountersTest checks every trigger here against a recount.
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
CREATE INDEX actions_due ON actions(due, created_at) WHERE done = 0 AND deleted = 0
    AND owner = 'rep';
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
-- The counters' triggers: each removes what the old row counted and adds what the new row counts.
CREATE TRIGGER deals_totals_ins AFTER INSERT ON deals
WHEN (NEW.status = 'open' AND NEW.deleted = 0) BEGIN
  INSERT INTO owner_totals(okey, open_deals, held_without_next, compliance_only, commitment)
    SELECT coalesce(NEW.owner, x''), 1, (NEW.held_without_next = 1), (NEW.compliance_only = 1),
    (NEW.latest_customer_kind IS 'commitment')
    WHERE NEW.status = 'open' AND NEW.deleted = 0
    ON CONFLICT(okey) DO UPDATE SET open_deals = open_deals + excluded.open_deals,
    held_without_next = held_without_next + excluded.held_without_next,
    compliance_only = compliance_only + excluded.compliance_only,
    commitment = commitment + excluded.commitment;
  INSERT INTO deal_next_days(day, okey, n)
    SELECT NEW.planned_end_max / 86400, coalesce(NEW.owner, x''), 1
    WHERE NEW.status = 'open' AND NEW.deleted = 0 AND NEW.planned_end_max > 0
    ON CONFLICT(day, okey) DO UPDATE SET n = n + excluded.n;
  INSERT INTO account_owners(okey, account_id, open_n, last_touch_at, cadence_days, account_live)
    SELECT coalesce(NEW.owner, x''), a.id, 1, a.last_touch_at, a.cadence_days, a.deleted = 0
    FROM accounts a WHERE a.id = NEW.account_id AND NEW.status = 'open' AND NEW.deleted = 0
    ON CONFLICT(okey, account_id) DO UPDATE SET open_n = open_n + excluded.open_n;
END;
CREATE TRIGGER deals_totals_upd AFTER UPDATE OF status, deleted, owner, planned_start_max,
    held_last_start, compliance_only, latest_customer_kind ON deals
WHEN ((OLD.status = 'open' AND OLD.deleted = 0) OR (NEW.status = 'open' AND NEW.deleted = 0))
  AND ((OLD.status = 'open' AND OLD.deleted = 0) IS NOT (NEW.status = 'open' AND NEW.deleted = 0)
    OR OLD.owner IS NOT NEW.owner OR OLD.held_without_next IS NOT NEW.held_without_next
    OR OLD.compliance_only IS NOT NEW.compliance_only
    OR OLD.latest_customer_kind IS NOT NEW.latest_customer_kind) BEGIN
  INSERT INTO owner_totals(okey, open_deals, held_without_next, compliance_only, commitment)
    SELECT coalesce(OLD.owner, x''), -1, -(OLD.held_without_next = 1), -(OLD.compliance_only = 1),
    -(OLD.latest_customer_kind IS 'commitment')
    WHERE OLD.status = 'open' AND OLD.deleted = 0
    ON CONFLICT(okey) DO UPDATE SET open_deals = open_deals + excluded.open_deals,
    held_without_next = held_without_next + excluded.held_without_next,
    compliance_only = compliance_only + excluded.compliance_only,
    commitment = commitment + excluded.commitment;
  INSERT INTO owner_totals(okey, open_deals, held_without_next, compliance_only, commitment)
    SELECT coalesce(NEW.owner, x''), 1, (NEW.held_without_next = 1), (NEW.compliance_only = 1),
    (NEW.latest_customer_kind IS 'commitment')
    WHERE NEW.status = 'open' AND NEW.deleted = 0
    ON CONFLICT(okey) DO UPDATE SET open_deals = open_deals + excluded.open_deals,
    held_without_next = held_without_next + excluded.held_without_next,
    compliance_only = compliance_only + excluded.compliance_only,
    commitment = commitment + excluded.commitment;
END;
CREATE TRIGGER deals_next_upd AFTER UPDATE OF status, deleted, owner, planned_end_max ON deals
WHEN ((OLD.status = 'open' AND OLD.deleted = 0) OR (NEW.status = 'open' AND NEW.deleted = 0))
  AND ((OLD.status = 'open' AND OLD.deleted = 0) IS NOT (NEW.status = 'open' AND NEW.deleted = 0)
    OR OLD.owner IS NOT NEW.owner
    OR OLD.planned_end_max / 86400 IS NOT NEW.planned_end_max / 86400
    OR (OLD.planned_end_max > 0) IS NOT (NEW.planned_end_max > 0)) BEGIN
  INSERT INTO deal_next_days(day, okey, n)
    SELECT OLD.planned_end_max / 86400, coalesce(OLD.owner, x''), -1
    WHERE OLD.status = 'open' AND OLD.deleted = 0 AND OLD.planned_end_max > 0
    ON CONFLICT(day, okey) DO UPDATE SET n = n + excluded.n;
  INSERT INTO deal_next_days(day, okey, n)
    SELECT NEW.planned_end_max / 86400, coalesce(NEW.owner, x''), 1
    WHERE NEW.status = 'open' AND NEW.deleted = 0 AND NEW.planned_end_max > 0
    ON CONFLICT(day, okey) DO UPDATE SET n = n + excluded.n;
END;
CREATE TRIGGER deals_account_owners_upd AFTER UPDATE OF status, deleted, owner, account_id ON deals
WHEN ((OLD.status = 'open' AND OLD.deleted = 0) OR (NEW.status = 'open' AND NEW.deleted = 0))
  AND ((OLD.status = 'open' AND OLD.deleted = 0) IS NOT (NEW.status = 'open' AND NEW.deleted = 0)
    OR OLD.owner IS NOT NEW.owner OR OLD.account_id IS NOT NEW.account_id) BEGIN
  INSERT INTO account_owners(okey, account_id, open_n, last_touch_at, cadence_days, account_live)
    SELECT coalesce(OLD.owner, x''), a.id, -1, a.last_touch_at, a.cadence_days, a.deleted = 0
    FROM accounts a WHERE a.id = OLD.account_id AND OLD.status = 'open' AND OLD.deleted = 0
    ON CONFLICT(okey, account_id) DO UPDATE SET open_n = open_n + excluded.open_n;
  INSERT INTO account_owners(okey, account_id, open_n, last_touch_at, cadence_days, account_live)
    SELECT coalesce(NEW.owner, x''), a.id, 1, a.last_touch_at, a.cadence_days, a.deleted = 0
    FROM accounts a WHERE a.id = NEW.account_id AND NEW.status = 'open' AND NEW.deleted = 0
    ON CONFLICT(okey, account_id) DO UPDATE SET open_n = open_n + excluded.open_n;
END;
CREATE TRIGGER deals_owner_moves AFTER UPDATE OF owner ON deals
WHEN OLD.owner IS NOT NEW.owner BEGIN
  INSERT INTO rep_action_days(due, okey, n)
    SELECT due, coalesce(OLD.owner, x''), -count(*) FROM actions
    WHERE deal_id = NEW.id AND done = 0 AND deleted = 0 AND owner = 'rep' AND due IS NOT NULL
    GROUP BY due
    ON CONFLICT(due, okey) DO UPDATE SET n = n + excluded.n;
  INSERT INTO owner_totals(okey, rep_actions_due)
    SELECT coalesce(OLD.owner, x''), -count(*) FROM actions
    WHERE deal_id = NEW.id AND done = 0 AND deleted = 0 AND owner = 'rep' AND due IS NOT NULL
    HAVING count(*) > 0
    ON CONFLICT(okey) DO UPDATE SET rep_actions_due = rep_actions_due + excluded.rep_actions_due;
  INSERT INTO booking_days(day, okey, n, at_table)
    SELECT booked_at / 86400, coalesce(OLD.owner, x''), -count(*), -sum(booked_at_table)
    FROM meetings WHERE deal_id = NEW.id AND deleted = 0 AND booked_at_table IS NOT NULL
    GROUP BY booked_at / 86400
    ON CONFLICT(day, okey) DO UPDATE SET n = n + excluded.n,
        at_table = at_table + excluded.at_table;
  INSERT INTO rep_action_days(due, okey, n)
    SELECT due, coalesce(NEW.owner, x''), count(*) FROM actions
    WHERE deal_id = NEW.id AND done = 0 AND deleted = 0 AND owner = 'rep' AND due IS NOT NULL
    GROUP BY due
    ON CONFLICT(due, okey) DO UPDATE SET n = n + excluded.n;
  INSERT INTO owner_totals(okey, rep_actions_due)
    SELECT coalesce(NEW.owner, x''), count(*) FROM actions
    WHERE deal_id = NEW.id AND done = 0 AND deleted = 0 AND owner = 'rep' AND due IS NOT NULL
    HAVING count(*) > 0
    ON CONFLICT(okey) DO UPDATE SET rep_actions_due = rep_actions_due + excluded.rep_actions_due;
  INSERT INTO booking_days(day, okey, n, at_table)
    SELECT booked_at / 86400, coalesce(NEW.owner, x''), count(*), sum(booked_at_table)
    FROM meetings WHERE deal_id = NEW.id AND deleted = 0 AND booked_at_table IS NOT NULL
    GROUP BY booked_at / 86400
    ON CONFLICT(day, okey) DO UPDATE SET n = n + excluded.n,
        at_table = at_table + excluded.at_table;
  UPDATE actions SET deal_owner = NEW.owner WHERE deal_id = NEW.id;
  UPDATE meetings SET deal_owner = NEW.owner WHERE deal_id = NEW.id;
END;
CREATE TRIGGER actions_totals_ins AFTER INSERT ON actions BEGIN
  UPDATE actions SET deal_owner = (SELECT owner FROM deals WHERE id = NEW.deal_id)
      WHERE rid = NEW.rid;
  INSERT INTO rep_action_days(due, okey, n)
    SELECT NEW.due, coalesce((SELECT owner FROM deals WHERE id = NEW.deal_id), x''), 1
        WHERE NEW.done = 0 AND NEW.deleted = 0 AND NEW.owner = 'rep' AND NEW.due IS NOT NULL
    ON CONFLICT(due, okey) DO UPDATE SET n = n + excluded.n;
  INSERT INTO owner_totals(okey, rep_actions_due)
    SELECT coalesce((SELECT owner FROM deals WHERE id = NEW.deal_id), x''), 1
        WHERE NEW.done = 0 AND NEW.deleted = 0 AND NEW.owner = 'rep' AND NEW.due IS NOT NULL
    ON CONFLICT(okey) DO UPDATE SET rep_actions_due = rep_actions_due + excluded.rep_actions_due;
END;
CREATE TRIGGER actions_totals_upd AFTER UPDATE OF done, deleted, owner, due, deal_id ON actions
WHEN (OLD.done = 0 AND OLD.deleted = 0 AND OLD.owner = 'rep' AND OLD.due IS NOT NULL)
  OR (NEW.done = 0 AND NEW.deleted = 0 AND NEW.owner = 'rep' AND NEW.due IS NOT NULL) BEGIN
  INSERT INTO rep_action_days(due, okey, n)
    SELECT OLD.due, coalesce(OLD.deal_owner, x''), -1 WHERE OLD.done = 0 AND OLD.deleted = 0
        AND OLD.owner = 'rep' AND OLD.due IS NOT NULL
    ON CONFLICT(due, okey) DO UPDATE SET n = n + excluded.n;
  INSERT INTO owner_totals(okey, rep_actions_due)
    SELECT coalesce(OLD.deal_owner, x''), -1 WHERE OLD.done = 0 AND OLD.deleted = 0
        AND OLD.owner = 'rep' AND OLD.due IS NOT NULL
    ON CONFLICT(okey) DO UPDATE SET rep_actions_due = rep_actions_due + excluded.rep_actions_due;
  INSERT INTO rep_action_days(due, okey, n)
    SELECT NEW.due, coalesce((SELECT owner FROM deals WHERE id = NEW.deal_id), x''), 1
        WHERE NEW.done = 0 AND NEW.deleted = 0 AND NEW.owner = 'rep' AND NEW.due IS NOT NULL
    ON CONFLICT(due, okey) DO UPDATE SET n = n + excluded.n;
  INSERT INTO owner_totals(okey, rep_actions_due)
    SELECT coalesce((SELECT owner FROM deals WHERE id = NEW.deal_id), x''), 1
        WHERE NEW.done = 0 AND NEW.deleted = 0 AND NEW.owner = 'rep' AND NEW.due IS NOT NULL
    ON CONFLICT(okey) DO UPDATE SET rep_actions_due = rep_actions_due + excluded.rep_actions_due;
END;
CREATE TRIGGER actions_owner_follows AFTER UPDATE OF deal_id ON actions
WHEN OLD.deal_id IS NOT NEW.deal_id BEGIN
  UPDATE actions SET deal_owner = (SELECT owner FROM deals WHERE id = NEW.deal_id)
      WHERE rid = NEW.rid;
END;
CREATE TRIGGER meetings_bookings_ins AFTER INSERT ON meetings
WHEN (NEW.deleted = 0 AND NEW.booked_at_table IS NOT NULL) BEGIN
  INSERT INTO booking_days(day, okey, n, at_table)
    SELECT NEW.booked_at / 86400, coalesce((SELECT owner FROM deals WHERE id = NEW.deal_id), x''),
      1, NEW.booked_at_table
    WHERE NEW.deleted = 0 AND NEW.booked_at_table IS NOT NULL
    ON CONFLICT(day, okey) DO UPDATE SET n = n + excluded.n,
        at_table = at_table + excluded.at_table;
END;
CREATE TRIGGER meetings_owner_ins AFTER INSERT ON meetings BEGIN
  UPDATE meetings SET deal_owner = (SELECT owner FROM deals WHERE id = NEW.deal_id)
      WHERE rid = NEW.rid;
END;
CREATE TRIGGER meetings_owner_follows AFTER UPDATE OF deal_id ON meetings
WHEN OLD.deal_id IS NOT NEW.deal_id BEGIN
  UPDATE meetings SET deal_owner = (SELECT owner FROM deals WHERE id = NEW.deal_id)
      WHERE rid = NEW.rid;
END;
CREATE TRIGGER meetings_bookings_upd AFTER UPDATE OF booked_at, booked_at_table, deleted,
    deal_id ON meetings
WHEN (OLD.deleted = 0 AND OLD.booked_at_table IS NOT NULL)
  OR (NEW.deleted = 0 AND NEW.booked_at_table IS NOT NULL) BEGIN
  INSERT INTO booking_days(day, okey, n, at_table)
    SELECT OLD.booked_at / 86400, coalesce((SELECT owner FROM deals WHERE id = OLD.deal_id), x''),
      -1, -OLD.booked_at_table
    WHERE OLD.deleted = 0 AND OLD.booked_at_table IS NOT NULL
    ON CONFLICT(day, okey) DO UPDATE SET n = n + excluded.n,
        at_table = at_table + excluded.at_table;
  INSERT INTO booking_days(day, okey, n, at_table)
    SELECT NEW.booked_at / 86400, coalesce((SELECT owner FROM deals WHERE id = NEW.deal_id), x''),
      1, NEW.booked_at_table
    WHERE NEW.deleted = 0 AND NEW.booked_at_table IS NOT NULL
    ON CONFLICT(day, okey) DO UPDATE SET n = n + excluded.n,
        at_table = at_table + excluded.at_table;
END;
CREATE TRIGGER accounts_open_total_ins AFTER INSERT ON accounts
WHEN (NEW.open_deals > 0 AND NEW.deleted = 0) BEGIN
  UPDATE pipeline_totals SET n = n + 1 WHERE k = 'open_accounts';
END;
CREATE TRIGGER accounts_open_total_upd AFTER UPDATE OF open_deals, deleted ON accounts
WHEN (OLD.open_deals > 0 AND OLD.deleted = 0) IS NOT (NEW.open_deals > 0 AND NEW.deleted = 0) BEGIN
  UPDATE pipeline_totals SET n = n + iif((NEW.open_deals > 0 AND NEW.deleted = 0), 1, -1)
    WHERE k = 'open_accounts';
END;
CREATE TRIGGER accounts_owners_copy AFTER UPDATE OF last_touch_at, cadence_days, deleted ON accounts
WHEN OLD.last_touch_at IS NOT NEW.last_touch_at OR OLD.cadence_days IS NOT NEW.cadence_days
  OR OLD.deleted IS NOT NEW.deleted BEGIN
  UPDATE account_owners SET last_touch_at = NEW.last_touch_at, cadence_days = NEW.cadence_days,
    account_live = NEW.deleted = 0
    WHERE account_id = NEW.id;
END;
CREATE TRIGGER account_owners_ins AFTER INSERT ON account_owners
WHEN (NEW.open_n > 0 AND NEW.account_live = 1) BEGIN
  INSERT INTO owner_totals(okey, open_accounts) VALUES (NEW.okey, 1)
    ON CONFLICT(okey) DO UPDATE SET open_accounts = open_accounts + 1;
END;
CREATE TRIGGER account_owners_upd AFTER UPDATE OF open_n, account_live ON account_owners
WHEN (OLD.open_n > 0 AND OLD.account_live = 1) IS NOT (NEW.open_n > 0 AND NEW.account_live = 1)
BEGIN
  INSERT INTO owner_totals(okey, open_accounts)
    VALUES (NEW.okey, iif((NEW.open_n > 0 AND NEW.account_live = 1), 1, -1))
    ON CONFLICT(okey) DO UPDATE SET open_accounts = open_accounts + excluded.open_accounts;
END;
-- The counters of the rows that existed before this version, set-based.
DELETE FROM owner_totals;
DELETE FROM deal_next_days;
DELETE FROM rep_action_days;
DELETE FROM booking_days;
DELETE FROM account_owners;
DELETE FROM pipeline_totals;
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
-- Search: names (accounts, contacts, deals) and notes in two contentless indexes, so a word in one
-- note of four does not slow down finding a name, and notes can be ranked newest first. The row
-- id is kind * 2^40 + rid (kinds: 1 account, 2 contact, 3 deal, 4 note), so each kind is one row
-- id range. Triggers only queue the rows in search_pending (a delete carries the indexed text: a
-- contentless index needs it); indexPendingSearch (search_queue.cpp) indexes the queue set-based
-- before each commit, one FTS5 segment per index per transaction instead of one per statement.
DROP TRIGGER accounts_search_ins;
DROP TRIGGER accounts_search_upd;
DROP TRIGGER contacts_search_ins;
DROP TRIGGER contacts_search_upd;
DROP TRIGGER deals_search_ins;
DROP TRIGGER deals_search_upd;
DROP TRIGGER notes_search_ins;
DROP TRIGGER notes_search_upd;
DROP TABLE search_index;
CREATE VIRTUAL TABLE name_index USING fts5(
  title, body, content = '', tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3');
CREATE VIRTUAL TABLE note_index USING fts5(
  body, content = '', tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3');
-- del = 1: remove doc with the text it was indexed with; del = 0: index doc's current text.
CREATE TABLE search_pending(
  seq INTEGER PRIMARY KEY, doc INTEGER NOT NULL, del INTEGER NOT NULL, title TEXT, body TEXT);
CREATE TRIGGER accounts_search_ins AFTER INSERT ON accounts
WHEN NEW.deleted = 0 BEGIN
  INSERT INTO search_pending(doc, del) VALUES (NEW.rid + 1099511627776, 0);
END;
CREATE TRIGGER accounts_search_upd AFTER UPDATE OF name, industry, city, deleted ON accounts
WHEN OLD.deleted IS NOT NEW.deleted OR OLD.name IS NOT NEW.name
  OR coalesce(OLD.industry,'') || ' ' || coalesce(OLD.city,'')
    IS NOT coalesce(NEW.industry,'') || ' ' || coalesce(NEW.city,'') BEGIN
  INSERT INTO search_pending(doc, del, title, body) SELECT OLD.rid + 1099511627776, 1, OLD.name,
      coalesce(OLD.industry,'') || ' ' || coalesce(OLD.city,'') WHERE OLD.deleted = 0;
  INSERT INTO search_pending(doc, del) SELECT NEW.rid + 1099511627776, 0 WHERE NEW.deleted = 0;
END;
CREATE TRIGGER contacts_search_ins AFTER INSERT ON contacts
WHEN NEW.deleted = 0 BEGIN
  INSERT INTO search_pending(doc, del) VALUES (NEW.rid + 2199023255552, 0);
END;
CREATE TRIGGER contacts_search_upd AFTER UPDATE OF name, email, title, deleted ON contacts
WHEN OLD.deleted IS NOT NEW.deleted OR OLD.name IS NOT NEW.name
  OR coalesce(OLD.email,'') || ' ' || coalesce(OLD.title,'')
    IS NOT coalesce(NEW.email,'') || ' ' || coalesce(NEW.title,'') BEGIN
  INSERT INTO search_pending(doc, del, title, body) SELECT OLD.rid + 2199023255552, 1, OLD.name,
      coalesce(OLD.email,'') || ' ' || coalesce(OLD.title,'') WHERE OLD.deleted = 0;
  INSERT INTO search_pending(doc, del) SELECT NEW.rid + 2199023255552, 0 WHERE NEW.deleted = 0;
END;
CREATE TRIGGER deals_search_ins AFTER INSERT ON deals
WHEN NEW.deleted = 0 BEGIN
  INSERT INTO search_pending(doc, del) VALUES (NEW.rid + 3298534883328, 0);
END;
CREATE TRIGGER deals_search_upd AFTER UPDATE OF title, stage, owner, deleted ON deals
WHEN OLD.deleted IS NOT NEW.deleted OR OLD.title IS NOT NEW.title
  OR coalesce(OLD.stage,'') || ' ' || coalesce(OLD.owner,'')
    IS NOT coalesce(NEW.stage,'') || ' ' || coalesce(NEW.owner,'') BEGIN
  INSERT INTO search_pending(doc, del, title, body) SELECT OLD.rid + 3298534883328, 1, OLD.title,
      coalesce(OLD.stage,'') || ' ' || coalesce(OLD.owner,'') WHERE OLD.deleted = 0;
  INSERT INTO search_pending(doc, del) SELECT NEW.rid + 3298534883328, 0 WHERE NEW.deleted = 0;
END;
CREATE TRIGGER notes_search_ins AFTER INSERT ON notes
WHEN NEW.deleted = 0 BEGIN
  INSERT INTO search_pending(doc, del) VALUES (NEW.rid + 4398046511104, 0);
END;
CREATE TRIGGER notes_search_upd AFTER UPDATE OF text, deleted ON notes
WHEN OLD.deleted IS NOT NEW.deleted OR OLD.text IS NOT NEW.text BEGIN
  INSERT INTO search_pending(doc, del, title, body) SELECT OLD.rid + 4398046511104, 1, '',
      OLD.text WHERE OLD.deleted = 0;
  INSERT INTO search_pending(doc, del) SELECT NEW.rid + 4398046511104, 0 WHERE NEW.deleted = 0;
END;
-- Rows that existed before this version, in row id order (FTS5 appends those cheaply).
INSERT INTO note_index(rowid, body) SELECT rid + 4398046511104, text FROM notes
    WHERE deleted = 0 ORDER BY 1;
INSERT INTO name_index(rowid, title, body)
  SELECT rid + 1099511627776, name, coalesce(industry,'') || ' ' || coalesce(city,'')
    FROM accounts WHERE deleted = 0
  UNION ALL
  SELECT rid + 2199023255552, name, coalesce(email,'') || ' ' || coalesce(title,'')
    FROM contacts WHERE deleted = 0
  UNION ALL
  SELECT rid + 3298534883328, title, coalesce(stage,'') || ' ' || coalesce(owner,'')
    FROM deals WHERE deleted = 0
  ORDER BY 1;
