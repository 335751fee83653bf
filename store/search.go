package store

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/newsarchive/newsarchive/store/query"
)

// Snippet marks: a matched passage in SearchHit.Snippet is enclosed in
// MarkStart and MarkEnd.
const (
	MarkStart = "\x02"
	MarkEnd   = "\x03"
)

// Search orders.
const (
	ByRelevance = "relevance"
	ByDate      = "date"
)

// Search is a full-text search with filters.
type Search struct {
	Query  query.Query
	From   string // ISO date, inclusive; "" for no bound
	To     string // ISO date, inclusive
	Source string // exact source name, case-insensitive
	Sort   string // ByRelevance (default) or ByDate
	Limit  int
	Offset int
}

// SearchHit is one article found.
type SearchHit struct {
	ID        int64
	Title     string
	Published string
	Source    string
	Snippet   string
}

// SearchResult is a page of hits.
type SearchResult struct {
	Hits  []SearchHit
	Total int    // articles matching
	Note  string // how the results were ordered when not as asked
}

// ftsExpr renders a query in FTS5 syntax: every word quoted, so no user text
// is ever read as an operator.
func ftsExpr(q query.Query) (positive, negative string) {
	var pos, neg []string
	for _, c := range q.Clauses {
		var alts []string
		for _, t := range c.Any {
			quoted := make([]string, len(t.Words))
			for i, w := range t.Words {
				quoted[i] = `"` + strings.ReplaceAll(w, `"`, `""`) + `"`
			}
			s := strings.Join(quoted, " + ")
			if t.Prefix {
				s += " *"
			}
			alts = append(alts, s)
		}
		expr := "(" + strings.Join(alts, " OR ") + ")"
		if c.Exclude {
			neg = append(neg, expr)
		} else {
			pos = append(pos, expr)
		}
	}
	return strings.Join(pos, " AND "), strings.Join(neg, " OR ")
}

// SearchArticles runs a full-text search.
func (s *Store) SearchArticles(ctx context.Context, sr Search) (SearchResult, error) {
	if sr.Query.Empty() {
		return SearchResult{}, errors.New("search: type a word to search for")
	}
	pos, neg := ftsExpr(sr.Query)
	var where []string
	var args []any
	snippet := `''`
	from := `articles a`
	if pos != "" {
		match := pos
		if neg != "" {
			match = "(" + pos + ") NOT (" + neg + ")"
		}
		from = `articles_fts f JOIN articles a ON a.id = f.rowid`
		where = append(where, `articles_fts MATCH ?`)
		args = append(args, match)
		snippet = `snippet(articles_fts, -1, char(2), char(3), '…', 24)`
	} else {
		where = append(where, `a.id NOT IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?)`)
		args = append(args, neg)
	}
	if sr.From != "" {
		where = append(where, `a.published != '' AND a.published >= ?`)
		args = append(args, sr.From)
	}
	if sr.To != "" {
		where = append(where, `a.published != '' AND substr(a.published, 1, 10) <= ?`)
		args = append(args, sr.To)
	}
	if sr.Source != "" {
		where = append(where, `a.source = ? COLLATE NOCASE`)
		args = append(args, sr.Source)
	}
	cond := strings.Join(where, " AND ")
	var res SearchResult
	if err := s.r.QueryRowContext(ctx, `SELECT count(*) FROM `+from+` WHERE `+cond, args...).Scan(&res.Total); err != nil {
		return SearchResult{}, fmt.Errorf("search: %w", err)
	}
	order := `a.published = '', a.published DESC, a.id DESC`
	if sr.Sort != ByDate && pos != "" {
		order = `f.rank`
	}
	limit := sr.Limit
	if limit <= 0 {
		limit = 20
	}
	rows, err := s.r.QueryContext(ctx, `SELECT a.id, a.title, a.published, a.source, `+snippet+` FROM `+from+
		` WHERE `+cond+` ORDER BY `+order+` LIMIT ? OFFSET ?`, append(args, limit, max(sr.Offset, 0))...)
	if err != nil {
		return SearchResult{}, fmt.Errorf("search: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var h SearchHit
		if err := rows.Scan(&h.ID, &h.Title, &h.Published, &h.Source, &h.Snippet); err != nil {
			return SearchResult{}, fmt.Errorf("search: %w", err)
		}
		res.Hits = append(res.Hits, h)
	}
	if err := rows.Err(); err != nil {
		return SearchResult{}, fmt.Errorf("search: %w", err)
	}
	if pos == "" {
		res.Note = "only exclusions given: articles without those words, newest first"
	}
	return res, nil
}
