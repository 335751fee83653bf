package store

import (
	"context"
	"database/sql"
	"fmt"
	"time"
)

// The watches table: saved searches that know which articles are new.

// Watch is a saved search. Filters are the search's filters as JSON, as
// the caller wrote them. The articles matching it with ids above SeenMaxID
// are new since it was last opened.
type Watch struct {
	ID        int64
	Name      string
	Query     string
	Filters   string
	CreatedAt time.Time
	OpenedAt  time.Time // zero when never opened
	SeenMaxID int64
}

const watchColumns = `id, name, query, filters, created_at, opened_at, seen_max_id`

func scanWatch(row interface{ Scan(...any) error }) (Watch, error) {
	var w Watch
	var created, opened string
	if err := row.Scan(&w.ID, &w.Name, &w.Query, &w.Filters, &created, &opened, &w.SeenMaxID); err != nil {
		return Watch{}, err
	}
	var err error
	if w.CreatedAt, err = parseTime("watch "+w.Name, created); err != nil {
		return Watch{}, err
	}
	if w.OpenedAt, err = parseTime("watch "+w.Name, opened); err != nil {
		return Watch{}, err
	}
	return w, nil
}

// CreateWatch saves a watch and returns its id; a name already used gives
// an error wrapping ErrNameTaken.
func (s *Store) CreateWatch(ctx context.Context, w Watch) (int64, error) {
	var id int64
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		if err := nameFree(ctx, tx, "watches", w.Name); err != nil {
			return err
		}
		opened := ""
		if !w.OpenedAt.IsZero() {
			opened = timeText(w.OpenedAt)
		}
		return tx.QueryRowContext(ctx, `INSERT INTO watches (name, query, filters, created_at, opened_at, seen_max_id)
			VALUES (?, ?, ?, ?, ?, ?) RETURNING id`, w.Name, w.Query, w.Filters, timeText(w.CreatedAt), opened,
			w.SeenMaxID).Scan(&id)
	})
	if err != nil {
		return 0, fmt.Errorf("create watch %q: %w", w.Name, err)
	}
	return id, nil
}

// Watches returns every watch by name.
func (s *Store) Watches(ctx context.Context) ([]Watch, error) {
	rows, err := s.r.QueryContext(ctx, `SELECT `+watchColumns+` FROM watches ORDER BY name COLLATE NOCASE`)
	if err != nil {
		return nil, fmt.Errorf("watches: %w", err)
	}
	defer rows.Close()
	out := []Watch{}
	for rows.Next() {
		w, err := scanWatch(rows)
		if err != nil {
			return nil, fmt.Errorf("watches: %w", err)
		}
		out = append(out, w)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("watches: %w", err)
	}
	return out, nil
}

// WatchByName returns a watch, its name compared ignoring case;
// ErrNotFound when there is none.
func (s *Store) WatchByName(ctx context.Context, name string) (Watch, error) {
	w, err := scanWatch(s.r.QueryRowContext(ctx, `SELECT `+watchColumns+` FROM watches WHERE name = ? COLLATE NOCASE`, name))
	if err != nil {
		return Watch{}, getError(fmt.Sprintf("watch %q", name), err)
	}
	return w, nil
}

// MarkWatchSeen records that a watch was opened at a time when the newest
// article was maxID.
func (s *Store) MarkWatchSeen(ctx context.Context, id, maxID int64, at time.Time) error {
	if _, err := s.w.ExecContext(ctx, `UPDATE watches SET opened_at = ?, seen_max_id = ? WHERE id = ?`,
		timeText(at), maxID, id); err != nil {
		return fmt.Errorf("mark watch %d seen: %w", id, err)
	}
	return nil
}

// DeleteWatch deletes a watch.
func (s *Store) DeleteWatch(ctx context.Context, id int64) error {
	if _, err := s.w.ExecContext(ctx, `DELETE FROM watches WHERE id = ?`, id); err != nil {
		return fmt.Errorf("delete watch %d: %w", id, err)
	}
	return nil
}
