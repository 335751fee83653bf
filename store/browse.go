package store

import (
	"context"
	"fmt"
	"strings"
)

// SourceCount is a publication with how many of its articles are archived.
type SourceCount struct {
	Name     string
	Articles int
}

// Sources returns the named sources with their article counts, most
// articles first.
func (s *Store) Sources(ctx context.Context) ([]SourceCount, error) {
	rows, err := s.r.QueryContext(ctx, `SELECT source, count(*) FROM articles WHERE source != ''
		GROUP BY source ORDER BY count(*) DESC, source COLLATE NOCASE`)
	if err != nil {
		return nil, fmt.Errorf("list sources: %w", err)
	}
	defer rows.Close()
	out := []SourceCount{}
	for rows.Next() {
		var c SourceCount
		if err := rows.Scan(&c.Name, &c.Articles); err != nil {
			return nil, fmt.Errorf("list sources: %w", err)
		}
		out = append(out, c)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("list sources: %w", err)
	}
	return out, nil
}

// SourceArticles returns a page of one source's articles, newest first.
func (s *Store) SourceArticles(ctx context.Context, source string, limit, offset int) ([]ArticleListing, error) {
	if limit <= 0 {
		limit = -1
	}
	rows, err := s.r.QueryContext(ctx, `SELECT id, title, source, published FROM articles WHERE source = ?
		ORDER BY published = '', published DESC, id DESC LIMIT ? OFFSET ?`, source, sqlLimit(limit), max(offset, 0))
	if err != nil {
		return nil, fmt.Errorf("articles from %q: %w", source, err)
	}
	out, err := scanListings(rows)
	if err != nil {
		return nil, fmt.Errorf("articles from %q: %w", source, err)
	}
	return out, nil
}

// EntityCounts returns how many distinct entities each of the given articles
// (at most 500) mentions; articles with none are left out.
func (s *Store) EntityCounts(ctx context.Context, ids []int64) (map[int64]int, error) {
	out := make(map[int64]int, len(ids))
	if len(ids) == 0 {
		return out, nil
	}
	if len(ids) > 500 {
		return nil, fmt.Errorf("entity counts: %d ids, at most 500", len(ids))
	}
	args := make([]any, len(ids))
	for i, id := range ids {
		args[i] = id
	}
	rows, err := s.r.QueryContext(ctx, `SELECT article_id, count(DISTINCT entity_id) FROM mentions
		WHERE article_id IN (?`+strings.Repeat(",?", len(ids)-1)+`) GROUP BY article_id`, args...)
	if err != nil {
		return nil, fmt.Errorf("entity counts: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		var n int
		if err := rows.Scan(&id, &n); err != nil {
			return nil, fmt.Errorf("entity counts: %w", err)
		}
		out[id] = n
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("entity counts: %w", err)
	}
	return out, nil
}
