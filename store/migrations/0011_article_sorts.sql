-- 0011: the article list's title and source orders read an index instead of
-- sorting the whole table for every page (seconds at 100k articles, tens of
-- seconds at a million). The expressions are those of Store.Articles' ORDER BY.
CREATE INDEX articles_title_nocase ON articles (title COLLATE NOCASE, id);
CREATE INDEX articles_source_sort ON articles (source = '', source COLLATE NOCASE, published DESC, id);
