-- Dossier schema version 7: filter as you type with one or two letters through an index. The
-- trigram index (employees_fts) answers three letters and more; below that, each word of the
-- folded search key is indexed with its first one and two letters, so "ma" finds "Martin" and
-- "Maes" without reading every row.
CREATE VIRTUAL TABLE employees_words USING fts5 (
    search_key, content = 'employees', content_rowid = 'id', tokenize = 'unicode61', prefix = '1 2'
);
INSERT INTO employees_words (employees_words) VALUES ('rebuild');
CREATE TRIGGER employees_words_insert AFTER INSERT ON employees BEGIN
    INSERT INTO employees_words (rowid, search_key) VALUES (new.id, new.search_key);
END;
CREATE TRIGGER employees_words_delete AFTER DELETE ON employees BEGIN
    INSERT INTO employees_words (employees_words, rowid, search_key) VALUES ('delete', old.id, old.search_key);
END;
CREATE TRIGGER employees_words_update AFTER UPDATE OF search_key ON employees BEGIN
    INSERT INTO employees_words (employees_words, rowid, search_key) VALUES ('delete', old.id, old.search_key);
    INSERT INTO employees_words (rowid, search_key) VALUES (new.id, new.search_key);
END;
