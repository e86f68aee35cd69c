-- Schema 7: client search on the engines' own text indexes (issue 11). A name word matches
-- where a part of the name starts with it (' ' || search_text LIKE '% word%'), a phone search
-- anywhere in the digits (phone_digits LIKE '%digits%'); both are substring patterns, which a
-- trigram index answers without reading every client. Kept in step with clients in the same
-- transaction: by triggers on SQLite, by the table's own index on PostgreSQL.

--@sqlite
CREATE VIRTUAL TABLE client_search USING fts5(name_text, phone_text, tokenize = 'trigram');
INSERT INTO client_search (rowid, name_text, phone_text)
  SELECT rowid, ' ' || search_text, phone_digits FROM clients;
CREATE TRIGGER client_search_insert AFTER INSERT ON clients BEGIN
  INSERT INTO client_search (rowid, name_text, phone_text) VALUES (new.rowid, ' ' || new.search_text, new.phone_digits); END;
CREATE TRIGGER client_search_update AFTER UPDATE OF search_text, phone_digits ON clients BEGIN
  UPDATE client_search SET name_text = ' ' || new.search_text, phone_text = new.phone_digits WHERE rowid = old.rowid; END;
CREATE TRIGGER client_search_delete AFTER DELETE ON clients BEGIN
  DELETE FROM client_search WHERE rowid = old.rowid; END;

--@postgresql
-- pg_trgm is a trusted extension (contrib, part of Debian's postgresql package): the
-- database owner may create it. It lives in public so that every schema finds it.
CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA public;
CREATE INDEX clients_search_trgm ON clients USING gin ((' ' || search_text) public.gin_trgm_ops);
CREATE INDEX clients_phone_trgm ON clients USING gin (phone_digits public.gin_trgm_ops);
