-- Version 7: the sync merge pauses the records' search triggers. A merged page writes thousands of
-- rows; each trigger call queued its row in search_pending one statement at a time (a third of a
-- deal's merged update). While search_paused holds a row the triggers queue nothing: the merge
-- queues the records it is about to write itself, a few statements a page (search/paused_search.h),
-- and takes the row out again before its commit, so every other writer, and every committed state,
-- sees the triggers on.
CREATE TABLE search_paused(paused INTEGER);
DROP TRIGGER accounts_search_ins;
DROP TRIGGER accounts_search_upd;
DROP TRIGGER contacts_search_ins;
DROP TRIGGER contacts_search_upd;
DROP TRIGGER deals_search_ins;
DROP TRIGGER deals_search_upd;
DROP TRIGGER notes_search_ins;
DROP TRIGGER notes_search_upd;
CREATE TRIGGER accounts_search_ins AFTER INSERT ON accounts
WHEN NEW.deleted = 0 AND NOT EXISTS (SELECT 1 FROM search_paused) BEGIN
  INSERT INTO search_pending(doc, del) VALUES (NEW.rid + 1099511627776, 0);
END;
CREATE TRIGGER accounts_search_upd AFTER UPDATE OF name, industry, city, deleted ON accounts
WHEN NOT EXISTS (SELECT 1 FROM search_paused) AND (OLD.deleted IS NOT NEW.deleted
  OR OLD.name IS NOT NEW.name
  OR coalesce(OLD.industry,'') || ' ' || coalesce(OLD.city,'')
    IS NOT coalesce(NEW.industry,'') || ' ' || coalesce(NEW.city,'')) BEGIN
  INSERT INTO search_pending(doc, del, title, body) SELECT OLD.rid + 1099511627776, 1, OLD.name,
      coalesce(OLD.industry,'') || ' ' || coalesce(OLD.city,'') WHERE OLD.deleted = 0;
  INSERT INTO search_pending(doc, del) SELECT NEW.rid + 1099511627776, 0 WHERE NEW.deleted = 0;
END;
CREATE TRIGGER contacts_search_ins AFTER INSERT ON contacts
WHEN NEW.deleted = 0 AND NOT EXISTS (SELECT 1 FROM search_paused) BEGIN
  INSERT INTO search_pending(doc, del) VALUES (NEW.rid + 2199023255552, 0);
END;
CREATE TRIGGER contacts_search_upd AFTER UPDATE OF name, email, title, deleted ON contacts
WHEN NOT EXISTS (SELECT 1 FROM search_paused) AND (OLD.deleted IS NOT NEW.deleted
  OR OLD.name IS NOT NEW.name
  OR coalesce(OLD.email,'') || ' ' || coalesce(OLD.title,'')
    IS NOT coalesce(NEW.email,'') || ' ' || coalesce(NEW.title,'')) BEGIN
  INSERT INTO search_pending(doc, del, title, body) SELECT OLD.rid + 2199023255552, 1, OLD.name,
      coalesce(OLD.email,'') || ' ' || coalesce(OLD.title,'') WHERE OLD.deleted = 0;
  INSERT INTO search_pending(doc, del) SELECT NEW.rid + 2199023255552, 0 WHERE NEW.deleted = 0;
END;
CREATE TRIGGER deals_search_ins AFTER INSERT ON deals
WHEN NEW.deleted = 0 AND NOT EXISTS (SELECT 1 FROM search_paused) BEGIN
  INSERT INTO search_pending(doc, del) VALUES (NEW.rid + 3298534883328, 0);
END;
CREATE TRIGGER deals_search_upd AFTER UPDATE OF title, stage, owner, deleted ON deals
WHEN NOT EXISTS (SELECT 1 FROM search_paused) AND (OLD.deleted IS NOT NEW.deleted
  OR OLD.title IS NOT NEW.title
  OR coalesce(OLD.stage,'') || ' ' || coalesce(OLD.owner,'')
    IS NOT coalesce(NEW.stage,'') || ' ' || coalesce(NEW.owner,'')) BEGIN
  INSERT INTO search_pending(doc, del, title, body) SELECT OLD.rid + 3298534883328, 1, OLD.title,
      coalesce(OLD.stage,'') || ' ' || coalesce(OLD.owner,'') WHERE OLD.deleted = 0;
  INSERT INTO search_pending(doc, del) SELECT NEW.rid + 3298534883328, 0 WHERE NEW.deleted = 0;
END;
CREATE TRIGGER notes_search_ins AFTER INSERT ON notes
WHEN NEW.deleted = 0 AND NOT EXISTS (SELECT 1 FROM search_paused) BEGIN
  INSERT INTO search_pending(doc, del) VALUES (NEW.rid + 4398046511104, 0);
END;
CREATE TRIGGER notes_search_upd AFTER UPDATE OF text, deleted ON notes
WHEN NOT EXISTS (SELECT 1 FROM search_paused) AND (OLD.deleted IS NOT NEW.deleted
  OR OLD.text IS NOT NEW.text) BEGIN
  INSERT INTO search_pending(doc, del, title, body) SELECT OLD.rid + 4398046511104, 1, '',
      OLD.text WHERE OLD.deleted = 0;
  INSERT INTO search_pending(doc, del) SELECT NEW.rid + 4398046511104, 0 WHERE NEW.deleted = 0;
END;
