package store

import (
	"context"
	"fmt"
	"math"
	"slices"
	"time"

	"github.com/newsarchive/newsarchive/store/query"
)

// Counting articles per day, for the coverage charts. The counts come from
// the same pipeline as SearchArticles (full-text match, then the metadata
// cache's dates and sources, then the entity sets), so a chart of a search
// and the search agree on every total.

// CountFilter says which articles CountByDay counts: those a Search with
// the same fields would find (its Sort, Limit and Offset are unused), with
// an empty Query meaning every article; and, when Tag is set, carrying that
// tag (any ASCII case).
type CountFilter struct {
	Search
	Tag string
}

// DayCount is the number of articles published on one day.
type DayCount struct {
	Day   time.Time // midnight UTC of the day as written in the article's date
	Count int
}

// DayCounts is what CountByDay returns: the dated articles per day, in
// ascending order of day, and the undated ones apart.
type DayCounts struct {
	Days    []DayCount
	Undated int
	// Total is the number of articles counted, dated or not: the Total of
	// the same search.
	Total int
}

// CountByDay counts the articles f keeps per day of publication. The day is
// the one written in the article's date (its first ten characters), as the
// search's date filters read it. Articles without a date are counted in
// Undated; a date filter drops them, as it does in search.
func (s *Store) CountByDay(ctx context.Context, f CountFilter) (DayCounts, error) {
	ids, _, err := s.filtered(ctx, f)
	if err != nil {
		return DayCounts{}, fmt.Errorf("count by day: %w", err)
	}
	return s.bucketDays(ctx, ids)
}

// FilteredArticles returns a page of the articles f keeps, newest first,
// with Total exact: what a click on a bar of a coverage chart lists. Query
// words, if any, are marked in the snippets.
func (s *Store) FilteredArticles(ctx context.Context, f CountFilter) (SearchResult, error) {
	ids, terms, err := s.filtered(ctx, f)
	if err != nil {
		return SearchResult{}, fmt.Errorf("list articles: %w", err)
	}
	limit := f.Limit
	if limit <= 0 {
		limit = 20
	}
	limit, offset := min(limit, maxSearchLimit), max(f.Offset, 0)
	m, err := s.searchMeta(ctx)
	if err != nil {
		return SearchResult{}, fmt.Errorf("list articles: %w", err)
	}
	valid := ids[:0:0]
	for _, id := range ids {
		if id > 0 && id < int64(len(m.date)) && m.date[id] != 0 {
			valid = append(valid, id)
		}
	}
	page := newestFirst(m.date, valid, offset+limit)
	m.mu.RUnlock()
	res := SearchResult{Total: len(valid), TotalExact: true}
	if offset < len(page) {
		page = page[offset:]
	} else {
		page = nil
	}
	if res.Hits, err = s.searchPage(ctx, terms, page); err != nil {
		return SearchResult{}, fmt.Errorf("list articles: %w", err)
	}
	return res, nil
}

// filtered returns the ids of the articles f keeps, in no order, and the
// terms to mark in snippets.
func (s *Store) filtered(ctx context.Context, f CountFilter) ([]int64, []query.Term, error) {
	q, _ := longPrefixes(f.Query)
	pos, neg := ftsExpr(s.d, q)
	var ids, excluded []int64
	var err error
	all := f.Query.Empty() || pos == ""
	switch {
	case f.Query.Empty():
	case pos == "":
		if excluded, err = s.d.matchIDs(ctx, s, neg); err != nil {
			return nil, nil, err
		}
		slices.Sort(excluded)
	default:
		if ids, err = s.d.matchIDs(ctx, s, ftsAndNot(s.d, pos, neg)); err != nil {
			return nil, nil, err
		}
	}
	sets, err := s.filterSets(ctx, f.Search)
	if err != nil {
		return nil, nil, err
	}
	if f.Tag != "" {
		set, err := s.articleSet(ctx, `SELECT `+s.d.idList("at.article_id", true)+` FROM article_tags at
			JOIN tags t ON t.id = at.tag_id WHERE t.name = ?`, f.Tag)
		if err != nil {
			return nil, nil, fmt.Errorf("tag %q: %w", f.Tag, err)
		}
		sets = append(sets, set)
	}
	// ranked: keep the matches in any order, need none ordered.
	cands, err := s.candidates(ctx, f.Search, ids, all, excluded, sets, true, 0)
	if err != nil {
		return nil, nil, err
	}
	kept := cands.ids
	if f.EntityType != "" {
		if kept, _, _, err = s.withEntityType(ctx, kept, f.EntityType, math.MaxInt); err != nil {
			return nil, nil, err
		}
	}
	return kept, q.Highlights(), nil
}

// bucketDays counts ids per day of their date in the metadata cache.
func (s *Store) bucketDays(ctx context.Context, ids []int64) (DayCounts, error) {
	m, err := s.searchMeta(ctx)
	if err != nil {
		return DayCounts{}, fmt.Errorf("count by day: %w", err)
	}
	byDay := map[int64]int{}
	out := DayCounts{}
	for _, id := range ids {
		if id <= 0 || id >= int64(len(m.date)) || m.date[id] == 0 {
			continue // deleted since it matched
		}
		out.Total++
		k := m.date[id]
		if k == undated {
			out.Undated++
			continue
		}
		byDay[(k-undated-1)/1_000_000]++ // yyyymmdd
	}
	m.mu.RUnlock()
	days := make([]int64, 0, len(byDay))
	for d := range byDay {
		days = append(days, d)
	}
	slices.Sort(days)
	out.Days = make([]DayCount, 0, len(days))
	for _, d := range days {
		out.Days = append(out.Days, DayCount{Day: civilDay(d), Count: byDay[d]})
	}
	return out, nil
}

// civilDay turns yyyymmdd into midnight UTC; a zero month or day (a date
// given as a bare year or month) reads as the first.
func civilDay(d int64) time.Time {
	y, mo, day := int(d/10000), time.Month(d/100%100), int(d%100)
	mo = max(mo, 1)
	day = max(day, 1)
	return time.Date(y, mo, day, 0, 0, 0, 0, time.UTC)
}

// SourceSpan is a source with its article count and the dates of its
// first and last dated articles ("" when none is dated).
type SourceSpan struct {
	Name        string
	Articles    int
	Undated     int
	First, Last string
}

// SourceSpans returns the named sources with their counts and date ranges,
// most articles first.
func (s *Store) SourceSpans(ctx context.Context) ([]SourceSpan, error) {
	rows, err := s.r.QueryContext(ctx, `SELECT source, count(*),
		sum(CASE WHEN published = '' THEN 1 ELSE 0 END),
		coalesce(min(CASE WHEN published = '' THEN NULL ELSE published END), ''), coalesce(max(published), '')
		FROM articles WHERE source != '' GROUP BY source ORDER BY count(*) DESC, source COLLATE NOCASE`)
	if err != nil {
		return nil, fmt.Errorf("source date ranges: %w", err)
	}
	defer rows.Close()
	out := []SourceSpan{}
	for rows.Next() {
		var c SourceSpan
		if err := rows.Scan(&c.Name, &c.Articles, &c.Undated, &c.First, &c.Last); err != nil {
			return nil, fmt.Errorf("source date ranges: %w", err)
		}
		out = append(out, c)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("source date ranges: %w", err)
	}
	return out, nil
}
