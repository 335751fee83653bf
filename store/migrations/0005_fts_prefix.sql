-- 0005: 2- and 3-letter prefix indexes, so "th*" costs what a word does,
-- and an index that lists articles newest first without sorting.
-- (measured at 46k articles: 164 ms -> 17 ms; file about +30%).
DROP TRIGGER articles_fts_insert;
DROP TRIGGER articles_fts_delete;
DROP TRIGGER articles_fts_update;
DROP TABLE articles_fts;
CREATE VIRTUAL TABLE articles_fts USING fts5 (
    title, headline, body,
    content = 'articles', content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 2',
    prefix = '2 3'
);
CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
    INSERT INTO articles_fts (rowid, title, headline, body) VALUES (new.id, new.title, new.headline, new.body);
END;
CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
    INSERT INTO articles_fts (articles_fts, rowid, title, headline, body) VALUES ('delete', old.id, old.title, old.headline, old.body);
END;
CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, headline, body ON articles BEGIN
    INSERT INTO articles_fts (articles_fts, rowid, title, headline, body) VALUES ('delete', old.id, old.title, old.headline, old.body);
    INSERT INTO articles_fts (rowid, title, headline, body) VALUES (new.id, new.title, new.headline, new.body);
END;
INSERT INTO articles_fts (articles_fts) VALUES ('rebuild');

DROP INDEX articles_published;
CREATE INDEX articles_published_id ON articles (published, id);
