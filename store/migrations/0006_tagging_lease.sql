-- 0006: leases on the tagging queue. A worker claims pending rows until
-- lease_until (unix milliseconds); a lease that ends unfinished (its worker
-- died) lets another worker claim the rows.
ALTER TABLE tagging ADD COLUMN lease_owner TEXT NOT NULL DEFAULT '';
ALTER TABLE tagging ADD COLUMN lease_until INTEGER NOT NULL DEFAULT 0;

-- A new body makes the article wait for tagging again and ends any lease on
-- it, so a worker's results for the old body are not saved.
DROP TRIGGER articles_tagging_body;
CREATE TRIGGER articles_tagging_body AFTER UPDATE OF body ON articles BEGIN
    UPDATE tagging SET state = 'pending', lease_owner = '', lease_until = 0 WHERE article_id = new.id;
END;
