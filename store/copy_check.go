package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
)

// The checks around Copy: that its two ends are two archives, that the
// destination is empty or an interrupted copy of the source, and that the
// copy ends with as many rows as the source has.

// sameArchive reports whether a and b are one archive: the same file, or
// the same schema of the same database on the same running server.
func sameArchive(ctx context.Context, a, b *Store) (bool, error) {
	if a.d != b.d {
		return false, nil
	}
	return a.d.sameArchive(ctx, a, b)
}

// checkDest refuses a destination that is neither empty nor a copy of the
// source stopped midway: for every table keyed by one column, the rows the
// destination holds must be as many as the source has up to the
// destination's highest key, and its articles the source's (same ids, same
// content hashes).
func (c *copier) checkDest(ctx context.Context) error {
	for _, t := range copyTables {
		if t.keyCols > 1 || t.upsert {
			continue // their rows hang on rows of the tables checked
		}
		key := t.cols[0].name
		var last sql.NullInt64
		var have int64
		if err := c.dst.w.QueryRowContext(ctx, `SELECT max(`+key+`), count(*) FROM `+t.name).Scan(&last, &have); err != nil {
			return fmt.Errorf("read %s: %w", c.dst.Path(), err)
		}
		if !last.Valid {
			continue
		}
		var want int64
		if err := c.tx.QueryRowContext(ctx, `SELECT count(*) FROM `+t.name+` WHERE `+key+` <= ?`, last.Int64).Scan(&want); err != nil {
			return fmt.Errorf("read %s: %w", c.src.Path(), err)
		}
		if have != want {
			return c.notCopy(fmt.Sprintf("it has %d %s rows up to %s %d, the source %d", have, t.name, key, last.Int64, want))
		}
		if err := c.checkLastRow(ctx, &t, last.Int64); err != nil {
			return err
		}
		if t.name == "articles" {
			if err := c.checkArticles(ctx, last.Int64); err != nil {
				return err
			}
		}
	}
	return nil
}

// checkLastRow compares the row with key last in both archives, column by
// column.
func (c *copier) checkLastRow(ctx context.Context, t *copyTable, last int64) error {
	q := `SELECT ` + t.colList() + ` FROM ` + t.name + ` WHERE ` + t.cols[0].name + ` = ?`
	read := func(db querier) ([]any, error) {
		rows, err := db.QueryContext(ctx, q, last)
		if err != nil {
			return nil, err
		}
		defer rows.Close()
		if !rows.Next() {
			return nil, rows.Err()
		}
		row, _, err := newRowScanner(t, nil).scan(rows)
		return row, err
	}
	mine, err := read(c.dst.w)
	if err != nil {
		return fmt.Errorf("read %s: %w", c.dst.Path(), err)
	}
	theirs, err := read(c.tx)
	if err != nil {
		return fmt.Errorf("read %s: %w", c.src.Path(), err)
	}
	if theirs == nil || fmt.Sprintf("%#v", mine) != fmt.Sprintf("%#v", theirs) {
		return c.notCopy(fmt.Sprintf("its %s is not the source's", t.describe(mine)))
	}
	return nil
}

// checkArticles compares the ids and content hashes of the destination's
// articles, up to last, with the source's.
func (c *copier) checkArticles(ctx context.Context, last int64) error {
	const q = `SELECT id, content_hash FROM articles WHERE id <= ? ORDER BY id`
	dr, err := c.dst.r.QueryContext(ctx, q, last)
	if err != nil {
		return fmt.Errorf("read %s: %w", c.dst.Path(), err)
	}
	defer dr.Close()
	sr, err := c.tx.QueryContext(ctx, q, last)
	if err != nil {
		return fmt.Errorf("read %s: %w", c.src.Path(), err)
	}
	defer sr.Close()
	for dr.Next() {
		var did, sid int64
		var dh, sh string
		if err := dr.Scan(&did, &dh); err != nil {
			return err
		}
		if !sr.Next() {
			return errors.Join(sr.Err(), c.notCopy(fmt.Sprintf("the source has no article %d", did)))
		}
		if err := sr.Scan(&sid, &sh); err != nil {
			return err
		}
		if did != sid || dh != sh {
			return c.notCopy(fmt.Sprintf("its article %d is not the source's", min(did, sid)))
		}
	}
	return errors.Join(dr.Err(), sr.Err())
}

// notCopy reports a destination that is not a copy of the source.
func (c *copier) notCopy(why string) error {
	return fmt.Errorf("%w: it is neither empty nor a copy stopped midway (%s); copy into a new, empty archive", ErrNotCopy, why)
}

// compareCounts checks that every table of the destination has as many
// rows as the source's.
func (c *copier) compareCounts(ctx context.Context) error {
	for _, t := range copyTables {
		var n int64
		if err := c.dst.w.QueryRowContext(ctx, `SELECT count(*) FROM `+t.name).Scan(&n); err != nil {
			return fmt.Errorf("count the rows copied: %w", err)
		}
		if want := c.totals[t.name]; n != want {
			return fmt.Errorf("the copy has %d rows in %s where the source has %d: the source or the copy changed "+
				"since the copy began (a resumed copy does not see rows deleted meanwhile); copy again into a new, empty archive",
				n, t.name, want)
		}
	}
	return nil
}
