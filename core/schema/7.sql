-- Version 7: the records' search update triggers queue one row instead of two. The doc's first
-- queued entry already says all indexPendingSearch needs: in the index with this text (del = 1),
-- or not (del = 0); it indexes every queued doc whose row is live. The trigger fires when one of
-- the columns changed (comparing them costs less than building both texts); indexPendingSearch
-- leaves a doc whose text did not change. Merging 10,000 remote changes spent a third of a deal's
-- update in this trigger.
DROP TRIGGER accounts_search_upd;
DROP TRIGGER contacts_search_upd;
DROP TRIGGER deals_search_upd;
DROP TRIGGER notes_search_upd;
CREATE TRIGGER accounts_search_upd AFTER UPDATE OF name, industry, city, deleted ON accounts
WHEN (OLD.deleted = 0 OR NEW.deleted = 0) AND (OLD.deleted IS NOT NEW.deleted
  OR OLD.name IS NOT NEW.name OR OLD.industry IS NOT NEW.industry OR OLD.city IS NOT NEW.city)
BEGIN
  INSERT INTO search_pending(doc, del, title, body) VALUES (OLD.rid + 1099511627776,
    OLD.deleted = 0, OLD.name, coalesce(OLD.industry,'') || ' ' || coalesce(OLD.city,''));
END;
CREATE TRIGGER contacts_search_upd AFTER UPDATE OF name, email, title, deleted ON contacts
WHEN (OLD.deleted = 0 OR NEW.deleted = 0) AND (OLD.deleted IS NOT NEW.deleted
  OR OLD.name IS NOT NEW.name OR OLD.email IS NOT NEW.email OR OLD.title IS NOT NEW.title)
BEGIN
  INSERT INTO search_pending(doc, del, title, body) VALUES (OLD.rid + 2199023255552,
    OLD.deleted = 0, OLD.name, coalesce(OLD.email,'') || ' ' || coalesce(OLD.title,''));
END;
CREATE TRIGGER deals_search_upd AFTER UPDATE OF title, stage, owner, deleted ON deals
WHEN (OLD.deleted = 0 OR NEW.deleted = 0) AND (OLD.deleted IS NOT NEW.deleted
  OR OLD.title IS NOT NEW.title OR OLD.stage IS NOT NEW.stage OR OLD.owner IS NOT NEW.owner)
BEGIN
  INSERT INTO search_pending(doc, del, title, body) VALUES (OLD.rid + 3298534883328,
    OLD.deleted = 0, OLD.title, coalesce(OLD.stage,'') || ' ' || coalesce(OLD.owner,''));
END;
CREATE TRIGGER notes_search_upd AFTER UPDATE OF text, deleted ON notes
WHEN (OLD.deleted = 0 OR NEW.deleted = 0) AND (OLD.deleted IS NOT NEW.deleted
  OR OLD.text IS NOT NEW.text)
BEGIN
  INSERT INTO search_pending(doc, del, title, body) VALUES (OLD.rid + 4398046511104,
    OLD.deleted = 0, '', OLD.text);
END;
