-- 0013: a full-text index of the titles alone, for the palette of a large
-- archive, which finds titles by the words typed (store.FindTitles) instead
-- of keeping them all in memory. A column filter on articles_fts would do,
-- but it walks the postings of every column: two words common in bodies
-- ("in january") took 50-120 ms at 100k articles, against 1-2 ms here.
-- About 50 bytes a title on disk. Filled from the title index (0011), not
-- the table, so that the migration reads titles only.
CREATE VIRTUAL TABLE titles_fts USING fts5 (
    title,
    content = 'articles', content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 2',
    prefix = '2 3'
);
CREATE TRIGGER titles_fts_insert AFTER INSERT ON articles BEGIN
    INSERT INTO titles_fts (rowid, title) VALUES (new.id, new.title);
END;
CREATE TRIGGER titles_fts_delete AFTER DELETE ON articles BEGIN
    INSERT INTO titles_fts (titles_fts, rowid, title) VALUES ('delete', old.id, old.title);
END;
CREATE TRIGGER titles_fts_update AFTER UPDATE OF title ON articles BEGIN
    INSERT INTO titles_fts (titles_fts, rowid, title) VALUES ('delete', old.id, old.title);
    INSERT INTO titles_fts (rowid, title) VALUES (new.id, new.title);
END;
INSERT INTO titles_fts (rowid, title) SELECT id, title FROM articles INDEXED BY articles_title_nocase;
