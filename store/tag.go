package store

import (
	"context"
	"database/sql"
	"fmt"
)

// The tags table and article_tags, which tags carry which articles.

// Tag is a label a person put on articles, with how many carry it.
type Tag struct {
	Name     string
	Articles int
}

// AddTags puts tags on an article, creating the tags that do not exist yet.
// Tag names are compared without regard to ASCII case; a tag the article
// already has is left alone. It returns ErrNotFound for a missing article.
func (s *Store) AddTags(ctx context.Context, articleID int64, names []string) error {
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		if err := articleExists(ctx, tx, articleID); err != nil {
			return err
		}
		for _, n := range names {
			if _, err := tx.ExecContext(ctx, `INSERT INTO tags (name) VALUES (?) ON CONFLICT (name) DO NOTHING`, n); err != nil {
				return fmt.Errorf("create tag %q: %w", n, err)
			}
			if _, err := tx.ExecContext(ctx, `INSERT INTO article_tags (article_id, tag_id)
				SELECT ?, id FROM tags WHERE name = ? ON CONFLICT DO NOTHING`, articleID, n); err != nil {
				return fmt.Errorf("tag %q: %w", n, err)
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("add tags to article %d: %w", articleID, err)
	}
	return nil
}

// RemoveTags takes tags off an article; a tag left on no article is deleted.
// Names the article does not carry are ignored. It returns ErrNotFound for a
// missing article.
func (s *Store) RemoveTags(ctx context.Context, articleID int64, names []string) error {
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		if err := articleExists(ctx, tx, articleID); err != nil {
			return err
		}
		for _, n := range names {
			if _, err := tx.ExecContext(ctx, `DELETE FROM article_tags WHERE article_id = ?
				AND tag_id = (SELECT id FROM tags WHERE name = ?)`, articleID, n); err != nil {
				return fmt.Errorf("untag %q: %w", n, err)
			}
		}
		_, err := tx.ExecContext(ctx, `DELETE FROM tags WHERE id NOT IN (SELECT tag_id FROM article_tags)`)
		return err
	})
	if err != nil {
		return fmt.Errorf("remove tags from article %d: %w", articleID, err)
	}
	return nil
}

// ArticleTags returns an article's tags in name order. It returns
// ErrNotFound for a missing article.
func (s *Store) ArticleTags(ctx context.Context, articleID int64) ([]string, error) {
	if err := articleExists(ctx, s.r, articleID); err != nil {
		return nil, fmt.Errorf("tags of article %d: %w", articleID, err)
	}
	rows, err := s.r.QueryContext(ctx, `SELECT t.name FROM article_tags at JOIN tags t ON t.id = at.tag_id
		WHERE at.article_id = ? ORDER BY t.name COLLATE NOCASE`, articleID)
	if err != nil {
		return nil, fmt.Errorf("tags of article %d: %w", articleID, err)
	}
	defer rows.Close()
	out := []string{}
	for rows.Next() {
		var n string
		if err := rows.Scan(&n); err != nil {
			return nil, fmt.Errorf("tags of article %d: %w", articleID, err)
		}
		out = append(out, n)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("tags of article %d: %w", articleID, err)
	}
	return out, nil
}

// Tags returns every tag with its article count, in name order; prefix, when
// not empty, keeps the tags whose name starts with it (ignoring ASCII case).
func (s *Store) Tags(ctx context.Context, prefix string) ([]Tag, error) {
	rows, err := s.r.QueryContext(ctx, `SELECT t.name, count(at.article_id) FROM tags t
		LEFT JOIN article_tags at ON at.tag_id = t.id
		WHERE substr(t.name, 1, length(?)) = ? COLLATE NOCASE GROUP BY t.id, t.name ORDER BY t.name COLLATE NOCASE`, prefix, prefix)
	if err != nil {
		return nil, fmt.Errorf("list tags: %w", err)
	}
	defer rows.Close()
	out := []Tag{}
	for rows.Next() {
		var t Tag
		if err := rows.Scan(&t.Name, &t.Articles); err != nil {
			return nil, fmt.Errorf("list tags: %w", err)
		}
		out = append(out, t)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("list tags: %w", err)
	}
	return out, nil
}

// TagArticles returns a page of the articles carrying a tag, newest first.
func (s *Store) TagArticles(ctx context.Context, name string, limit, offset int) ([]ArticleListing, error) {
	if limit <= 0 {
		limit = -1
	}
	rows, err := s.r.QueryContext(ctx, `SELECT a.id, a.title, a.source, a.published FROM articles a
		JOIN article_tags at ON at.article_id = a.id JOIN tags t ON t.id = at.tag_id
		WHERE t.name = ? ORDER BY a.published = '', a.published DESC, a.id DESC LIMIT ? OFFSET ?`,
		name, sqlLimit(limit), max(offset, 0))
	if err != nil {
		return nil, fmt.Errorf("articles tagged %q: %w", name, err)
	}
	out, err := scanListings(rows)
	if err != nil {
		return nil, fmt.Errorf("articles tagged %q: %w", name, err)
	}
	return out, nil
}

// TagCount returns how many tags there are (the rows of Tags with no
// prefix).
func (s *Store) TagCount(ctx context.Context) (int, error) {
	var n int
	if err := s.r.QueryRowContext(ctx, `SELECT count(*) FROM tags`).Scan(&n); err != nil {
		return 0, fmt.Errorf("count tags: %w", err)
	}
	return n, nil
}
