-- 0010: the full-text index's vocabulary, one row per indexed word, so that
-- a search can turn a long prefix ("econ*", longer than the 2- and
-- 3-letter prefix indexes) into the few words it stands for: FTS5 would
-- otherwise merge their postings whole for every lookup (see
-- store/search_prefix.go). It stores nothing: it reads articles_fts.
CREATE VIRTUAL TABLE articles_fts_vocab USING fts5vocab (articles_fts, row);
