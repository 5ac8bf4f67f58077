-- Version 3: what syncing needs on a device: the archive of values that lost a merge, operations
-- the server refused, remote operations waiting for their record, and who each device belongs to.
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
