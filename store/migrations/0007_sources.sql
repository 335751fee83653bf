-- 0007: where every article came from (provenance), and feeds that run
-- themselves: a refresh interval, the next time due, the conditional GET
-- validators, failures with backoff, retention and the fetch-full option.

-- One row per way an article reached the archive: a file, a URL, a feed,
-- a WARC record, a PDF. An article captured several times (snapshots, a
-- second WARC) has several rows, oldest first.
CREATE TABLE provenance (
    id             INTEGER PRIMARY KEY,
    article_id     INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    kind           TEXT NOT NULL,            -- file, url, feed, warc, pdf, export
    source         TEXT NOT NULL DEFAULT '', -- file path, feed URL or archive file
    url            TEXT NOT NULL DEFAULT '', -- the page's URL (WARC-Target-URI, item link)
    record_id      TEXT NOT NULL DEFAULT '', -- WARC-Record-ID
    payload_digest TEXT NOT NULL DEFAULT '', -- WARC-Payload-Digest
    captured_at    TEXT NOT NULL DEFAULT '', -- RFC 3339, UTC: WARC-Date or fetch time
    added_at       TEXT NOT NULL,            -- RFC 3339, UTC
    UNIQUE (article_id, kind, source, url, record_id)
);

ALTER TABLE feeds ADD COLUMN interval_seconds INTEGER NOT NULL DEFAULT 3600;
ALTER TABLE feeds ADD COLUMN next_due TEXT NOT NULL DEFAULT '';      -- RFC 3339, UTC; '' when due now
ALTER TABLE feeds ADD COLUMN etag TEXT NOT NULL DEFAULT '';
ALTER TABLE feeds ADD COLUMN last_modified TEXT NOT NULL DEFAULT '';
ALTER TABLE feeds ADD COLUMN failures INTEGER NOT NULL DEFAULT 0;     -- failed refreshes in a row
ALTER TABLE feeds ADD COLUMN retention_days INTEGER NOT NULL DEFAULT 0; -- 0 keeps items for ever
ALTER TABLE feeds ADD COLUMN fetch_full INTEGER NOT NULL DEFAULT 1;   -- fetch the page behind each item
ALTER TABLE feeds ADD COLUMN folder TEXT NOT NULL DEFAULT '';         -- OPML folder path, one name a line
ALTER TABLE feeds ADD COLUMN categories TEXT NOT NULL DEFAULT '';     -- OPML categories, one a line
