-- 0002: index the words SQLite's unicode61 tokenizer finds, runs of letters
-- and digits, so that a search matches the same articles on both backends.
-- PostgreSQL's parser reads "U.S." as a file name, "3.5" as one number,
-- "news.bbc.co.uk" as one host, "-52" as a signed number, drops "<b>" as a
-- tag, and indexes "well-known" as well-known, well and known, which moves
-- every later word one place and breaks phrases across it ("the well").
-- ASCII punctuation and symbols are made spaces before parsing (none of the
-- parser's special tokens is left to find); other characters are letters or
-- spaces to the parser as to unicode61. Words with digits lose their accents
-- too, as other words do.
ALTER TEXT SEARCH CONFIGURATION newsarchive
    ALTER MAPPING FOR numword WITH unaccent, simple;

DROP INDEX articles_fts;
ALTER TABLE articles DROP COLUMN fts;
-- 32 characters are replaced by 32 spaces: !"#$%&'()*+,-./:;<=>?@[\]^_`{|}~
ALTER TABLE articles ADD COLUMN fts tsvector GENERATED ALWAYS AS (
    to_tsvector('newsarchive', translate(title, '!"#$%&''()*+,-./:;<=>?@[\]^_`{|}~', '                                ')) ||
    to_tsvector('newsarchive', translate(headline, '!"#$%&''()*+,-./:;<=>?@[\]^_`{|}~', '                                ')) ||
    to_tsvector('newsarchive', translate(left(body, 400000), '!"#$%&''()*+,-./:;<=>?@[\]^_`{|}~', '                                '))) STORED;
CREATE INDEX articles_fts ON articles USING gin (fts);
