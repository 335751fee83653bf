package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"
)

// The feeds table (subscriptions) and feed_items (what each has pulled).

// Feed is a feed subscription.
type Feed struct {
	ID          int64
	URL         string // an http(s) URL, or the absolute path of a saved feed file
	Title       string
	Site        string // the feed's home page
	AddedAt     time.Time
	LastFetched time.Time // zero when never fetched
	LastError   string    // why the last refresh failed, "" when it did not
	Items       int       // items pulled so far
	Schedule              // when and how it refreshes itself (feed_schedule.go)
	Folder      []string  // the OPML folders it was listed under, outermost first
	Categories  []string  // the OPML categories
}

// SeenItem is a feed item already pulled: its GUID (or link) and the
// article it became (0 when it became none, e.g. a duplicate).
type SeenItem struct {
	GUID      string
	ArticleID int64
}

// ErrFeedExists is returned by CreateFeed for a URL already subscribed.
var ErrFeedExists = errors.New("already subscribed")

const feedColumns = `f.id, f.url, f.title, f.site, f.added_at, f.last_fetched, f.last_error,
	(SELECT count(*) FROM feed_items i WHERE i.feed_id = f.id), ` + scheduleColumns

func scanFeed(row interface{ Scan(...any) error }) (Feed, error) {
	var f Feed
	var added, fetched, due, folder, categories string
	var interval int64
	if err := row.Scan(&f.ID, &f.URL, &f.Title, &f.Site, &added, &fetched, &f.LastError, &f.Items,
		&interval, &due, &f.ETag, &f.LastModified, &f.Failures, &f.RetentionDays, &f.FetchFull,
		&folder, &categories); err != nil {
		return Feed{}, err
	}
	f.Interval = time.Duration(interval) * time.Second
	f.Folder, f.Categories = splitLines(folder), splitLines(categories)
	var err error
	if due != "" {
		if f.NextDue, err = time.Parse(dueFormat, due); err != nil {
			return Feed{}, fmt.Errorf("feed %d: bad time %q: %w", f.ID, due, err)
		}
	}
	if f.AddedAt, err = time.Parse(time.RFC3339Nano, added); err != nil {
		return Feed{}, fmt.Errorf("feed %d: bad time %q: %w", f.ID, added, err)
	}
	if fetched != "" {
		if f.LastFetched, err = time.Parse(time.RFC3339Nano, fetched); err != nil {
			return Feed{}, fmt.Errorf("feed %d: bad time %q: %w", f.ID, fetched, err)
		}
	}
	return f, nil
}

// CreateFeed subscribes to a feed and returns its id. A URL already
// subscribed gives an error wrapping ErrFeedExists.
func (s *Store) CreateFeed(ctx context.Context, f Feed) (int64, error) {
	if f.URL == "" {
		return 0, errors.New("subscribe: no feed URL")
	}
	if f.AddedAt.IsZero() {
		f.AddedAt = time.Now()
	}
	var id int64
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		var old int64
		err := tx.QueryRowContext(ctx, `SELECT id FROM feeds WHERE url = ?`, f.URL).Scan(&old)
		if err == nil {
			return fmt.Errorf("feed %d: %w", old, ErrFeedExists)
		}
		if !errors.Is(err, sql.ErrNoRows) {
			return err
		}
		return tx.QueryRowContext(ctx, `INSERT INTO feeds (url, title, site, added_at, folder, categories)
			VALUES (?, ?, ?, ?, ?, ?) RETURNING id`, f.URL, f.Title, f.Site, f.AddedAt.UTC().Format(time.RFC3339Nano),
			joinLines(f.Folder), joinLines(f.Categories)).Scan(&id)
	})
	if err != nil {
		return 0, fmt.Errorf("subscribe to %s: %w", f.URL, err)
	}
	return id, nil
}

// Feed returns the subscription with the given id.
func (s *Store) Feed(ctx context.Context, id int64) (Feed, error) {
	f, err := scanFeed(s.r.QueryRowContext(ctx, `SELECT `+feedColumns+` FROM feeds f WHERE f.id = ?`, id))
	if err != nil {
		return Feed{}, getError(fmt.Sprintf("feed %d", id), err)
	}
	return f, nil
}

// Feeds returns every subscription, in the order they were added.
func (s *Store) Feeds(ctx context.Context) ([]Feed, error) {
	rows, err := s.r.QueryContext(ctx, `SELECT `+feedColumns+` FROM feeds f ORDER BY f.id`)
	if err != nil {
		return nil, fmt.Errorf("list feeds: %w", err)
	}
	defer rows.Close()
	var out []Feed
	for rows.Next() {
		f, err := scanFeed(rows)
		if err != nil {
			return nil, fmt.Errorf("list feeds: %w", err)
		}
		out = append(out, f)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("list feeds: %w", err)
	}
	return out, nil
}

// DeleteFeed ends a subscription and forgets its pulled items; the
// articles they became stay in the archive.
func (s *Store) DeleteFeed(ctx context.Context, id int64) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `DELETE FROM feeds WHERE id = ?`, id)
		if err != nil {
			return fmt.Errorf("delete feed %d: %w", id, err)
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return fmt.Errorf("delete feed %d: %w", id, ErrNotFound)
		}
		return nil
	})
}

// FeedFetched records a refresh of a feed: when it ran, the feed's title
// and home page as it now gives them (kept when empty), the items newly
// pulled, and the error that stopped it ("" for none).
func (s *Store) FeedFetched(ctx context.Context, id int64, title, site string, at time.Time, seen []SeenItem, fetchErr string) error {
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `UPDATE feeds SET title = CASE WHEN ? = '' THEN title ELSE ? END,
			site = CASE WHEN ? = '' THEN site ELSE ? END, last_fetched = ?, last_error = ? WHERE id = ?`,
			title, title, site, site, at.UTC().Format(time.RFC3339Nano), fetchErr, id)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return ErrNotFound
		}
		for _, it := range seen {
			var article any
			if it.ArticleID != 0 {
				article = it.ArticleID
			}
			_, err := tx.ExecContext(ctx, `INSERT INTO feed_items (feed_id, guid, article_id, seen_at)
				SELECT ?, ?, (SELECT id FROM articles WHERE id = ?), ?
				ON CONFLICT (feed_id, guid) DO NOTHING`, id, it.GUID, article, at.UTC().Format(time.RFC3339Nano))
			if err != nil {
				return fmt.Errorf("item %q: %w", it.GUID, err)
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("record refresh of feed %d: %w", id, err)
	}
	return nil
}

// SeenItems returns the GUIDs of the items of a feed already pulled.
func (s *Store) SeenItems(ctx context.Context, feedID int64) (map[string]bool, error) {
	rows, err := s.r.QueryContext(ctx, `SELECT guid FROM feed_items WHERE feed_id = ?`, feedID)
	if err != nil {
		return nil, fmt.Errorf("items of feed %d: %w", feedID, err)
	}
	defer rows.Close()
	seen := map[string]bool{}
	for rows.Next() {
		var g string
		if err := rows.Scan(&g); err != nil {
			return nil, fmt.Errorf("items of feed %d: %w", feedID, err)
		}
		seen[g] = true
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("items of feed %d: %w", feedID, err)
	}
	return seen, nil
}
