-- 0003: the web: fetched versions of stories, feed subscriptions, and SimHash
-- fingerprints for near-duplicate detection.
CREATE INDEX articles_url ON articles (url);
CREATE INDEX articles_origin ON articles (origin);

-- Every fetched version of a story, oldest first. The article holds the
-- newest version's text; its original holds the newest bytes.
CREATE TABLE snapshots (
    id           INTEGER PRIMARY KEY,
    article_id   INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    url          TEXT NOT NULL DEFAULT '',
    title        TEXT NOT NULL DEFAULT '',
    fetched_at   TEXT NOT NULL,             -- RFC 3339, UTC
    content_hash TEXT NOT NULL,
    content_type TEXT NOT NULL DEFAULT '',
    data         BLOB NOT NULL
);
CREATE INDEX snapshots_article ON snapshots (article_id, id);

-- Feed subscriptions: a URL, or an absolute file path for a saved feed.
CREATE TABLE feeds (
    id           INTEGER PRIMARY KEY,
    url          TEXT NOT NULL UNIQUE,
    title        TEXT NOT NULL DEFAULT '',
    site         TEXT NOT NULL DEFAULT '',  -- the feed's home page link
    added_at     TEXT NOT NULL,             -- RFC 3339, UTC
    last_fetched TEXT NOT NULL DEFAULT '',  -- RFC 3339, UTC; '' when never
    last_error   TEXT NOT NULL DEFAULT ''
);

-- The items of each feed already pulled, by GUID (or link), so that a
-- refresh pulls only new ones.
CREATE TABLE feed_items (
    feed_id    INTEGER NOT NULL REFERENCES feeds (id) ON DELETE CASCADE,
    guid       TEXT NOT NULL,
    article_id INTEGER REFERENCES articles (id) ON DELETE SET NULL,
    seen_at    TEXT NOT NULL,               -- RFC 3339, UTC
    PRIMARY KEY (feed_id, guid)
) WITHOUT ROWID;

-- SimHash of each article's body (the bits of the uint64 as a signed
-- integer). Rows are written by the importer and recomputed lazily: a body
-- change drops the row, and readers fill in the missing ones.
CREATE TABLE fingerprints (
    article_id INTEGER PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
    simhash    INTEGER NOT NULL
);
CREATE TRIGGER articles_fingerprint_body AFTER UPDATE OF body ON articles BEGIN
    DELETE FROM fingerprints WHERE article_id = new.id;
END;
