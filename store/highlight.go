package store

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"os/user"
	"strings"
	"time"
)

// The highlights table and highlight_tags: passages of articles a person
// marked, with a colour, a note and tags.

// Highlight is a marked passage of an article. Start and End are byte
// offsets into the article's body (End exclusive); Quote is the text
// between them when it was anchored, Prefix and Suffix some text either
// side. AnchoredHash is the article's content hash when the offsets were
// last checked against its body; Orphaned says the quote was not found in
// the body then.
type Highlight struct {
	ID           int64
	ArticleID    int64
	Quote        string
	Prefix       string
	Suffix       string
	Start, End   int
	AnchoredHash string
	Orphaned     bool
	Color        string
	Note         string
	Tags         []string
	Author       string
	CreatedAt    time.Time
	UpdatedAt    time.Time
}

// HighlightRow is a highlight with what a list shows of its article.
type HighlightRow struct {
	Highlight
	Title       string
	Source      string
	Published   string
	ArticleHash string // the article's content hash now
}

// HighlightFilter selects highlights; its conditions combine with AND and
// the zero value selects all.
type HighlightFilter struct {
	ArticleIDs []int64 // only on these articles
	Color      string
	Tag        string // carrying this tag, ignoring case
	Source     string // of articles from this source, ignoring case
	From, To   string // of articles published in these ISO dates, inclusive
	// Entities keeps highlights on articles mentioning any of these
	// entities; nil for no filter, a non-nil empty list keeps none.
	Entities []int64
	Limit    int // 0 for no limit
	Offset   int
}

const highlightColumns = `h.id, h.article_id, h.quote, h.prefix, h.suffix, h.start, h."end", h.anchored_hash, h.orphaned,
	h.color, h.note, h.author, h.created_at, h.updated_at`

// highlightRowSelect selects a HighlightRow: the highlight and its article's
// title, source, date and content hash (scanned by scanHighlight's more).
const highlightRowSelect = `SELECT ` + highlightColumns + `, a.title, a.source, a.published, a.content_hash
	FROM highlights h JOIN articles a ON a.id = h.article_id`

func scanHighlight(row interface{ Scan(...any) error }, more ...any) (Highlight, error) {
	var h Highlight
	var orphaned int
	var created, updated string
	dest := append([]any{&h.ID, &h.ArticleID, &h.Quote, &h.Prefix, &h.Suffix, &h.Start, &h.End, &h.AnchoredHash,
		&orphaned, &h.Color, &h.Note, &h.Author, &created, &updated}, more...)
	if err := row.Scan(dest...); err != nil {
		return Highlight{}, err
	}
	h.Orphaned = orphaned != 0
	var err error
	if h.CreatedAt, err = time.Parse(time.RFC3339Nano, created); err != nil {
		return Highlight{}, fmt.Errorf("highlight %d: bad time %q: %w", h.ID, created, err)
	}
	if h.UpdatedAt, err = time.Parse(time.RFC3339Nano, updated); err != nil {
		return Highlight{}, fmt.Errorf("highlight %d: bad time %q: %w", h.ID, updated, err)
	}
	return h, nil
}

func timeText(t time.Time) string {
	if t.IsZero() {
		t = time.Now()
	}
	return t.UTC().Format(time.RFC3339Nano)
}

// UserName is who the archive's changes are made by: the database user on
// PostgreSQL, the operating system's user on SQLite.
func (s *Store) UserName(ctx context.Context) (string, error) {
	if s.Postgres() {
		var n string
		if err := s.r.QueryRowContext(ctx, `SELECT current_user`).Scan(&n); err != nil {
			return "", fmt.Errorf("current user: %w", err)
		}
		return n, nil
	}
	if n := os.Getenv("USER"); n != "" {
		return n, nil
	}
	if u, err := user.Current(); err == nil {
		return u.Username, nil
	}
	return "", nil
}

// CreateHighlight stores a new highlight (ID, and CreatedAt and UpdatedAt
// when zero, are set here) and returns its id. It returns ErrNotFound for a
// missing article.
func (s *Store) CreateHighlight(ctx context.Context, h Highlight) (int64, error) {
	var id int64
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		if err := articleExists(ctx, tx, h.ArticleID); err != nil {
			return err
		}
		created := timeText(h.CreatedAt)
		updated := created
		if !h.UpdatedAt.IsZero() {
			updated = timeText(h.UpdatedAt)
		}
		err := tx.QueryRowContext(ctx, `INSERT INTO highlights (article_id, quote, prefix, suffix, start, "end",
			anchored_hash, orphaned, color, note, author, created_at, updated_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
			h.ArticleID, h.Quote, h.Prefix, h.Suffix, h.Start, h.End, h.AnchoredHash, boolInt(h.Orphaned), h.Color,
			h.Note, h.Author, created, updated).Scan(&id)
		if err != nil {
			return err
		}
		return setHighlightTags(ctx, tx, id, h.Tags)
	})
	if err != nil {
		return 0, fmt.Errorf("highlight on article %d: %w", h.ArticleID, err)
	}
	return id, nil
}

func setHighlightTags(ctx context.Context, tx *sql.Tx, id int64, tags []string) error {
	if _, err := tx.ExecContext(ctx, `DELETE FROM highlight_tags WHERE highlight_id = ?`, id); err != nil {
		return err
	}
	for _, t := range tags {
		if _, err := tx.ExecContext(ctx, `INSERT INTO highlight_tags (highlight_id, tag) VALUES (?, ?)
			ON CONFLICT DO NOTHING`, id, t); err != nil {
			return fmt.Errorf("tag %q: %w", t, err)
		}
	}
	return nil
}

// UpdateHighlight replaces a highlight's colour, note and tags. It returns
// ErrNotFound for a missing highlight.
func (s *Store) UpdateHighlight(ctx context.Context, id int64, color, note string, tags []string) error {
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `UPDATE highlights SET color = ?, note = ?, updated_at = ? WHERE id = ?`,
			color, note, timeText(time.Time{}), id)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return ErrNotFound
		}
		return setHighlightTags(ctx, tx, id, tags)
	})
	if err != nil {
		return fmt.Errorf("update highlight %d: %w", id, err)
	}
	return nil
}

// SetHighlightAnchor records where a highlight was found in its article's
// body (with that body's content hash), or that it is orphaned.
func (s *Store) SetHighlightAnchor(ctx context.Context, id int64, start, end int, hash string, orphaned bool) error {
	_, err := s.w.ExecContext(ctx, `UPDATE highlights SET start = ?, "end" = ?, anchored_hash = ?, orphaned = ? WHERE id = ?`,
		start, end, hash, boolInt(orphaned), id)
	if err != nil {
		return fmt.Errorf("anchor highlight %d: %w", id, err)
	}
	return nil
}

// DeleteHighlight removes a highlight; ErrNotFound when there is none.
func (s *Store) DeleteHighlight(ctx context.Context, id int64) error {
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `DELETE FROM highlights WHERE id = ?`, id)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return ErrNotFound
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("delete highlight %d: %w", id, err)
	}
	return nil
}

// Highlights returns the highlights the filter selects with their
// articles, oldest article first and in text order within one.
func (s *Store) Highlights(ctx context.Context, f HighlightFilter) ([]HighlightRow, error) {
	if f.Entities != nil && len(f.Entities) == 0 {
		return []HighlightRow{}, nil
	}
	var conds []string
	var args []any
	add := func(c string, a ...any) { conds, args = append(conds, c), append(args, a...) }
	if len(f.ArticleIDs) > 0 {
		add(`h.article_id`+s.d.idsIn(), jsonIDs(f.ArticleIDs))
	}
	if f.Color != "" {
		add(`h.color = ?`, f.Color)
	}
	if f.Tag != "" {
		add(`h.id IN (SELECT highlight_id FROM highlight_tags WHERE tag = ? COLLATE NOCASE)`, f.Tag)
	}
	if f.Source != "" {
		add(`a.source = ? COLLATE NOCASE`, f.Source)
	}
	if f.From != "" {
		add(`a.published != '' AND a.published >= ?`, f.From)
	}
	if f.To != "" {
		add(`a.published != '' AND substr(a.published, 1, 10) <= ?`, f.To)
	}
	if len(f.Entities) > 0 {
		add(`h.article_id IN (SELECT article_id FROM mentions WHERE entity_id`+s.d.idsIn()+`)`, jsonIDs(f.Entities))
	}
	q := highlightRowSelect
	if len(conds) > 0 {
		q += ` WHERE ` + strings.Join(conds, " AND ")
	}
	q += ` ORDER BY h.article_id, h.start, h.id`
	if f.Limit > 0 {
		q += fmt.Sprintf(` LIMIT %d OFFSET %d`, f.Limit, max(f.Offset, 0))
	}
	return s.highlightRows(ctx, q, args...)
}

// highlightRows runs q, a highlightRowSelect, and reads its rows with their
// tags.
func (s *Store) highlightRows(ctx context.Context, q string, args ...any) ([]HighlightRow, error) {
	rows, err := s.r.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("highlights: %w", err)
	}
	defer rows.Close()
	out := []HighlightRow{}
	byID := map[int64]int{}
	for rows.Next() {
		var r HighlightRow
		h, err := scanHighlight(rows, &r.Title, &r.Source, &r.Published, &r.ArticleHash)
		if err != nil {
			return nil, fmt.Errorf("highlights: %w", err)
		}
		r.Highlight = h
		byID[h.ID] = len(out)
		out = append(out, r)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("highlights: %w", err)
	}
	if len(out) == 0 {
		return out, nil
	}
	ids := make([]int64, 0, len(out))
	for _, r := range out {
		ids = append(ids, r.ID)
	}
	err = s.highlightTags(ctx, ids, func(id int64, tag string) { out[byID[id]].Tags = append(out[byID[id]].Tags, tag) })
	if err != nil {
		return nil, err
	}
	return out, nil
}

// Highlight returns one highlight with its article; ErrNotFound when there
// is none.
func (s *Store) Highlight(ctx context.Context, id int64) (HighlightRow, error) {
	var r HighlightRow
	row := s.r.QueryRowContext(ctx, highlightRowSelect+` WHERE h.id = ?`, id)
	h, err := scanHighlight(row, &r.Title, &r.Source, &r.Published, &r.ArticleHash)
	if err != nil {
		return HighlightRow{}, getError(fmt.Sprintf("highlight %d", id), err)
	}
	r.Highlight = h
	err = s.highlightTags(ctx, []int64{id}, func(_ int64, tag string) { r.Tags = append(r.Tags, tag) })
	return r, err
}

func (s *Store) highlightTags(ctx context.Context, ids []int64, f func(id int64, tag string)) error {
	rows, err := s.r.QueryContext(ctx, `SELECT highlight_id, tag FROM highlight_tags WHERE highlight_id`+s.d.idsIn()+`
		ORDER BY highlight_id, tag COLLATE NOCASE`, jsonIDs(ids))
	if err != nil {
		return fmt.Errorf("highlight tags: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		var tag string
		if err := rows.Scan(&id, &tag); err != nil {
			return fmt.Errorf("highlight tags: %w", err)
		}
		f(id, tag)
	}
	return rows.Err()
}

// ExportHighlights calls f with every highlight on an article of the
// scope, in the order Highlights lists them.
func (s *Store) ExportHighlights(ctx context.Context, sc ExportScope, f func(HighlightRow) error) error {
	cond, args := sc.inScope(s, "h.article_id")
	rows, err := s.r.QueryContext(ctx, `SELECT h.id FROM highlights h WHERE `+cond+` ORDER BY h.article_id, h.start, h.id`, args...)
	if err != nil {
		return fmt.Errorf("export highlights: %w", err)
	}
	var ids []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			rows.Close()
			return fmt.Errorf("export highlights: %w", err)
		}
		ids = append(ids, id)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return fmt.Errorf("export highlights: %w", err)
	}
	const batch = 500
	for len(ids) > 0 {
		n := min(batch, len(ids))
		hs, err := s.highlightsByID(ctx, ids[:n])
		if err != nil {
			return err
		}
		for _, h := range hs {
			if err := f(h); err != nil {
				return err
			}
		}
		ids = ids[n:]
	}
	return nil
}

// highlightsByID reads highlights by id, in the order Highlights lists
// them.
func (s *Store) highlightsByID(ctx context.Context, ids []int64) ([]HighlightRow, error) {
	return s.highlightRows(ctx, highlightRowSelect+` WHERE h.id`+s.d.idsIn()+`
		ORDER BY h.article_id, h.start, h.id`, jsonIDs(ids))
}

// HighlightCount returns how many highlights there are.
func (s *Store) HighlightCount(ctx context.Context) (int, error) {
	var n int
	if err := s.r.QueryRowContext(ctx, `SELECT count(*) FROM highlights`).Scan(&n); err != nil {
		return 0, fmt.Errorf("count highlights: %w", err)
	}
	return n, nil
}
