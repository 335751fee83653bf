package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
)

// Re-extraction on the articles table: an article's text and metadata read
// again from its stored original by newer parsers.

// ReextractOutcome says what UpdateExtraction did.
type ReextractOutcome int

// Outcomes of UpdateExtraction.
const (
	// ExtractionUnchanged: the new extraction equals the stored one.
	ExtractionUnchanged ReextractOutcome = iota + 1
	// ExtractionChanged: the article now shows the new extraction.
	ExtractionChanged
	// ExtractionDuplicate: the new extraction is another article's
	// content; nothing was changed.
	ExtractionDuplicate
)

// ExtractionUpdate is what UpdateExtraction did to one article.
type ExtractionUpdate struct {
	Outcome      ReextractOutcome
	TitleChanged bool
	BodyChanged  bool
	Old          Article         // the article before
	Duplicate    *DuplicateError // for ExtractionDuplicate
}

// UpdateExtraction replaces the extracted fields of article id (title,
// headline, date, byline, source, language, body, summary flag and content
// hash) by a's, keeping the stored value of each metadata field a leaves
// empty. The original, the URL, the origin, tags, notes and corrections
// stay. A changed body puts the article back on the tagging queue and drops
// its fingerprint (the schema's triggers); the full-text index follows.
func (s *Store) UpdateExtraction(ctx context.Context, id int64, a Article) (ExtractionUpdate, error) {
	var out ExtractionUpdate
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		cur, err := scanArticle(tx.QueryRowContext(ctx, `SELECT `+articleColumns+` FROM articles WHERE id = ?`, id))
		if err != nil {
			return getError(fmt.Sprintf("article %d", id), err)
		}
		out.Old = cur
		if a.Body == "" || a.ContentHash == "" {
			return fmt.Errorf("article %d: new extraction has an empty body or hash", id)
		}
		keep := func(newV, oldV string) string {
			if newV == "" {
				return oldV
			}
			return newV
		}
		next := cur
		next.Title, next.Headline = keep(a.Title, cur.Title), a.Headline
		next.Published, next.PublishedText = keep(a.Published, cur.Published), keep(a.PublishedText, cur.PublishedText)
		next.Byline, next.Source = keep(a.Byline, cur.Byline), keep(a.Source, cur.Source)
		next.Language, next.Body, next.SummaryOnly = keep(a.Language, cur.Language), a.Body, a.SummaryOnly
		next.ContentHash = a.ContentHash
		if next == cur {
			out.Outcome = ExtractionUnchanged
			return nil
		}
		if next.ContentHash != cur.ContentHash {
			var dup DuplicateError
			err := tx.QueryRowContext(ctx, `SELECT id, title FROM articles WHERE content_hash = ? AND id != ?`,
				next.ContentHash, id).Scan(&dup.ID, &dup.Title)
			switch {
			case err == nil:
				out.Outcome, out.Duplicate = ExtractionDuplicate, &dup
				return nil
			case !errors.Is(err, sql.ErrNoRows):
				return fmt.Errorf("article %d: look up content hash: %w", id, err)
			}
		}
		out.Outcome = ExtractionChanged
		out.TitleChanged, out.BodyChanged = next.Title != cur.Title, next.Body != cur.Body
		if out.BodyChanged {
			_, err = tx.ExecContext(ctx, `UPDATE articles SET title = ?, headline = ?, published = ?, published_text = ?,
				byline = ?, source = ?, language = ?, body = ?, summary_only = ?, content_hash = ? WHERE id = ?`,
				next.Title, next.Headline, next.Published, next.PublishedText, next.Byline, next.Source, next.Language,
				next.Body, boolInt(next.SummaryOnly), next.ContentHash, id)
		} else { // leave body out of the SET: its triggers re-queue tagging
			_, err = tx.ExecContext(ctx, `UPDATE articles SET title = ?, headline = ?, published = ?, published_text = ?,
				byline = ?, source = ?, language = ?, summary_only = ?, content_hash = ? WHERE id = ?`,
				next.Title, next.Headline, next.Published, next.PublishedText, next.Byline, next.Source, next.Language,
				boolInt(next.SummaryOnly), next.ContentHash, id)
		}
		if err != nil {
			return fmt.Errorf("update article %d: %w", id, err)
		}
		return nil
	})
	if err != nil {
		return ExtractionUpdate{}, fmt.Errorf("re-extract article %d: %w", id, err)
	}
	if out.Outcome == ExtractionChanged {
		s.NoteArticlesChanged(id)
	}
	return out, nil
}

// ArticleIDs returns the ids of every article, in id order.
func (s *Store) ArticleIDs(ctx context.Context) ([]int64, error) {
	rows, err := s.r.QueryContext(ctx, `SELECT id FROM articles ORDER BY id`)
	if err != nil {
		return nil, fmt.Errorf("article ids: %w", err)
	}
	ids, err := scanIDs(rows, "article ids")
	if err != nil {
		return nil, fmt.Errorf("article ids: %w", err)
	}
	return ids, nil
}
