-- 0011: reserved for another branch. This file only keeps the sequence
-- whole on the wt-nerw branch: delete it at merge.
SELECT 1;
