package store

import (
	"context"
	"fmt"
)

// Keyset paging of the newest-first article list (SortDate). Articles
// pages with OFFSET, which reads every article it skips: a page a million
// articles down takes some 0.4 s. A caller that holds the keys of every
// N-th article (ArticleKeys, read once) reads any page from the nearest key
// before it (ArticlesFrom), skipping fewer than N.

// ArticleKey is an article's place in the newest-first order: its date
// and id.
type ArticleKey struct {
	Published string
	ID        int64
}

// ArticleKeys returns the keys of the 1st, (every+1)-th, (2*every+1)-th...
// articles of the newest-first order (published DESC, id DESC), reading
// only the index on (published, id).
func (s *Store) ArticleKeys(ctx context.Context, every int) ([]ArticleKey, error) {
	if every <= 0 {
		return nil, fmt.Errorf("article keys: every %d articles", every)
	}
	rows, err := s.r.QueryContext(ctx, `SELECT published, id FROM (
		SELECT published, id, row_number() OVER (ORDER BY published DESC, id DESC) AS n FROM articles) AS k
		WHERE (n - 1) % ? = 0 ORDER BY n`, every)
	if err != nil {
		return nil, fmt.Errorf("article keys: %w", err)
	}
	defer rows.Close()
	var out []ArticleKey
	for rows.Next() {
		var k ArticleKey
		if err := rows.Scan(&k.Published, &k.ID); err != nil {
			return nil, fmt.Errorf("article keys: %w", err)
		}
		out = append(out, k)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("article keys: %w", err)
	}
	return out, nil
}

// ArticlesFrom returns up to limit articles of the newest-first order,
// skipping offset articles from the one at key (which is the first when it
// still exists; when deleted, the one that followed it is).
func (s *Store) ArticlesFrom(ctx context.Context, key ArticleKey, limit, offset int) ([]ArticleListing, error) {
	rows, err := s.r.QueryContext(ctx, `SELECT id, title, source, published FROM articles
		WHERE (published, id) <= (?, ?) ORDER BY published DESC, id DESC LIMIT ? OFFSET ?`,
		key.Published, key.ID, sqlLimit(limit), max(offset, 0))
	if err != nil {
		return nil, fmt.Errorf("list articles from %d: %w", key.ID, err)
	}
	defer rows.Close()
	var out []ArticleListing
	for rows.Next() {
		var a ArticleListing
		if err := rows.Scan(&a.ID, &a.Title, &a.Source, &a.Published); err != nil {
			return nil, fmt.Errorf("list articles from %d: %w", key.ID, err)
		}
		out = append(out, a)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("list articles from %d: %w", key.ID, err)
	}
	return out, nil
}
