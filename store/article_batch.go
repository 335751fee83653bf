package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"time"
)

// createChunk is how many articles one INSERT statement writes. Each
// statement that writes in a transaction makes FTS5 write what it holds
// as a new segment of the index (at the statement savepoint), so an
// article inserted by a statement of its own made a segment of one article,
// and FTS5 spent most of an import merging them (60% of the time of a
// bulk load). Articles inserted together make one segment. 13 parameters
// an article: 6,500 a statement, within both backends' limits.
const createChunk = 500

// CreateArticles stores new articles with their originals in one transaction
// and returns their ids in order. An article whose content hash is already
// archived (or repeats one earlier in the batch) is not stored: its slot in
// the returned errors holds a *DuplicateError; the others are nil.
func (s *Store) CreateArticles(ctx context.Context, arts []Article, originals []Original) ([]int64, []error, error) {
	if len(originals) != len(arts) {
		return nil, nil, fmt.Errorf("create articles: %d originals for %d articles", len(originals), len(arts))
	}
	ids := make([]int64, len(arts))
	errs := make([]error, len(arts))
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		for i := range arts {
			if strings.TrimSpace(arts[i].Body) == "" || arts[i].ContentHash == "" {
				return fmt.Errorf("article %q: empty body or hash", arts[i].Title)
			}
		}
		for lo := 0; lo < len(arts); lo += createChunk {
			hi := min(lo+createChunk, len(arts))
			if err := createChunkTx(ctx, tx, arts[lo:hi], originals[lo:hi], ids[lo:hi], errs[lo:hi]); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return nil, nil, fmt.Errorf("create articles: %w", err)
	}
	return ids, errs, nil
}

// createChunkTx stores a chunk of articles: those archived already (or
// earlier in the chunk) are duplicates, the others are inserted by one
// statement, their originals by another.
func createChunkTx(ctx context.Context, tx *sql.Tx, arts []Article, origs []Original, ids []int64, errs []error) error {
	hashes := make([]any, len(arts))
	for i := range arts {
		hashes[i] = arts[i].ContentHash
	}
	archived := map[string]*DuplicateError{}
	err := eachRow(ctx, tx, `SELECT id, title, content_hash FROM articles WHERE content_hash IN (`+nameParams(len(arts))+`)`,
		hashes, func(rows *sql.Rows) error {
			var d DuplicateError
			var h string
			if err := rows.Scan(&d.ID, &d.Title, &h); err != nil {
				return err
			}
			archived[h] = &d
			return nil
		})
	if err != nil {
		return fmt.Errorf("find duplicates: %w", err)
	}
	first := map[string]int{} // content hash -> the chunk's article inserted with it
	var fresh []int
	for i := range arts {
		h := arts[i].ContentHash
		if d, ok := archived[h]; ok {
			errs[i] = d
			continue
		}
		if _, ok := first[h]; ok {
			continue // a duplicate of an earlier one: known once it has its id
		}
		first[h] = i
		fresh = append(fresh, i)
	}
	if len(fresh) > 0 {
		if err := insertArticles(ctx, tx, arts, origs, ids, fresh); err != nil {
			return err
		}
	}
	for i := range arts {
		if j := first[arts[i].ContentHash]; errs[i] == nil && j != i {
			errs[i] = &DuplicateError{ID: ids[j], Title: arts[j].Title}
		}
	}
	return nil
}

// insertArticles inserts the articles arts[k] for k in which, setting
// ids[k] and arts[k].ID, and their originals.
func insertArticles(ctx context.Context, tx *sql.Tx, arts []Article, origs []Original, ids []int64, which []int) error {
	const cols = 13
	row := "(" + nameParams(cols) + ")"
	args := make([]any, 0, cols*len(which))
	byHash := make(map[string]int, len(which))
	now := time.Now().UTC()
	for _, k := range which {
		a := &arts[k]
		if a.ImportedAt.IsZero() {
			a.ImportedAt = now
		}
		args = append(args, a.Title, a.Headline, a.Published, a.PublishedText, a.Byline, a.Source, a.URL, a.Language,
			a.Body, boolInt(a.SummaryOnly), a.ContentHash, a.Origin, a.ImportedAt.UTC().Format(time.RFC3339Nano))
		byHash[a.ContentHash] = k
	}
	q := `INSERT INTO articles (title, headline, published, published_text, byline, source, url, language, body,
		summary_only, content_hash, origin, imported_at) VALUES ` + strings.TrimSuffix(strings.Repeat(row+",", len(which)), ",") +
		` RETURNING id, content_hash`
	got := 0
	err := eachRow(ctx, tx, q, args, func(rows *sql.Rows) error {
		var id int64
		var h string
		if err := rows.Scan(&id, &h); err != nil {
			return err
		}
		k, ok := byHash[h]
		if !ok {
			return fmt.Errorf("insert returned an unknown content hash %q", h)
		}
		ids[k], arts[k].ID = id, id
		got++
		return nil
	})
	if err != nil {
		return fmt.Errorf("insert articles: %w", err)
	}
	if got != len(which) {
		return fmt.Errorf("insert articles: %d ids returned for %d articles", got, len(which))
	}
	args = args[:0]
	for _, k := range which {
		data := origs[k].Data
		if data == nil {
			data = []byte{}
		}
		args = append(args, ids[k], origs[k].ContentType, data)
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO originals (article_id, content_type, data) VALUES `+
		strings.TrimSuffix(strings.Repeat("(?, ?, ?),", len(which)), ","), args...); err != nil {
		return fmt.Errorf("insert originals: %w", err)
	}
	return nil
}
