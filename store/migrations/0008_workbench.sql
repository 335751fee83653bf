-- 0008: the research workbench: highlights on articles, collections of
-- articles, and watches (saved searches that count new coverage).

-- A highlight anchors a passage of an article's body as W3C Web Annotation
-- does: the exact quote with some text before and after it
-- (TextQuoteSelector) and its byte offsets (TextPositionSelector).
-- anchored_hash is the article's content hash when the offsets were last
-- checked; when the body changes the highlight is anchored again, and
-- orphaned (kept, flagged) when its quote is no longer found.
CREATE TABLE highlights (
    id            INTEGER PRIMARY KEY,
    article_id    INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    quote         TEXT NOT NULL,
    prefix        TEXT NOT NULL DEFAULT '',
    suffix        TEXT NOT NULL DEFAULT '',
    start         INTEGER NOT NULL,
    "end"         INTEGER NOT NULL,
    anchored_hash TEXT NOT NULL DEFAULT '',
    orphaned      INTEGER NOT NULL DEFAULT 0,
    color         TEXT NOT NULL,
    note          TEXT NOT NULL DEFAULT '',
    author        TEXT NOT NULL DEFAULT '',
    created_at    TEXT NOT NULL,  -- RFC 3339, UTC
    updated_at    TEXT NOT NULL
);
CREATE INDEX highlights_article ON highlights (article_id);

CREATE TABLE highlight_tags (
    highlight_id INTEGER NOT NULL REFERENCES highlights (id) ON DELETE CASCADE,
    tag          TEXT NOT NULL COLLATE NOCASE,
    PRIMARY KEY (highlight_id, tag)
) WITHOUT ROWID;

-- A collection is a named set of articles; one made from a search records
-- the query, its filters (JSON) and when it was run.
CREATE TABLE collections (
    id             INTEGER PRIMARY KEY,
    name           TEXT NOT NULL UNIQUE COLLATE NOCASE,
    description    TEXT NOT NULL DEFAULT '',
    created_at     TEXT NOT NULL,
    search_query   TEXT NOT NULL DEFAULT '',
    search_filters TEXT NOT NULL DEFAULT '',
    search_at      TEXT NOT NULL DEFAULT ''
);

CREATE TABLE collection_articles (
    collection_id INTEGER NOT NULL REFERENCES collections (id) ON DELETE CASCADE,
    article_id    INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    added_at      TEXT NOT NULL,
    PRIMARY KEY (collection_id, article_id)
) WITHOUT ROWID;
CREATE INDEX collection_articles_article ON collection_articles (article_id);

-- A watch is a saved search; the articles above seen_max_id that match it
-- are its new ones.
CREATE TABLE watches (
    id          INTEGER PRIMARY KEY,
    name        TEXT NOT NULL UNIQUE COLLATE NOCASE,
    query       TEXT NOT NULL,
    filters     TEXT NOT NULL DEFAULT '',
    created_at  TEXT NOT NULL,
    opened_at   TEXT NOT NULL DEFAULT '',
    seen_max_id INTEGER NOT NULL DEFAULT 0
);
