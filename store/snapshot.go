package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"
)

// The snapshots table: every fetched version of a story.

// Snapshot is one fetched version of a story. The article holds the newest
// version's text; the snapshots keep every version's bytes.
type Snapshot struct {
	ID          int64
	ArticleID   int64
	Version     int // 1 for the oldest
	URL         string
	Title       string
	FetchedAt   time.Time
	ContentHash string
	ContentType string
	Size        int // bytes of the original
}

// VersionOutcome says what SaveVersion did with a fetched version.
type VersionOutcome int

// Outcomes of SaveVersion.
const (
	// VersionNew: the story was not archived; it is now, as version 1.
	VersionNew VersionOutcome = iota + 1
	// VersionChanged: the story was archived with other content; this is
	// its newest version and the article now shows it.
	VersionChanged
	// VersionDuplicate: nothing was stored, the content is already
	// archived (the same story unchanged, or another article).
	VersionDuplicate
)

// SavedVersion is what SaveVersion did.
type SavedVersion struct {
	Outcome   VersionOutcome
	ArticleID int64 // the story's article (for VersionDuplicate, the article it duplicates)
	Version   int   // the snapshot number of this version, 0 for VersionDuplicate
	Duplicate *DuplicateError
}

// SaveVersion archives a fetched version of the story at a.URL, in one
// transaction. When no article has that URL, the article is created (unless
// its content hash is already archived) with this as its first snapshot.
// When one has, and its content differs, this version becomes a new
// snapshot and the article's text and original are replaced by it (the
// full-text index follows). Unchanged content, an earlier version come
// back, content already archived as another article, and a feed summary
// arriving for a story archived in full are duplicates.
func (s *Store) SaveVersion(ctx context.Context, a Article, o Original, fetchedAt time.Time) (SavedVersion, error) {
	if a.URL == "" {
		return SavedVersion{}, fmt.Errorf("save version of %q: no URL", a.Title)
	}
	if fetchedAt.IsZero() {
		fetchedAt = time.Now()
	}
	var out SavedVersion
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		var err error
		out, err = saveVersion(ctx, tx, &a, o, fetchedAt.UTC(), false)
		return err
	})
	if err != nil {
		return SavedVersion{}, fmt.Errorf("save version of %s: %w", a.URL, err)
	}
	if out.ArticleID != 0 {
		s.NoteArticlesChanged(out.ArticleID)
	}
	return out, nil
}

// SaveVersionFromOrigin is SaveVersion for a version that was not fetched
// from a.URL itself but read from a document that links to it (a feed
// item): it becomes a new version only of an article at a.URL imported
// from the same origin (a.Origin, the same feed). An article at that URL
// from elsewhere is left alone: the version is archived as a new article
// (or found to be a duplicate), so that no feed rewrites what another
// source archived.
func (s *Store) SaveVersionFromOrigin(ctx context.Context, a Article, o Original, fetchedAt time.Time) (SavedVersion, error) {
	if a.URL == "" || a.Origin == "" {
		return SavedVersion{}, fmt.Errorf("save version of %q: no URL or no origin", a.Title)
	}
	if fetchedAt.IsZero() {
		fetchedAt = time.Now()
	}
	var out SavedVersion
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		var err error
		out, err = saveVersion(ctx, tx, &a, o, fetchedAt.UTC(), true)
		return err
	})
	if err != nil {
		return SavedVersion{}, fmt.Errorf("save version of %s from %s: %w", a.URL, a.Origin, err)
	}
	if out.ArticleID != 0 {
		s.NoteArticlesChanged(out.ArticleID)
	}
	return out, nil
}

// saveVersion saves a as a version of the article at its URL: the one
// fetched from it, else the newest; of its origin only, when sameOrigin.
func saveVersion(ctx context.Context, tx *sql.Tx, a *Article, o Original, at time.Time, sameOrigin bool) (SavedVersion, error) {
	// a fetch: the story fetched from that URL before, else the newest
	// article that links there (a feed summary the fetch completes)
	q, args := `SELECT `+articleColumns+` FROM articles WHERE url = ?
		ORDER BY CASE WHEN origin = url THEN 0 ELSE 1 END, id DESC LIMIT 1`, []any{a.URL}
	if sameOrigin {
		q, args = `SELECT `+articleColumns+` FROM articles WHERE url = ? AND origin = ? ORDER BY id DESC LIMIT 1`,
			[]any{a.URL, a.Origin}
	}
	cur, err := scanArticle(tx.QueryRowContext(ctx, q, args...))
	if errors.Is(err, sql.ErrNoRows) {
		id, err := createArticle(ctx, tx, a, o)
		var dup *DuplicateError
		if errors.As(err, &dup) {
			return SavedVersion{Outcome: VersionDuplicate, ArticleID: dup.ID, Duplicate: dup}, nil
		}
		if err != nil {
			return SavedVersion{}, err
		}
		if err := insertSnapshot(ctx, tx, id, a.URL, a.Title, a.ContentHash, o, at); err != nil {
			return SavedVersion{}, err
		}
		return SavedVersion{Outcome: VersionNew, ArticleID: id, Version: 1}, nil
	}
	if err != nil {
		return SavedVersion{}, fmt.Errorf("find article with URL %s: %w", a.URL, err)
	}
	if cur.ContentHash == a.ContentHash || (a.SummaryOnly && !cur.SummaryOnly) {
		dup := &DuplicateError{ID: cur.ID, Title: cur.Title}
		return SavedVersion{Outcome: VersionDuplicate, ArticleID: cur.ID, Duplicate: dup}, nil
	}
	var seen int
	err = tx.QueryRowContext(ctx, `SELECT count(*) FROM snapshots WHERE article_id = ? AND content_hash = ?`,
		cur.ID, a.ContentHash).Scan(&seen)
	if err != nil {
		return SavedVersion{}, err
	}
	if seen > 0 { // an earlier version come back: archived already
		dup := &DuplicateError{ID: cur.ID, Title: cur.Title}
		return SavedVersion{Outcome: VersionDuplicate, ArticleID: cur.ID, Duplicate: dup}, nil
	}
	var other DuplicateError
	err = tx.QueryRowContext(ctx, `SELECT id, title FROM articles WHERE content_hash = ?`, a.ContentHash).
		Scan(&other.ID, &other.Title)
	if err == nil {
		return SavedVersion{Outcome: VersionDuplicate, ArticleID: other.ID, Duplicate: &other}, nil
	}
	if !errors.Is(err, sql.ErrNoRows) {
		return SavedVersion{}, err
	}
	if err := keepFirstVersion(ctx, tx, cur); err != nil {
		return SavedVersion{}, err
	}
	if err := insertSnapshot(ctx, tx, cur.ID, a.URL, a.Title, a.ContentHash, o, at); err != nil {
		return SavedVersion{}, err
	}
	if err := replaceContent(ctx, tx, cur, *a, o); err != nil {
		return SavedVersion{}, err
	}
	var n int
	if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM snapshots WHERE article_id = ?`, cur.ID).Scan(&n); err != nil {
		return SavedVersion{}, err
	}
	return SavedVersion{Outcome: VersionChanged, ArticleID: cur.ID, Version: n}, nil
}

// keepFirstVersion records an article's current content as its first
// snapshot when it has none yet (it was imported before it was fetched
// again, e.g. as a feed summary).
func keepFirstVersion(ctx context.Context, tx *sql.Tx, cur Article) error {
	var n int
	if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM snapshots WHERE article_id = ?`, cur.ID).Scan(&n); err != nil {
		return err
	}
	if n > 0 {
		return nil
	}
	var o Original
	err := tx.QueryRowContext(ctx, `SELECT content_type, data FROM originals WHERE article_id = ?`, cur.ID).
		Scan(&o.ContentType, &o.Data)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return fmt.Errorf("original of article %d: %w", cur.ID, err)
	}
	return insertSnapshot(ctx, tx, cur.ID, cur.URL, cur.Title, cur.ContentHash, o, cur.ImportedAt)
}

func insertSnapshot(ctx context.Context, tx *sql.Tx, articleID int64, url, title, hash string, o Original, at time.Time) error {
	if o.Data == nil {
		o.Data = []byte{}
	}
	_, err := tx.ExecContext(ctx, `INSERT INTO snapshots (article_id, url, title, fetched_at, content_hash, content_type, data)
		VALUES (?, ?, ?, ?, ?, ?, ?)`, articleID, url, title, at.UTC().Format(time.RFC3339Nano), hash, o.ContentType, o.Data)
	if err != nil {
		return fmt.Errorf("insert snapshot of article %d: %w", articleID, err)
	}
	return nil
}

// replaceContent makes the article show a new version: its text and
// metadata (keeping the old values of fields the new version lacks) and its
// original. The FTS triggers keep the index in step.
func replaceContent(ctx context.Context, tx *sql.Tx, cur, a Article, o Original) error {
	keep := func(newV, oldV string) string {
		if newV == "" {
			return oldV
		}
		return newV
	}
	_, err := tx.ExecContext(ctx, `UPDATE articles SET title = ?, headline = ?, published = ?, published_text = ?,
		byline = ?, source = ?, language = ?, body = ?, summary_only = ?, content_hash = ? WHERE id = ?`,
		keep(a.Title, cur.Title), a.Headline, keep(a.Published, cur.Published), keep(a.PublishedText, cur.PublishedText),
		keep(a.Byline, cur.Byline), keep(a.Source, cur.Source), keep(a.Language, cur.Language), a.Body, boolInt(a.SummaryOnly),
		a.ContentHash, cur.ID)
	if err != nil {
		return fmt.Errorf("update article %d: %w", cur.ID, err)
	}
	if o.Data == nil {
		o.Data = []byte{}
	}
	_, err = tx.ExecContext(ctx, `INSERT INTO originals (article_id, content_type, data) VALUES (?, ?, ?)
		ON CONFLICT (article_id) DO UPDATE SET content_type = excluded.content_type, data = excluded.data`,
		cur.ID, o.ContentType, o.Data)
	if err != nil {
		return fmt.Errorf("replace original of article %d: %w", cur.ID, err)
	}
	return nil
}

// Snapshots returns the versions of an article, oldest first. An article
// that was never fetched again has none.
func (s *Store) Snapshots(ctx context.Context, articleID int64) ([]Snapshot, error) {
	rows, err := s.r.QueryContext(ctx, `SELECT id, article_id, url, title, fetched_at, content_hash, content_type,
		length(data) FROM snapshots WHERE article_id = ? ORDER BY id`, articleID)
	if err != nil {
		return nil, fmt.Errorf("snapshots of article %d: %w", articleID, err)
	}
	defer rows.Close()
	var out []Snapshot
	for rows.Next() {
		var sn Snapshot
		var at string
		if err := rows.Scan(&sn.ID, &sn.ArticleID, &sn.URL, &sn.Title, &at, &sn.ContentHash, &sn.ContentType,
			&sn.Size); err != nil {
			return nil, fmt.Errorf("snapshots of article %d: %w", articleID, err)
		}
		if sn.FetchedAt, err = time.Parse(time.RFC3339Nano, at); err != nil {
			return nil, fmt.Errorf("snapshot %d: bad fetch time %q: %w", sn.ID, at, err)
		}
		sn.Version = len(out) + 1
		out = append(out, sn)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("snapshots of article %d: %w", articleID, err)
	}
	return out, nil
}

// SnapshotOriginal returns the bytes of one snapshot.
func (s *Store) SnapshotOriginal(ctx context.Context, snapshotID int64) (Original, error) {
	var o Original
	err := s.r.QueryRowContext(ctx, `SELECT content_type, data FROM snapshots WHERE id = ?`, snapshotID).
		Scan(&o.ContentType, &o.Data)
	if err != nil {
		return Original{}, getError(fmt.Sprintf("snapshot %d", snapshotID), err)
	}
	return o, nil
}
