-- 0006: leases on the tagging queue. A worker claims pending rows until
-- lease_until (unix milliseconds); a lease that ends unfinished (its worker
-- died) lets another worker claim the rows.
ALTER TABLE tagging ADD COLUMN lease_owner TEXT NOT NULL DEFAULT '';
ALTER TABLE tagging ADD COLUMN lease_until INTEGER NOT NULL DEFAULT 0;
