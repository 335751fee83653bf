package store

import (
	"context"
	"database/sql"
	"fmt"
)

// The fingerprints table: a SimHash per article, for near duplicates.

// Fingerprint is the SimHash of an article's body. The store keeps it but
// does not compute it: package app does, at import and lazily for articles
// that lack one (a body change drops the stored fingerprint).
type Fingerprint struct {
	ArticleID int64
	SimHash   uint64
	// ContentHash, when set on a write, is the content the fingerprint was
	// computed from: it is stored only if the article still has it.
	ContentHash string
}

// ArticleText is an article's id, content hash and body.
type ArticleText struct {
	ID          int64
	ContentHash string
	Body        string
}

// SetFingerprints stores fingerprints, replacing older ones. Fingerprints
// of articles deleted (or changed, when ContentHash is set) since they
// were computed are dropped.
func (s *Store) SetFingerprints(ctx context.Context, fps []Fingerprint) error {
	if len(fps) == 0 {
		return nil
	}
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		st, err := tx.PrepareContext(ctx, `INSERT INTO fingerprints (article_id, simhash)
			SELECT id, ? FROM articles WHERE id = ? AND (? = '' OR content_hash = ?)
			ON CONFLICT (article_id) DO UPDATE SET simhash = excluded.simhash`)
		if err != nil {
			return err
		}
		defer st.Close()
		for _, f := range fps {
			if _, err := st.ExecContext(ctx, int64(f.SimHash), f.ArticleID, f.ContentHash, f.ContentHash); err != nil {
				return fmt.Errorf("article %d: %w", f.ArticleID, err)
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("store fingerprints: %w", err)
	}
	return nil
}

// Fingerprints returns every stored fingerprint, by article id.
func (s *Store) Fingerprints(ctx context.Context) ([]Fingerprint, error) {
	rows, err := s.r.QueryContext(ctx, `SELECT article_id, simhash FROM fingerprints ORDER BY article_id`)
	if err != nil {
		return nil, fmt.Errorf("read fingerprints: %w", err)
	}
	defer rows.Close()
	var out []Fingerprint
	for rows.Next() {
		var f Fingerprint
		var h int64
		if err := rows.Scan(&f.ArticleID, &h); err != nil {
			return nil, fmt.Errorf("read fingerprints: %w", err)
		}
		f.SimHash = uint64(h)
		out = append(out, f)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("read fingerprints: %w", err)
	}
	return out, nil
}

// ArticlesWithoutFingerprint returns up to limit articles that have no
// fingerprint, lowest id first.
func (s *Store) ArticlesWithoutFingerprint(ctx context.Context, limit int) ([]ArticleText, error) {
	rows, err := s.r.QueryContext(ctx, `SELECT a.id, a.content_hash, a.body FROM articles a
		WHERE NOT EXISTS (SELECT 1 FROM fingerprints f WHERE f.article_id = a.id) ORDER BY a.id LIMIT ?`, sqlLimit(limit))
	if err != nil {
		return nil, fmt.Errorf("articles without fingerprint: %w", err)
	}
	defer rows.Close()
	var out []ArticleText
	for rows.Next() {
		var a ArticleText
		if err := rows.Scan(&a.ID, &a.ContentHash, &a.Body); err != nil {
			return nil, fmt.Errorf("articles without fingerprint: %w", err)
		}
		out = append(out, a)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("articles without fingerprint: %w", err)
	}
	return out, nil
}
