package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"
)

// Article is one archived article.
type Article struct {
	ID            int64
	Title         string
	Headline      string
	Published     string // ISO 8601, "" when unknown
	PublishedText string
	Byline        string
	Source        string
	URL           string
	Language      string
	Body          string
	SummaryOnly   bool
	ContentHash   string
	Origin        string
	ImportedAt    time.Time
}

// Original is the document an article was imported from, byte for byte.
type Original struct {
	ContentType string
	Data        []byte
}

// DuplicateError reports an article whose content is already archived.
type DuplicateError struct {
	ID    int64 // the archived article it duplicates
	Title string
}

func (e *DuplicateError) Error() string {
	return fmt.Sprintf("duplicate of article %d (%q)", e.ID, e.Title)
}

const articleColumns = `id, title, headline, published, published_text, byline, source, url, language, body,
	summary_only, content_hash, origin, imported_at`

func scanArticle(row interface{ Scan(...any) error }) (Article, error) {
	var a Article
	var imported string
	err := row.Scan(&a.ID, &a.Title, &a.Headline, &a.Published, &a.PublishedText, &a.Byline, &a.Source, &a.URL,
		&a.Language, &a.Body, &a.SummaryOnly, &a.ContentHash, &a.Origin, &imported)
	if err != nil {
		return Article{}, err
	}
	a.ImportedAt, err = time.Parse(time.RFC3339Nano, imported)
	if err != nil {
		return Article{}, fmt.Errorf("article %d: bad import time %q: %w", a.ID, imported, err)
	}
	return a, nil
}

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
			id, err := createArticle(ctx, tx, &arts[i], originals[i])
			var dup *DuplicateError
			switch {
			case errors.As(err, &dup):
				errs[i] = dup
			case err != nil:
				return err
			}
			ids[i] = id
		}
		return nil
	})
	if err != nil {
		return nil, nil, fmt.Errorf("create articles: %w", err)
	}
	return ids, errs, nil
}

func createArticle(ctx context.Context, tx *sql.Tx, a *Article, o Original) (int64, error) {
	if strings.TrimSpace(a.Body) == "" || a.ContentHash == "" {
		return 0, fmt.Errorf("article %q: empty body or hash", a.Title)
	}
	var dup DuplicateError
	err := tx.QueryRowContext(ctx, `SELECT id, title FROM articles WHERE content_hash = ?`, a.ContentHash).Scan(&dup.ID, &dup.Title)
	switch {
	case err == nil:
		return 0, &dup
	case !errors.Is(err, sql.ErrNoRows):
		return 0, err
	}
	if a.ImportedAt.IsZero() {
		a.ImportedAt = time.Now().UTC()
	}
	var id int64
	err = tx.QueryRowContext(ctx, `INSERT INTO articles (title, headline, published, published_text, byline, source,
		url, language, body, summary_only, content_hash, origin, imported_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
		a.Title, a.Headline, a.Published, a.PublishedText, a.Byline, a.Source, a.URL, a.Language, a.Body,
		boolInt(a.SummaryOnly), a.ContentHash, a.Origin, a.ImportedAt.UTC().Format(time.RFC3339Nano)).Scan(&id)
	if err != nil {
		return 0, fmt.Errorf("insert article %q: %w", a.Title, err)
	}
	if o.Data == nil {
		o.Data = []byte{}
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO originals (article_id, content_type, data) VALUES (?, ?, ?)`,
		id, o.ContentType, o.Data); err != nil {
		return 0, fmt.Errorf("insert original of %q: %w", a.Title, err)
	}
	a.ID = id
	return id, nil
}

// Article returns the article with the given id.
func (s *Store) Article(ctx context.Context, id int64) (Article, error) {
	row := s.r.QueryRowContext(ctx, `SELECT `+articleColumns+` FROM articles WHERE id = ?`, id)
	a, err := scanArticle(row)
	if err != nil {
		return Article{}, getError(fmt.Sprintf("article %d", id), err)
	}
	return a, nil
}

// ArticleByHash returns the article with the given content hash.
func (s *Store) ArticleByHash(ctx context.Context, hash string) (Article, error) {
	row := s.r.QueryRowContext(ctx, `SELECT `+articleColumns+` FROM articles WHERE content_hash = ?`, hash)
	a, err := scanArticle(row)
	if err != nil {
		return Article{}, getError("article by hash", err)
	}
	return a, nil
}

// Original returns the bytes an article was imported from.
func (s *Store) Original(ctx context.Context, articleID int64) (Original, error) {
	var o Original
	err := s.r.QueryRowContext(ctx, `SELECT content_type, data FROM originals WHERE article_id = ?`, articleID).
		Scan(&o.ContentType, &o.Data)
	if err != nil {
		return Original{}, getError(fmt.Sprintf("original of article %d", articleID), err)
	}
	return o, nil
}

// DeleteArticle removes an article, its original and its index entry.
func (s *Store) DeleteArticle(ctx context.Context, id int64) error {
	defer s.NoteArticlesChanged(id)
	return s.inTx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `DELETE FROM articles WHERE id = ?`, id)
		if err != nil {
			return fmt.Errorf("delete article %d: %w", id, err)
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return fmt.Errorf("delete article %d: %w", id, ErrNotFound)
		}
		return nil
	})
}

// ArticleSort orders article lists.
type ArticleSort string

// Article list orders.
const (
	SortDate   ArticleSort = "date" // newest first, undated last
	SortTitle  ArticleSort = "title"
	SortSource ArticleSort = "source"
	SortID     ArticleSort = "id" // import order
)

// ArticleListing is a page of an article list, without bodies.
type ArticleListing struct {
	ID        int64
	Title     string
	Source    string
	Published string
}

// Articles returns a page of articles, without their bodies.
func (s *Store) Articles(ctx context.Context, sortBy ArticleSort, limit, offset int) ([]ArticleListing, error) {
	order := map[ArticleSort]string{
		SortDate:   `published DESC, id DESC`, // '' sorts last
		SortTitle:  `title COLLATE NOCASE, id`,
		SortSource: `source = '', source COLLATE NOCASE, published DESC, id`,
		SortID:     `id`,
	}[sortBy]
	if order == "" {
		return nil, fmt.Errorf("list articles: unknown sort %q", sortBy)
	}
	if limit <= 0 {
		limit = -1
	}
	rows, err := s.r.QueryContext(ctx, `SELECT id, title, source, published FROM articles ORDER BY `+order+
		` LIMIT ? OFFSET ?`, sqlLimit(limit), max(offset, 0))
	if err != nil {
		return nil, fmt.Errorf("list articles: %w", err)
	}
	defer rows.Close()
	var out []ArticleListing
	for rows.Next() {
		var a ArticleListing
		if err := rows.Scan(&a.ID, &a.Title, &a.Source, &a.Published); err != nil {
			return nil, fmt.Errorf("list articles: %w", err)
		}
		out = append(out, a)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("list articles: %w", err)
	}
	return out, nil
}

// ArticleCount returns the number of archived articles.
func (s *Store) ArticleCount(ctx context.Context) (int, error) {
	var n int
	if err := s.r.QueryRowContext(ctx, `SELECT count(*) FROM articles`).Scan(&n); err != nil {
		return 0, fmt.Errorf("count articles: %w", err)
	}
	return n, nil
}
