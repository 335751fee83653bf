-- 0009: the cue the tagger found for each mention's name in its article,
-- evidence for the archive-level resolution; see the SQLite migration 0013.
ALTER TABLE mentions ADD COLUMN tag_cue TEXT COLLATE "C" NOT NULL DEFAULT '';
