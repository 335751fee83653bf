-- 0001: articles, their original bytes, and the full-text index.
CREATE TABLE articles (
    id             INTEGER PRIMARY KEY,
    title          TEXT NOT NULL,
    headline       TEXT NOT NULL DEFAULT '',
    published      TEXT NOT NULL DEFAULT '',  -- ISO 8601, '' when unknown
    published_text TEXT NOT NULL DEFAULT '',  -- the date as the source wrote it
    byline         TEXT NOT NULL DEFAULT '',
    source         TEXT NOT NULL DEFAULT '',
    url            TEXT NOT NULL DEFAULT '',
    language       TEXT NOT NULL DEFAULT '',
    body           TEXT NOT NULL,
    summary_only   INTEGER NOT NULL DEFAULT 0,
    content_hash   TEXT NOT NULL UNIQUE,
    origin         TEXT NOT NULL,
    imported_at    TEXT NOT NULL              -- RFC 3339, UTC
);
CREATE INDEX articles_published ON articles (published);
CREATE INDEX articles_source ON articles (source);
CREATE INDEX articles_title ON articles (title);

CREATE TABLE originals (
    article_id   INTEGER PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
    content_type TEXT NOT NULL DEFAULT '',
    data         BLOB NOT NULL
);

CREATE VIRTUAL TABLE articles_fts USING fts5 (
    title, headline, body,
    content = 'articles', content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 2'
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
