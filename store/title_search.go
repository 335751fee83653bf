package store

import (
	"cmp"
	"context"
	"database/sql"
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/newsarchive/newsarchive/store/query"
)

// Titles found by the words typed so far, for the palette of a large archive
// whose lookup index does not hold every title (app/search): a title-only
// full-text query (SQLite: a full-text index of the titles alone, migration
// 0013; PostgreSQL: a GIN index of the title's words, migration 0008),
// bounded by a LIMIT and stopped by its context, so that a stale keystroke
// costs nothing more. Long prefixes are left to the index, unlike the
// article search's (search_prefix.go): the titles' postings are short.

// Bounds of FindTitles.
const (
	// maxTitleWords is how many typed words are looked for; the rest are
	// ignored (the lookup index reads 8 too).
	maxTitleWords = 8
	// minTitlePrefix is the shortest word looked for as a prefix: a single
	// letter stands for tens of thousands of words at a million articles
	// (no prefix index holds them), so it must match a whole word.
	minTitlePrefix = 2
	// maxTitleMatches bounds the limit of one FindTitles.
	maxTitleMatches = 500
)

// FindTitles returns up to limit articles whose titles hold every word of
// text (its runs of letters and digits, as the full-text index reads them),
// the last word, or any word of two letters or more, also as the start of a
// longer word. Titles holding all the words whole come first, then those
// matching by a prefix; each group newest first (by date, then id). Each
// group is drawn from the most recently added matching articles, limit of
// each, so that a word in half the titles costs what a rare one does.
// Text without letters or digits finds nothing.
func (s *Store) FindTitles(ctx context.Context, text string, limit int) ([]ArticleListing, error) {
	words := query.Words(truncateUTF8(text, query.MaxLength))
	if len(words) == 0 || limit <= 0 {
		return nil, nil
	}
	limit = min(limit, maxTitleMatches)
	words = words[:min(len(words), maxTitleWords)]
	var whole, prefixed query.Query
	anyPrefix := false
	for _, w := range words {
		whole.Clauses = append(whole.Clauses, query.Clause{Any: []query.Term{{Words: []string{w}}}})
		p := utf8.RuneCountInString(w) >= minTitlePrefix
		anyPrefix = anyPrefix || p
		prefixed.Clauses = append(prefixed.Clauses, query.Clause{Any: []query.Term{{Words: []string{w}, Prefix: p}}})
	}
	exact, err := s.titleMatches(ctx, whole, limit)
	if err != nil {
		return nil, err
	}
	var more []int64
	if anyPrefix && len(exact) < limit {
		if more, err = s.titleMatches(ctx, prefixed, limit); err != nil {
			return nil, err
		}
	}
	isExact := make(map[int64]bool, len(exact))
	for _, id := range exact {
		isExact[id] = true
	}
	ids := slices.Clone(exact)
	for _, id := range more {
		if !isExact[id] {
			ids = append(ids, id)
		}
	}
	found, err := s.ArticleListings(ctx, ids)
	if err != nil {
		return nil, fmt.Errorf("find titles %q: %w", text, err)
	}
	slices.SortFunc(found, func(a, b ArticleListing) int {
		switch {
		case isExact[a.ID] != isExact[b.ID]:
			if isExact[a.ID] {
				return -1
			}
			return 1
		case a.Published != b.Published:
			return strings.Compare(b.Published, a.Published)
		}
		return cmp.Compare(b.ID, a.ID)
	})
	return found[:min(limit, len(found))], nil
}

// titleMatches returns the ids of up to limit articles whose titles match
// q, the most recently added first.
func (s *Store) titleMatches(ctx context.Context, q query.Query, limit int) ([]int64, error) {
	expr, _ := ftsExpr(s.d, q)
	var ids []int64
	err := eachRow(ctx, s.r, s.d.titleMatching(), []any{s.d.titleExpr(expr), limit}, func(rows *sql.Rows) error {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return err
		}
		ids = append(ids, id)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("find titles: %w", err)
	}
	return ids, nil
}
