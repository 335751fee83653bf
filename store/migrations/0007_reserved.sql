-- 0007: reserved for another branch (wt-srcw's 0007_sources.sql). This file
-- only keeps the sequence whole on the wt-work branch: delete it at merge.
SELECT 1;
