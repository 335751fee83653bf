-- 0007: the watermark of the archive's evidence at its last archive-level
-- resolution (SQLite's 0012).
CREATE TABLE resolution (
	id        INTEGER PRIMARY KEY CHECK (id = 1),
	watermark TEXT NOT NULL
);
