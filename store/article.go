package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"
)

// The articles table, and originals: the bytes each article was imported
// from, one row per article.

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

// createStmts are the statements that store an article, prepared once per
// transaction rather than once per article.
type createStmts struct {
	dup, article, original *sql.Stmt
}

func prepareCreate(ctx context.Context, tx *sql.Tx) (*createStmts, error) {
	st := &createStmts{}
	for _, p := range []struct {
		to *(*sql.Stmt)
		q  string
	}{
		{&st.dup, `SELECT id, title FROM articles WHERE content_hash = ?`},
		{&st.article, `INSERT INTO articles (title, headline, published, published_text, byline, source,
			url, language, body, summary_only, content_hash, origin, imported_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`},
		{&st.original, `INSERT INTO originals (article_id, content_type, data) VALUES (?, ?, ?)`},
	} {
		stmt, err := tx.PrepareContext(ctx, p.q)
		if err != nil {
			st.close()
			return nil, fmt.Errorf("prepare: %w", err)
		}
		*p.to = stmt
	}
	return st, nil
}

func (st *createStmts) close() {
	for _, s := range []*sql.Stmt{st.dup, st.article, st.original} {
		if s != nil {
			s.Close()
		}
	}
}

func createArticle(ctx context.Context, tx *sql.Tx, a *Article, o Original) (int64, error) {
	st, err := prepareCreate(ctx, tx)
	if err != nil {
		return 0, err
	}
	defer st.close()
	return st.create(ctx, a, o)
}

func (st *createStmts) create(ctx context.Context, a *Article, o Original) (int64, error) {
	if strings.TrimSpace(a.Body) == "" || a.ContentHash == "" {
		return 0, fmt.Errorf("article %q: empty body or hash", a.Title)
	}
	var dup DuplicateError
	err := st.dup.QueryRowContext(ctx, a.ContentHash).Scan(&dup.ID, &dup.Title)
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
	err = st.article.QueryRowContext(ctx, a.Title, a.Headline, a.Published, a.PublishedText, a.Byline, a.Source,
		a.URL, a.Language, a.Body, boolInt(a.SummaryOnly), a.ContentHash, a.Origin,
		a.ImportedAt.UTC().Format(time.RFC3339Nano)).Scan(&id)
	if err != nil {
		return 0, fmt.Errorf("insert article %q: %w", a.Title, err)
	}
	if o.Data == nil {
		o.Data = []byte{}
	}
	if _, err := st.original.ExecContext(ctx, id, o.ContentType, o.Data); err != nil {
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

// DeleteArticle removes an article, its original and its index entry, with
// everything hanging on it (mentions, tags, note, snapshots...); the counts
// of the entities it mentioned are refreshed.
func (s *Store) DeleteArticle(ctx context.Context, id int64) error {
	defer s.NoteArticlesChanged(id)
	return s.inTx(ctx, func(tx *sql.Tx) error {
		mentioned, err := entityIDsOf(ctx, tx, id)
		if err != nil {
			return fmt.Errorf("delete article %d: %w", id, err)
		}
		res, err := tx.ExecContext(ctx, `DELETE FROM articles WHERE id = ?`, id)
		if err != nil {
			return fmt.Errorf("delete article %d: %w", id, err)
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return fmt.Errorf("delete article %d: %w", id, ErrNotFound)
		}
		touched := make(map[int64]bool, len(mentioned))
		for _, e := range mentioned {
			touched[e] = true
		}
		return refreshCounts(ctx, tx, touched)
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

// articleOrders are the ORDER BY of each sort of the article list; each
// has an index (migrations 0011, PostgreSQL 0006).
var articleOrders = map[ArticleSort]string{
	SortDate:   `published DESC, id DESC`, // '' sorts last
	SortTitle:  `title COLLATE NOCASE, id`,
	SortSource: `source = '', source COLLATE NOCASE, published DESC, id`,
	SortID:     `id`,
}

// Articles returns a page of articles, without their bodies.
func (s *Store) Articles(ctx context.Context, sortBy ArticleSort, limit, offset int) ([]ArticleListing, error) {
	order := articleOrders[sortBy]
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

// ArticlesAfter returns the id, title, source and date of every article
// whose id is above afterID, in id order.
func (s *Store) ArticlesAfter(ctx context.Context, afterID int64) ([]ArticleListing, error) {
	return s.ArticlesAfterLimit(ctx, afterID, -1)
}

// ArticlesAfterLimit is ArticlesAfter for the first limit articles only
// (all when limit < 0): a caller reading a large archive in chunks holds
// one chunk at a time.
func (s *Store) ArticlesAfterLimit(ctx context.Context, afterID int64, limit int) ([]ArticleListing, error) {
	rows, err := s.r.QueryContext(ctx, `SELECT id, title, source, published FROM articles WHERE id > ? ORDER BY id LIMIT ?`,
		afterID, sqlLimit(limit))
	if err != nil {
		return nil, fmt.Errorf("articles after %d: %w", afterID, err)
	}
	defer rows.Close()
	var out []ArticleListing
	for rows.Next() {
		var a ArticleListing
		if err := rows.Scan(&a.ID, &a.Title, &a.Source, &a.Published); err != nil {
			return nil, fmt.Errorf("articles after %d: %w", afterID, err)
		}
		out = append(out, a)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("articles after %d: %w", afterID, err)
	}
	return out, nil
}

// ExistingSources returns which of the given source names some article
// still has.
func (s *Store) ExistingSources(ctx context.Context, names []string) (map[string]bool, error) {
	out := map[string]bool{}
	for _, name := range names {
		var one int
		err := s.r.QueryRowContext(ctx, `SELECT 1 FROM articles WHERE source = ? LIMIT 1`, name).Scan(&one)
		if err != nil && !errors.Is(err, sql.ErrNoRows) {
			return nil, fmt.Errorf("source %q: %w", name, err)
		}
		out[name] = err == nil
	}
	return out, nil
}

// ArticleListings returns the listings of the given articles in the order
// of ids; ids with no article are left out.
func (s *Store) ArticleListings(ctx context.Context, ids []int64) ([]ArticleListing, error) {
	if len(ids) == 0 {
		return nil, nil
	}
	byID := make(map[int64]ArticleListing, len(ids))
	const chunk = 500
	for lo := 0; lo < len(ids); lo += chunk {
		part := ids[lo:min(lo+chunk, len(ids))]
		args := make([]any, len(part))
		for i, id := range part {
			args[i] = id
		}
		q := `SELECT id, title, source, published FROM articles WHERE id IN (?` +
			strings.Repeat(", ?", len(part)-1) + `)`
		if err := s.collectListings(ctx, q, args, byID); err != nil {
			return nil, err
		}
	}
	out := make([]ArticleListing, 0, len(ids))
	for _, id := range ids {
		if l, ok := byID[id]; ok {
			out = append(out, l)
		}
	}
	return out, nil
}

func (s *Store) collectListings(ctx context.Context, q string, args []any, into map[int64]ArticleListing) error {
	rows, err := s.r.QueryContext(ctx, q, args...)
	if err != nil {
		return fmt.Errorf("article listings: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var l ArticleListing
		if err := rows.Scan(&l.ID, &l.Title, &l.Source, &l.Published); err != nil {
			return fmt.Errorf("article listings: %w", err)
		}
		into[l.ID] = l
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("article listings: %w", err)
	}
	return nil
}

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

// MaxArticleID returns the highest article id, 0 for an empty archive.
func (s *Store) MaxArticleID(ctx context.Context) (int64, error) {
	var id int64
	if err := s.r.QueryRowContext(ctx, `SELECT coalesce(max(id), 0) FROM articles`).Scan(&id); err != nil {
		return 0, fmt.Errorf("highest article id: %w", err)
	}
	return id, nil
}

// articleExists returns ErrNotFound when no article has the id.
func articleExists(ctx context.Context, q interface {
	QueryRowContext(context.Context, string, ...any) *sql.Row
}, id int64) error {
	var one int
	err := q.QueryRowContext(ctx, `SELECT 1 FROM articles WHERE id = ?`, id).Scan(&one)
	if err != nil {
		return getError(fmt.Sprintf("article %d", id), err)
	}
	return nil
}

// scanListings reads article listings (id, title, source, published) and
// closes rows.
func scanListings(rows *sql.Rows) ([]ArticleListing, error) {
	defer rows.Close()
	var out []ArticleListing
	for rows.Next() {
		var a ArticleListing
		if err := rows.Scan(&a.ID, &a.Title, &a.Source, &a.Published); err != nil {
			return nil, err
		}
		out = append(out, a)
	}
	return out, rows.Err()
}

// SourceTotal returns how many named sources have archived articles (the
// rows of Sources, without reading them).
func (s *Store) SourceTotal(ctx context.Context) (int, error) {
	var n int
	if err := s.r.QueryRowContext(ctx, `SELECT count(DISTINCT source) FROM articles WHERE source != ''`).Scan(&n); err != nil {
		return 0, fmt.Errorf("count sources: %w", err)
	}
	return n, nil
}
