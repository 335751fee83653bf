package app

import (
	"context"
	"errors"
	"fmt"
	"regexp"
	"strings"

	"github.com/newsarchive/newsarchive/store"
	"github.com/newsarchive/newsarchive/store/query"
)

// SearchOptions are the filters and order of a search.
type SearchOptions struct {
	From, To string // dates: YYYY, YYYY-MM or YYYY-MM-DD
	Source   string
	Sort     string // "relevance" (default) or "date"
	Limit    int
	Offset   int
}

// ErrBadQuery wraps errors in what the user typed.
var ErrBadQuery = errors.New("bad query")

var partialDateRe = regexp.MustCompile(`^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$`)

// normDate expands a partial date to the first (or last) day it covers.
func normDate(s string, end bool) (string, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return "", nil
	}
	m := partialDateRe.FindStringSubmatch(s)
	if m == nil {
		return "", fmt.Errorf("%w: date %q: use YYYY, YYYY-MM or YYYY-MM-DD", ErrBadQuery, s)
	}
	month, day := m[2], m[3]
	if month == "" {
		month = map[bool]string{false: "01", true: "12"}[end]
	}
	if day == "" {
		day = map[bool]string{false: "01", true: "31"}[end]
	}
	return m[1] + "-" + month + "-" + day, nil
}

// Search runs a full-text search as typed by a person.
func (a *App) Search(ctx context.Context, text string, opt SearchOptions) (store.SearchResult, error) {
	q := query.Parse(text)
	if q.Empty() {
		return store.SearchResult{}, fmt.Errorf("%w: type a word to search for", ErrBadQuery)
	}
	from, err := normDate(opt.From, false)
	if err != nil {
		return store.SearchResult{}, err
	}
	to, err := normDate(opt.To, true)
	if err != nil {
		return store.SearchResult{}, err
	}
	switch opt.Sort {
	case "", store.ByRelevance, store.ByDate:
	default:
		return store.SearchResult{}, fmt.Errorf("%w: sort by %q: use relevance or date", ErrBadQuery, opt.Sort)
	}
	return a.Store.SearchArticles(ctx, store.Search{
		Query: q, From: from, To: to, Source: opt.Source, Sort: opt.Sort, Limit: opt.Limit, Offset: opt.Offset,
	})
}
