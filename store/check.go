package store

import (
	"context"
	"fmt"
)

// Check runs SQLite's integrity check and the full-text index's own check,
// and verifies that every article has its original and an index entry. It
// returns the problems found; none means the archive is sound.
func (s *Store) Check(ctx context.Context) ([]string, error) {
	var problems []string
	rows, err := s.r.QueryContext(ctx, `PRAGMA integrity_check`)
	if err != nil {
		return nil, fmt.Errorf("integrity check: %w", err)
	}
	for rows.Next() {
		var msg string
		if err := rows.Scan(&msg); err != nil {
			rows.Close()
			return nil, fmt.Errorf("integrity check: %w", err)
		}
		if msg != "ok" {
			problems = append(problems, "sqlite: "+msg)
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("integrity check: %w", err)
	}
	// The FTS5 check compares the index with its content table; it needs
	// the writer since it is written as an INSERT.
	if _, err := s.w.ExecContext(ctx, `INSERT INTO articles_fts (articles_fts, rank) VALUES ('integrity-check', 1)`); err != nil {
		problems = append(problems, "full-text index: "+err.Error())
	}
	var n int
	if err := s.r.QueryRowContext(ctx, `SELECT count(*) FROM articles a LEFT JOIN originals o ON o.article_id = a.id
		WHERE o.article_id IS NULL`).Scan(&n); err != nil {
		return nil, fmt.Errorf("check originals: %w", err)
	}
	if n > 0 {
		problems = append(problems, fmt.Sprintf("%d articles have no original", n))
	}
	return problems, nil
}
