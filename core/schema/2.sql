-- Version 2: full-text search over deals, accounts, contacts and notes. Contentless FTS5 (the text
-- lives once, in its table); the row id is the source row's rid * 8 + a kind digit: 1 account,
-- 2 contact, 3 deal, 4 note. Version 4 replaces it with two indexes fed from a queue.
CREATE VIRTUAL TABLE search_index USING fts5(
  title, body, content = '',
  tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3');
CREATE TRIGGER accounts_search_ins AFTER INSERT ON accounts
WHEN NEW.deleted = 0 BEGIN
  INSERT INTO search_index(rowid, title, body) VALUES (NEW.rid * 8 + 1, NEW.name,
      coalesce(NEW.industry,'') || ' ' || coalesce(NEW.city,''));
END;
CREATE TRIGGER accounts_search_upd AFTER UPDATE OF name, industry, city, deleted ON accounts BEGIN
  INSERT INTO search_index(search_index, rowid, title, body) SELECT 'delete', OLD.rid * 8 + 1,
      OLD.name, coalesce(OLD.industry,'') || ' ' || coalesce(OLD.city,'') WHERE OLD.deleted = 0;
  INSERT INTO search_index(rowid, title, body) SELECT NEW.rid * 8 + 1, NEW.name,
      coalesce(NEW.industry,'') || ' ' || coalesce(NEW.city,'') WHERE NEW.deleted = 0;
END;
INSERT INTO search_index(rowid, title, body) SELECT rid * 8 + 1, name,
    coalesce(industry,'') || ' ' || coalesce(city,'') FROM accounts WHERE deleted = 0;
CREATE TRIGGER contacts_search_ins AFTER INSERT ON contacts
WHEN NEW.deleted = 0 BEGIN
  INSERT INTO search_index(rowid, title, body) VALUES (NEW.rid * 8 + 2, NEW.name,
      coalesce(NEW.email,'') || ' ' || coalesce(NEW.title,''));
END;
CREATE TRIGGER contacts_search_upd AFTER UPDATE OF name, email, title, deleted ON contacts BEGIN
  INSERT INTO search_index(search_index, rowid, title, body) SELECT 'delete', OLD.rid * 8 + 2,
      OLD.name, coalesce(OLD.email,'') || ' ' || coalesce(OLD.title,'') WHERE OLD.deleted = 0;
  INSERT INTO search_index(rowid, title, body) SELECT NEW.rid * 8 + 2, NEW.name,
      coalesce(NEW.email,'') || ' ' || coalesce(NEW.title,'') WHERE NEW.deleted = 0;
END;
INSERT INTO search_index(rowid, title, body) SELECT rid * 8 + 2, name,
    coalesce(email,'') || ' ' || coalesce(title,'') FROM contacts WHERE deleted = 0;
CREATE TRIGGER deals_search_ins AFTER INSERT ON deals
WHEN NEW.deleted = 0 BEGIN
  INSERT INTO search_index(rowid, title, body) VALUES (NEW.rid * 8 + 3, NEW.title,
      coalesce(NEW.stage,'') || ' ' || coalesce(NEW.owner,''));
END;
CREATE TRIGGER deals_search_upd AFTER UPDATE OF title, stage, owner, deleted ON deals BEGIN
  INSERT INTO search_index(search_index, rowid, title, body) SELECT 'delete', OLD.rid * 8 + 3,
      OLD.title, coalesce(OLD.stage,'') || ' ' || coalesce(OLD.owner,'') WHERE OLD.deleted = 0;
  INSERT INTO search_index(rowid, title, body) SELECT NEW.rid * 8 + 3, NEW.title,
      coalesce(NEW.stage,'') || ' ' || coalesce(NEW.owner,'') WHERE NEW.deleted = 0;
END;
INSERT INTO search_index(rowid, title, body) SELECT rid * 8 + 3, title,
    coalesce(stage,'') || ' ' || coalesce(owner,'') FROM deals WHERE deleted = 0;
CREATE TRIGGER notes_search_ins AFTER INSERT ON notes
WHEN NEW.deleted = 0 BEGIN
  INSERT INTO search_index(rowid, title, body) VALUES (NEW.rid * 8 + 4, '', NEW.text);
END;
CREATE TRIGGER notes_search_upd AFTER UPDATE OF text, deleted ON notes BEGIN
  INSERT INTO search_index(search_index, rowid, title, body) SELECT 'delete', OLD.rid * 8 + 4, '',
      OLD.text WHERE OLD.deleted = 0;
  INSERT INTO search_index(rowid, title, body) SELECT NEW.rid * 8 + 4, '', NEW.text
      WHERE NEW.deleted = 0;
END;
INSERT INTO search_index(rowid, title, body) SELECT rid * 8 + 4, '', text FROM notes
    WHERE deleted = 0;
