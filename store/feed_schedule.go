package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"time"
)

// Feed schedules (columns of the feeds table): interval, next due time,
// conditional GET validators, failures, retention and the fetch-full option.

// DefaultFeedInterval is how often a new subscription refreshes itself.
const DefaultFeedInterval = time.Hour

// dueFormat is the fixed-width UTC format of next_due, so that the text
// orders as the times do.
const dueFormat = "2006-01-02T15:04:05Z"

const scheduleColumns = `f.interval_seconds, f.next_due, f.etag, f.last_modified, f.failures,
	f.retention_days, f.fetch_full <> 0, f.folder, f.categories`

// Schedule is when and how a feed refreshes itself.
type Schedule struct {
	Interval      time.Duration // between refreshes
	NextDue       time.Time     // zero: due now
	ETag          string        // validators of the last answer, sent as a conditional GET
	LastModified  string
	Failures      int  // failed refreshes in a row (backoff grows with them)
	RetentionDays int  // items older than this are deleted; 0 keeps them for ever
	FetchFull     bool // fetch the page behind each item
}

// FeedOptions are the settings a person chooses for a feed.
type FeedOptions struct {
	Interval      time.Duration // <= 0 keeps the current one
	RetentionDays int           // 0 keeps items for ever
	FetchFull     bool
}

// SetFeedOptions changes a feed's interval, retention and fetch-full
// option. ErrNotFound for a missing feed.
func (s *Store) SetFeedOptions(ctx context.Context, id int64, o FeedOptions) error {
	if o.RetentionDays < 0 {
		return fmt.Errorf("feed %d: negative retention %d days", id, o.RetentionDays)
	}
	return s.inTx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `UPDATE feeds SET interval_seconds = CASE WHEN ? > 0 THEN ? ELSE interval_seconds END,
			retention_days = ?, fetch_full = ? WHERE id = ?`, int64(o.Interval/time.Second), int64(o.Interval/time.Second),
			o.RetentionDays, boolInt(o.FetchFull), id)
		if err != nil {
			return fmt.Errorf("set options of feed %d: %w", id, err)
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return fmt.Errorf("set options of feed %d: %w", id, ErrNotFound)
		}
		return nil
	})
}

// DueFeeds returns the feeds whose next refresh is at or before now, the
// longest overdue first.
func (s *Store) DueFeeds(ctx context.Context, now time.Time) ([]Feed, error) {
	rows, err := s.r.QueryContext(ctx, `SELECT `+feedColumns+` FROM feeds f WHERE f.next_due <= ?
		ORDER BY f.next_due, f.id`, now.UTC().Format(dueFormat))
	if err != nil {
		return nil, fmt.Errorf("due feeds: %w", err)
	}
	defer rows.Close()
	var out []Feed
	for rows.Next() {
		f, err := scanFeed(rows)
		if err != nil {
			return nil, fmt.Errorf("due feeds: %w", err)
		}
		out = append(out, f)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("due feeds: %w", err)
	}
	return out, nil
}

// FeedChecked records the outcome of a scheduled refresh: the next due
// time, the failures in a row (0 after a success), the validators to send
// next time (kept when empty) and the error ("" for none).
func (s *Store) FeedChecked(ctx context.Context, id int64, nextDue time.Time, failures int, etag, lastModified, fetchErr string) error {
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `UPDATE feeds SET next_due = ?, failures = ?,
			etag = CASE WHEN ? = '' THEN etag ELSE ? END, last_modified = CASE WHEN ? = '' THEN last_modified ELSE ? END,
			last_error = ? WHERE id = ?`, nextDue.UTC().Format(dueFormat), failures, etag, etag,
			lastModified, lastModified, fetchErr, id)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return ErrNotFound
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("schedule feed %d: %w", id, err)
	}
	return nil
}

// keptByReader lists the conditions under which an article belongs to its
// reader and retention must keep it: a note, a tag, a highlight or a
// collection holding it.
var keptByReader = []string{
	`EXISTS (SELECT 1 FROM notes n WHERE n.article_id = a.id)`,
	`EXISTS (SELECT 1 FROM article_tags t WHERE t.article_id = a.id)`,
	`EXISTS (SELECT 1 FROM highlights h WHERE h.article_id = a.id)`,
	`EXISTS (SELECT 1 FROM collection_articles c WHERE c.article_id = a.id)`,
}

// ExpiredFeedArticles returns the articles a feed brought before cutoff
// that retention may delete: no other feed brought them, and none has a
// note, a tag, a highlight or a collection (see keptByReader).
func (s *Store) ExpiredFeedArticles(ctx context.Context, feedID int64, cutoff time.Time) ([]int64, error) {
	q := `SELECT DISTINCT a.id FROM articles a JOIN feed_items i ON i.article_id = a.id
		WHERE i.feed_id = ? AND a.imported_at < ?
		AND NOT EXISTS (SELECT 1 FROM feed_items o WHERE o.article_id = a.id AND o.feed_id <> i.feed_id)`
	for _, c := range keptByReader {
		q += " AND NOT " + c
	}
	rows, err := s.r.QueryContext(ctx, q+" ORDER BY a.id", feedID, cutoff.UTC().Format(time.RFC3339Nano))
	if err != nil {
		return nil, fmt.Errorf("expired items of feed %d: %w", feedID, err)
	}
	defer rows.Close()
	var ids []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, fmt.Errorf("expired items of feed %d: %w", feedID, err)
		}
		ids = append(ids, id)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("expired items of feed %d: %w", feedID, err)
	}
	return ids, nil
}

// joinLines stores a list of names (folders, categories) one a line; the
// line breaks inside a name become spaces.
func joinLines(names []string) string {
	clean := make([]string, len(names))
	for i, n := range names {
		clean[i] = strings.NewReplacer("\r", " ", "\n", " ").Replace(n)
	}
	return strings.Join(clean, "\n")
}

func splitLines(s string) []string {
	if s == "" {
		return nil
	}
	return strings.Split(s, "\n")
}
