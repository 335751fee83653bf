-- 0012: the watermark of the archive's evidence at its last archive-level
-- resolution (store/resolve_apply.go), so that a process finding the same
-- evidence skips re-deciding it, whichever process resolved it.
CREATE TABLE resolution (
	id        INTEGER PRIMARY KEY CHECK (id = 1),
	watermark TEXT NOT NULL
);
