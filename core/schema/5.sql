-- Version 5: a column declared ANY in a table that is not STRICT has NUMERIC affinity: a device id
-- such as "01a1ee5b4e1200ff" or a title "0123" came back as a number. These tables are rebuilt
-- with untyped columns, which keep each value as written. The outbox keeps its sequence: a reused
-- device_seq would be taken by the server as a replay and dropped.
CREATE TABLE outbox_seq_v5 AS
  SELECT coalesce(max(seq), 0) AS seq FROM sqlite_sequence WHERE name = 'outbox';
CREATE TABLE local_meta_v5(key TEXT PRIMARY KEY, value) WITHOUT ROWID;
INSERT INTO local_meta_v5 SELECT * FROM local_meta;
DROP TABLE local_meta;
ALTER TABLE local_meta_v5 RENAME TO local_meta;

CREATE TABLE outbox_v5(
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  type INTEGER NOT NULL,
  record_id TEXT NOT NULL,
  kind INTEGER NOT NULL,
  key TEXT NOT NULL,
  value,
  stamp BLOB NOT NULL,
  base BLOB);
INSERT INTO outbox_v5 SELECT * FROM outbox;
DROP TABLE outbox;
ALTER TABLE outbox_v5 RENAME TO outbox;

CREATE TABLE conflicts_v5(
  id TEXT PRIMARY KEY,  -- derived from the losing write: found twice, kept once
  type INTEGER NOT NULL,
  record_id TEXT NOT NULL,
  key TEXT NOT NULL,
  kind TEXT NOT NULL,   -- overwritten | edited_while_deleted | removed_while_added
  kept_value, kept_stamp BLOB, kept_author TEXT,
  lost_value, lost_stamp BLOB NOT NULL, lost_author TEXT,
  detected_at INTEGER NOT NULL,
  resolution TEXT       -- NULL while open; restored | dismissed
) WITHOUT ROWID;
INSERT INTO conflicts_v5 SELECT * FROM conflicts;
DROP TABLE conflicts;
ALTER TABLE conflicts_v5 RENAME TO conflicts;
CREATE INDEX conflicts_record ON conflicts(record_id);
CREATE INDEX conflicts_open ON conflicts(detected_at) WHERE resolution IS NULL;

CREATE TABLE rejected_ops_v5(
  seq INTEGER PRIMARY KEY,
  type INTEGER NOT NULL, record_id TEXT NOT NULL, kind INTEGER NOT NULL, key TEXT NOT NULL,
  value, stamp BLOB NOT NULL, base BLOB,
  reason TEXT NOT NULL,
  rejected_at INTEGER NOT NULL);
INSERT INTO rejected_ops_v5 SELECT * FROM rejected_ops;
DROP TABLE rejected_ops;
ALTER TABLE rejected_ops_v5 RENAME TO rejected_ops;

CREATE TABLE parked_ops_v5(
  version INTEGER PRIMARY KEY,
  type INTEGER NOT NULL, record_id TEXT NOT NULL, kind INTEGER NOT NULL, key TEXT NOT NULL,
  value, stamp BLOB NOT NULL, base BLOB,
  author TEXT);
INSERT INTO parked_ops_v5 SELECT * FROM parked_ops;
DROP TABLE parked_ops;
ALTER TABLE parked_ops_v5 RENAME TO parked_ops;
CREATE INDEX parked_record ON parked_ops(record_id);

DELETE FROM sqlite_sequence WHERE name = 'outbox';
INSERT INTO sqlite_sequence(name, seq) SELECT 'outbox', seq FROM outbox_seq_v5;
DROP TABLE outbox_seq_v5;

-- A new meeting can only raise its deal's maxima, so they are updated from NEW instead of three
-- max() scans of the deal's meetings (0.06 ms of the 0.18 ms a meeting's insert cost), and only
-- when the meeting counts (planned or held, not deleted).
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
