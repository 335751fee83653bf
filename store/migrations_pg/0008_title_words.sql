-- 0008: the words of each title alone, for the palette of a large archive,
-- which finds titles by the words typed (store.FindTitles) instead of
-- keeping them all in memory. The fts column mixes title, headline and
-- body; this indexes the title's part of it, the same expression (SQLite
-- filters its full-text index by column instead).
CREATE INDEX articles_title_words ON articles USING gin (
    to_tsvector('newsarchive'::regconfig, translate(title, '!"#$%&''()*+,-./:;<=>?@[\]^_`{|}~', '                                ')));
