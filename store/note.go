package store

import (
	"context"
	"database/sql"
	"fmt"
	"time"
)

// The notes table: one note per article.

// Note is what a person wrote about an article.
type Note struct {
	ArticleID int64
	Text      string
	UpdatedAt time.Time
}

// Note returns an article's note; ErrNotFound when it has none.
func (s *Store) Note(ctx context.Context, articleID int64) (Note, error) {
	n := Note{ArticleID: articleID}
	var updated string
	err := s.r.QueryRowContext(ctx, `SELECT text, updated_at FROM notes WHERE article_id = ?`, articleID).
		Scan(&n.Text, &updated)
	if err != nil {
		return Note{}, getError(fmt.Sprintf("note on article %d", articleID), err)
	}
	if n.UpdatedAt, err = time.Parse(time.RFC3339Nano, updated); err != nil {
		return Note{}, fmt.Errorf("note on article %d: bad time %q: %w", articleID, updated, err)
	}
	return n, nil
}

// SetNote replaces an article's note; empty text deletes it. It returns
// ErrNotFound for a missing article.
func (s *Store) SetNote(ctx context.Context, articleID int64, text string) error {
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		if err := articleExists(ctx, tx, articleID); err != nil {
			return err
		}
		if text == "" {
			_, err := tx.ExecContext(ctx, `DELETE FROM notes WHERE article_id = ?`, articleID)
			return err
		}
		_, err := tx.ExecContext(ctx, `INSERT INTO notes (article_id, text, updated_at) VALUES (?, ?, ?)
			ON CONFLICT (article_id) DO UPDATE SET text = excluded.text, updated_at = excluded.updated_at`,
			articleID, text, time.Now().UTC().Format(time.RFC3339Nano))
		return err
	})
	if err != nil {
		return fmt.Errorf("set note on article %d: %w", articleID, err)
	}
	return nil
}
