package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"
)

// Copy moves a whole archive between backends (SQLite to PostgreSQL, back,
// or file to file): every table, row for row, keeping ids. The source is
// read in one read transaction, so the copy is the archive as it was when
// the copy began; the destination is written in batches, each one write
// transaction. A copy stopped midway (its context ended, the process was
// killed) is resumed by running it again: each table goes on after the
// highest key the destination holds.

// CopyProgress is the state of a running copy.
type CopyProgress struct {
	Table  string // the table being copied
	Done   int64  // its rows copied so far, including those an interrupted run copied
	Total  int64  // its rows in the source
	Copied int64  // rows this run wrote into it (tagging: rows it changed)
}

// ErrNotCopy reports a destination that holds rows that are not the
// source's: a copy into it would mix two archives.
var ErrNotCopy = errors.New("the destination is not a copy of the source")

// Copy batches: a batch ends at copyBatchRows rows or after copyBatchBytes
// of text and bytes, whichever comes first; one INSERT carries at most
// copyParams values. Variables, so tests can make them small.
var (
	copyBatchRows  = 2000
	copyBatchBytes = 16 << 20
	copyParams     = 4000
)

// colKind is how a column's values are read and written.
type colKind uint8

const (
	colInt     colKind = iota // INTEGER / BIGINT
	colNullInt                // the same, NULL allowed
	colText                   // TEXT
	colBlob                   // BLOB / BYTEA
)

type copyCol struct {
	name string
	kind colKind
}

// copyTable is one table as both schemas share it: the columns a copy
// reads and writes (PostgreSQL's generated fts column and SQLite's FTS5
// table are left to fill themselves), the key first.
type copyTable struct {
	name     string
	cols     []copyCol
	keyCols  int    // the first keyCols columns are the primary key
	article  int    // the column holding an article id, -1 for none
	what     string // a row, in messages
	upsert   bool   // rows exist already (made by a trigger): update them
	identity bool   // the key is an id with an identity sequence on PostgreSQL
}

func cols(kind colKind, names ...string) []copyCol {
	out := make([]copyCol, len(names))
	for i, n := range names {
		out[i] = copyCol{n, kind}
	}
	return out
}

func join(parts ...[]copyCol) []copyCol {
	var out []copyCol
	for _, p := range parts {
		out = append(out, p...)
	}
	return out
}

// copyTables lists the archive's tables in an order that writes every row
// after the rows it refers to. Inserting an article makes its tagging row
// (a trigger on both backends): tagging is copied by updating those.
var copyTables = []copyTable{
	{name: "articles", keyCols: 1, article: 0, what: "article", identity: true, cols: join(cols(colInt, "id"),
		cols(colText, "title", "headline", "published", "published_text", "byline", "source", "url", "language", "body"),
		cols(colInt, "summary_only"), cols(colText, "content_hash", "origin", "imported_at"))},
	{name: "originals", keyCols: 1, article: 0, what: "original", cols: join(cols(colInt, "article_id"),
		cols(colText, "content_type"), cols(colBlob, "data"))},
	{name: "entities", keyCols: 1, article: -1, what: "entity", identity: true, cols: join(cols(colInt, "id"),
		cols(colText, "name", "type"), cols(colInt, "confirmed", "articles", "mentions"))},
	{name: "entity_aliases", keyCols: 2, article: -1, what: "alias", cols: join(cols(colInt, "entity_id"),
		cols(colText, "alias"))},
	{name: "mentions", keyCols: 1, article: 1, what: "mention", identity: true, cols: join(
		cols(colInt, "id", "article_id", "entity_id", "start", `"end"`), cols(colText, "text", "tag_name", "tag_type", "tag_cue"))},
	{name: "tagging", keyCols: 1, article: 0, what: "tagging state", upsert: true, cols: join(cols(colInt, "article_id"),
		cols(colText, "state", "model", "tagged_at", "error"))},
	{name: "corrections", keyCols: 1, article: 6, what: "correction", identity: true, cols: join(cols(colInt, "id"),
		cols(colText, "kind", "name", "type", "target", "target_type"), cols(colNullInt, "article_id"),
		cols(colText, "created_at"))},
	{name: "snapshots", keyCols: 1, article: 1, what: "snapshot", identity: true, cols: join(cols(colInt, "id", "article_id"),
		cols(colText, "url", "title", "fetched_at", "content_hash", "content_type"), cols(colBlob, "data"))},
	{name: "feeds", keyCols: 1, article: -1, what: "feed", identity: true, cols: join(cols(colInt, "id"),
		cols(colText, "url", "title", "site", "added_at", "last_fetched", "last_error"),
		cols(colInt, "interval_seconds"), cols(colText, "next_due", "etag", "last_modified"),
		cols(colInt, "failures", "retention_days", "fetch_full"), cols(colText, "folder", "categories"))},
	{name: "feed_items", keyCols: 2, article: 2, what: "feed item", cols: join(cols(colInt, "feed_id"),
		cols(colText, "guid"), cols(colNullInt, "article_id"), cols(colText, "seen_at"))},
	{name: "fingerprints", keyCols: 1, article: 0, what: "fingerprint", cols: cols(colInt, "article_id", "simhash")},
	{name: "tags", keyCols: 1, article: -1, what: "tag", identity: true, cols: join(cols(colInt, "id"), cols(colText, "name"))},
	{name: "article_tags", keyCols: 2, article: 0, what: "tag", cols: cols(colInt, "article_id", "tag_id")},
	{name: "notes", keyCols: 1, article: 0, what: "note", cols: join(cols(colInt, "article_id"),
		cols(colText, "text", "updated_at"))},
	{name: "highlights", keyCols: 1, article: 1, what: "highlight", identity: true, cols: join(cols(colInt, "id", "article_id"),
		cols(colText, "quote", "prefix", "suffix"), cols(colInt, "start", `"end"`), cols(colText, "anchored_hash"),
		cols(colInt, "orphaned"), cols(colText, "color", "note", "author", "created_at", "updated_at"))},
	{name: "highlight_tags", keyCols: 2, article: -1, what: "highlight tag", cols: join(cols(colInt, "highlight_id"),
		cols(colText, "tag"))},
	{name: "collections", keyCols: 1, article: -1, what: "collection", identity: true, cols: join(cols(colInt, "id"),
		cols(colText, "name", "description", "created_at", "search_query", "search_filters", "search_at"))},
	{name: "collection_articles", keyCols: 2, article: 1, what: "collection member", cols: join(
		cols(colInt, "collection_id", "article_id"), cols(colText, "added_at"))},
	{name: "watches", keyCols: 1, article: -1, what: "watch", identity: true, cols: join(cols(colInt, "id"),
		cols(colText, "name", "query", "filters", "created_at", "opened_at"), cols(colInt, "seen_max_id"))},
	{name: "resolution", keyCols: 1, article: -1, what: "resolution state", cols: join(cols(colInt, "id"),
		cols(colText, "watermark"))},
	{name: "provenance", keyCols: 1, article: 1, what: "provenance", identity: true, cols: join(cols(colInt, "id", "article_id"),
		cols(colText, "kind", "source", "url", "record_id", "payload_digest", "captured_at", "added_at"))},
}

// CopyTables lists the tables Copy copies, in its order.
func CopyTables() []string {
	out := make([]string, len(copyTables))
	for i, t := range copyTables {
		out[i] = t.name
	}
	return out
}

func (t *copyTable) colList() string {
	names := make([]string, len(t.cols))
	for i, c := range t.cols {
		names[i] = c.name
	}
	return strings.Join(names, ", ")
}

func (t *copyTable) keyList() string {
	names := make([]string, t.keyCols)
	for i := range names {
		names[i] = t.cols[i].name
	}
	return strings.Join(names, ", ")
}

// insertSQL returns an INSERT of n rows.
func (t *copyTable) insertSQL(n int) string {
	row := "(" + strings.TrimSuffix(strings.Repeat("?, ", len(t.cols)), ", ") + ")"
	var b strings.Builder
	b.WriteString("INSERT INTO " + t.name + " (" + t.colList() + ") VALUES ")
	for i := range n {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(row)
	}
	switch {
	case t.upsert:
		// Rows equal to the source's are left alone. A lease belongs to a
		// worker of the source: it is dropped.
		var set, differ []string
		for _, c := range t.cols[t.keyCols:] {
			set = append(set, c.name+" = excluded."+c.name)
			differ = append(differ, t.name+"."+c.name+" <> excluded."+c.name)
		}
		b.WriteString(" ON CONFLICT (" + t.keyList() + ") DO UPDATE SET " + strings.Join(set, ", ") +
			", lease_owner = '', lease_until = 0 WHERE " + strings.Join(differ, " OR ") +
			" OR " + t.name + ".lease_owner <> '' OR " + t.name + ".lease_until <> 0")
	case t.keyCols > 1:
		b.WriteString(" ON CONFLICT DO NOTHING")
	}
	return b.String()
}

// Copy copies every row of src into dst, keeping ids, and reports its
// progress (table by table, after each batch) to progress when it is not
// nil. dst must be empty, or hold what an interrupted copy from src left:
// the copy then goes on where it stopped and never writes a row twice. A
// dst holding other rows is refused with an error wrapping ErrNotCopy.
// Rows of src changed between an interrupted copy and its resumption are
// not carried over (the counts of every table are compared at the end, so
// rows added or deleted meanwhile make the copy fail).
func Copy(ctx context.Context, dst, src *Store, progress func(CopyProgress)) error {
	if same, err := sameArchive(ctx, dst, src); err != nil {
		return fmt.Errorf("copy %s to %s: %w", src.Path(), dst.Path(), err)
	} else if same {
		return fmt.Errorf("copy %s to %s: they are the same archive", src.Path(), dst.Path())
	}
	c := &copier{dst: dst, src: src, progress: progress, totals: map[string]int64{}, sql: map[[2]int]string{}}
	err := src.readTx(ctx, func(tx *sql.Tx) error {
		c.tx = tx
		if err := c.checkDest(ctx); err != nil {
			return err
		}
		for i := range copyTables {
			if err := c.copyTable(ctx, i); err != nil {
				return fmt.Errorf("%s: %w", copyTables[i].name, err)
			}
		}
		return c.compareCounts(ctx)
	})
	if err != nil {
		return fmt.Errorf("copy %s to %s: %w", src.Path(), dst.Path(), err)
	}
	// Fresh statistics, so the planner knows the tables just filled.
	for _, t := range copyTables {
		if err := dst.d.analyze(ctx, dst, t.name); err != nil {
			return fmt.Errorf("copy %s to %s: %w", src.Path(), dst.Path(), err)
		}
	}
	return nil
}

// copier is one run of Copy.
type copier struct {
	dst, src *Store
	tx       *sql.Tx // the source's read transaction
	progress func(CopyProgress)
	totals   map[string]int64  // rows of each table in the source
	sql      map[[2]int]string // INSERTs by table and row count
}

// copyTable copies table i: the rows after the destination's last key.
func (c *copier) copyTable(ctx context.Context, i int) error {
	t := &copyTables[i]
	cond, args := "1 = 1", []any(nil)
	if !t.upsert {
		var last sql.NullInt64
		if err := c.dst.w.QueryRowContext(ctx, `SELECT max(`+t.cols[0].name+`) FROM `+t.name).Scan(&last); err != nil {
			return fmt.Errorf("read where the copy stopped: %w", err)
		}
		if last.Valid {
			// A composite key goes on at the last first column again: the
			// rows copied already are skipped (ON CONFLICT DO NOTHING).
			op := " > ?"
			if t.keyCols > 1 {
				op = " >= ?"
			}
			cond, args = t.cols[0].name+op, []any{last.Int64}
		}
	}
	var total, left int64
	if err := c.tx.QueryRowContext(ctx, `SELECT count(*) FROM `+t.name).Scan(&total); err != nil {
		return fmt.Errorf("count rows: %w", err)
	}
	if err := c.tx.QueryRowContext(ctx, `SELECT count(*) FROM `+t.name+` WHERE `+cond, args...).Scan(&left); err != nil {
		return fmt.Errorf("count rows: %w", err)
	}
	c.totals[t.name] = total
	p := CopyProgress{Table: t.name, Total: total, Done: total - left}
	c.report(p)
	if left == 0 {
		return nil
	}
	rows, err := c.tx.QueryContext(ctx, `SELECT `+t.colList()+` FROM `+t.name+` WHERE `+cond+` ORDER BY `+t.keyList(), args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	sc := newRowScanner(t, c.dst.d.textProblem)
	batch := make([][]any, 0, min(copyBatchRows, int(left)))
	size := 0
	flush := func() error {
		if len(batch) == 0 {
			return nil
		}
		n, err := c.write(ctx, i, batch)
		if err != nil {
			return err
		}
		p.Done, p.Copied = min(p.Done+int64(len(batch)), total), p.Copied+n
		c.report(p)
		batch, size = batch[:0], 0
		return nil
	}
	for rows.Next() {
		row, n, err := sc.scan(rows)
		if err != nil {
			return err
		}
		batch, size = append(batch, row), size+n
		if len(batch) >= copyBatchRows || size >= copyBatchBytes {
			if err := flush(); err != nil {
				return err
			}
		}
	}
	if err := rows.Err(); err != nil {
		return err
	}
	return flush()
}

func (c *copier) report(p CopyProgress) {
	if c.progress != nil {
		c.progress(p)
	}
}

// write inserts a batch of rows of table i in one transaction and returns
// how many rows it wrote.
func (c *copier) write(ctx context.Context, i int, batch [][]any) (int64, error) {
	t := &copyTables[i]
	per := max(1, copyParams/len(t.cols))
	var wrote int64
	err := c.dst.inTx(ctx, func(tx *sql.Tx) error {
		for lo := 0; lo < len(batch); lo += per {
			chunk := batch[lo:min(lo+per, len(batch))]
			key := [2]int{i, len(chunk)}
			q, ok := c.sql[key]
			if !ok {
				q = t.insertSQL(len(chunk))
				c.sql[key] = q
			}
			args := make([]any, 0, len(chunk)*len(t.cols))
			for _, r := range chunk {
				args = append(args, r...)
			}
			res, err := tx.ExecContext(ctx, q, args...)
			if err != nil {
				if ctx.Err() != nil {
					return ctx.Err()
				}
				return fmt.Errorf("write %s to %s: %w", t.describe(chunk[0]), t.describe(chunk[len(chunk)-1]), pgError(err))
			}
			n, _ := res.RowsAffected()
			wrote += n
		}
		if t.identity {
			// New rows made in the copy get ids after the copied ones.
			if err := c.dst.d.syncIDSequence(ctx, tx, t.name); err != nil {
				return err
			}
		}
		return nil
	})
	return wrote, err
}

// describe names a row in messages: by its article when it has one.
func (t *copyTable) describe(row []any) string {
	if t.article >= 0 && row[t.article] != nil {
		s := fmt.Sprintf("article %d", row[t.article])
		if t.name == "articles" {
			s += fmt.Sprintf(" (%q)", row[1])
		} else {
			s = t.what + " of " + s
		}
		return s
	}
	keys := make([]string, t.keyCols)
	for i := range keys {
		keys[i] = fmt.Sprint(row[i])
	}
	return t.what + " " + strings.Join(keys, "/")
}

// rowScanner reads the rows of one table into values both backends take.
type rowScanner struct {
	t *copyTable
	// textProblem says why the destination would refuse a text value, ""
	// when it would not; nil checks nothing.
	textProblem func(string) string
	dest        []any
	ints        []int64
	nints       []sql.NullInt64
	texts       []string
	blobs       [][]byte
}

func newRowScanner(t *copyTable, textProblem func(string) string) *rowScanner {
	n := len(t.cols)
	r := &rowScanner{t: t, textProblem: textProblem, dest: make([]any, n), ints: make([]int64, n), nints: make([]sql.NullInt64, n),
		texts: make([]string, n), blobs: make([][]byte, n)}
	for i, c := range t.cols {
		switch c.kind {
		case colInt:
			r.dest[i] = &r.ints[i]
		case colNullInt:
			r.dest[i] = &r.nints[i]
		case colText:
			r.dest[i] = &r.texts[i]
		case colBlob:
			r.dest[i] = &r.blobs[i]
		}
	}
	return r
}

// scan reads the current row: database/sql turns what the source gives
// (SQLite may hand back text as bytes, or bytes as text) into the column's
// kind. It returns the values and their size in bytes.
func (r *rowScanner) scan(rows *sql.Rows) ([]any, int, error) {
	if err := rows.Scan(r.dest...); err != nil {
		return nil, 0, fmt.Errorf("read a row: %w", err)
	}
	out := make([]any, len(r.dest))
	size := 0
	for i, c := range r.t.cols {
		switch c.kind {
		case colInt:
			out[i] = r.ints[i]
		case colNullInt:
			if r.nints[i].Valid {
				out[i] = r.nints[i].Int64
			}
		case colText:
			out[i], size = r.texts[i], size+len(r.texts[i])
		case colBlob:
			b := r.blobs[i]
			if b == nil {
				b = []byte{} // NOT NULL everywhere: nil would be written as NULL
			}
			out[i], size = b, size+len(b)
		}
	}
	if r.textProblem != nil {
		for i, c := range r.t.cols {
			if c.kind != colText {
				continue
			}
			if why := r.textProblem(r.texts[i]); why != "" {
				return nil, 0, fmt.Errorf("%s: its %s %s, which PostgreSQL cannot store as text: fix it in the source and copy again",
					r.t.describe(out), strings.Trim(c.name, `"`), why)
			}
		}
	}
	return out, size, nil
}

// pgTextProblem says why PostgreSQL would refuse s as TEXT, "" when it
// would not.
func pgTextProblem(s string) string {
	if i := strings.IndexByte(s, 0); i >= 0 {
		return fmt.Sprintf("holds a NUL byte (at byte %d)", i)
	}
	if !utf8.ValidString(s) {
		for i := 0; i < len(s); {
			r, n := utf8.DecodeRuneInString(s[i:])
			if r == utf8.RuneError && n == 1 {
				return fmt.Sprintf("is not valid UTF-8 (at byte %d)", i)
			}
			i += n
		}
	}
	return ""
}
