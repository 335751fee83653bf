package store

import (
	"context"
	"errors"
	"fmt"
)

// Bulk loading. Filling a new archive with hundreds of thousands of
// articles (the synthetic archives of the benchmarks) is bound by the
// full-text index: FTS5 keeps the words of a transaction in a hash of at
// most 1 MB by default and writes a new segment each time it fills, then
// merges segments as they pile up, so a 2,000-article transaction writes
// several segments that are merged again and again. During a bulk load the
// hash holds a whole transaction, segments are merged less eagerly, the
// writer keeps a large page cache (the indexes of a million articles do
// not fit the default 2 MB) and does not wait for the disk; at the end the
// index is merged into one segment (optimize), which also makes lookups
// by article (see search_large.go) several times faster.

// Bulk-load settings.
const (
	bulkCacheKB   = 256 << 10 // the writer's page cache during a bulk load
	bulkHashBytes = 64 << 20  // FTS5 pending-word hash (default 1 MB)
	bulkAutomerge = 16        // segments of a level merged at once (default 4)
	ftsAutomerge  = 4         // FTS5's default, restored after a bulk load
	ftsHashBytes  = 1 << 20
)

// BeginBulk prepares a SQLite archive for a bulk load and returns the
// function that ends it (merging the full-text index into one segment
// when optimize is set). It gives up durability until then: for a file
// that is thrown away when the load fails, never for an archive in use.
// On PostgreSQL it does nothing.
func (s *Store) BeginBulk(ctx context.Context) (end func(ctx context.Context, optimize bool) error, err error) {
	if s.Postgres() {
		return func(context.Context, bool) error { return nil }, nil
	}
	set := func(ctx context.Context, cacheKB, hash, automerge int, sync string) error {
		for _, q := range []string{
			fmt.Sprintf(`PRAGMA cache_size = -%d`, cacheKB),
			`PRAGMA synchronous = ` + sync,
			fmt.Sprintf(`INSERT INTO articles_fts (articles_fts, rank) VALUES ('hashsize', %d)`, hash),
			fmt.Sprintf(`INSERT INTO articles_fts (articles_fts, rank) VALUES ('automerge', %d)`, automerge),
		} {
			if _, err := s.w.ExecContext(ctx, q); err != nil {
				return fmt.Errorf("bulk load: %s: %w", q, err)
			}
		}
		return nil
	}
	if err := set(ctx, bulkCacheKB, bulkHashBytes, bulkAutomerge, "OFF"); err != nil {
		return nil, err
	}
	return func(ctx context.Context, optimize bool) error {
		var errs []error
		if optimize {
			errs = append(errs, s.OptimizeIndex(ctx))
		}
		errs = append(errs, set(ctx, 2000, ftsHashBytes, ftsAutomerge, "NORMAL"))
		return errors.Join(errs...)
	}, nil
}

// OptimizeIndex merges the full-text index into one segment and updates
// the query planner's statistics: after a bulk load, searches look
// articles up several times faster. On PostgreSQL it analyzes the tables.
func (s *Store) OptimizeIndex(ctx context.Context) error {
	qs := []string{`INSERT INTO articles_fts (articles_fts) VALUES ('optimize')`,
		`INSERT INTO titles_fts (titles_fts) VALUES ('optimize')`, `PRAGMA optimize`,
		`PRAGMA wal_checkpoint(TRUNCATE)`}
	if s.Postgres() {
		qs = []string{`ANALYZE`}
	}
	for _, q := range qs {
		if _, err := s.w.ExecContext(ctx, q); err != nil {
			return fmt.Errorf("optimize the index: %s: %w", q, err)
		}
	}
	return nil
}
