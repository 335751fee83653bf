-- 0006: the article list's title and source orders read an index instead of
-- sorting the whole table for every page (SQLite's 0011).
CREATE INDEX articles_title_nocase ON articles (title COLLATE nocase, id);
CREATE INDEX articles_source_sort ON articles ((source = ''), source COLLATE nocase, published DESC, id);
