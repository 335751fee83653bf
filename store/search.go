package store

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

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

// Search bounds. Ranking by bm25 costs FTS5 a few microseconds per matching
// article, so a search whose words match more than RankLimit articles is
// shown newest first (SearchResult.Note says so): at 100k articles a common
// word would otherwise take 400 ms.
const (
	RankLimit      = 1000
	maxSearchLimit = 500
	typeCheckAll   = 2000 // entity-type filter: check at most this many candidates up front
	typeCheckBatch = 500
)

// Search is a full-text search with filters. Filters combine with AND.
type Search struct {
	Query  query.Query
	From   string // ISO date, inclusive; "" for no bound
	To     string // ISO date, inclusive
	Source string // exact source name, case-insensitive
	// Entities keeps articles mentioning any of these entities; nil for no
	// filter. A non-nil empty list (a name that matched no entity) keeps none.
	Entities []int64
	// EntityType keeps articles mentioning an entity of this type (PERSON,
	// ORG, PLACE, MISC); "" for no filter.
	EntityType string
	// Tags are not filtered on yet. To add them: a Tags []int64 field here
	// and, in filterSets, one more articleSet query over article_tags
	// (tag_id, article_id), exactly as for Entities.
	Sort   string // ByRelevance (default) or ByDate
	Limit  int    // default 20, at most 500
	Offset int
	// Exact lists every match, however many, so that the total is exact:
	// a search matching more than scanCap articles otherwise estimates it
	// (SearchResult.Approx). It costs a quarter of a second for a common
	// word at a million articles.
	Exact bool
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
	Hits []SearchHit
	// Total is the number of articles matching, or when TotalExact is false
	// a lower bound of it ("at least Total"), or when Approx is set too an
	// estimate ("about Total": a search matching too many articles to list,
	// see search_large.go).
	Total      int
	TotalExact bool
	Approx     bool
	Note       string // how the results were ordered when not as asked
}

// minPrefixRunes is the shortest prefix searched as a prefix: "t*" would
// make FTS5 merge the postings of every word starting with t.
const minPrefixRunes = 2

// longPrefixes returns q with one-letter prefixes read as whole words, and
// whether it changed any.
func longPrefixes(q query.Query) (query.Query, bool) {
	changed := false
	out := query.Query{Clauses: make([]query.Clause, len(q.Clauses))}
	for i, c := range q.Clauses {
		out.Clauses[i] = query.Clause{Exclude: c.Exclude, Any: slices.Clone(c.Any)}
		for j, t := range c.Any {
			if t.Prefix && utf8.RuneCountInString(t.Words[len(t.Words)-1]) < minPrefixRunes {
				out.Clauses[i].Any[j].Prefix = false
				changed = true
			}
		}
	}
	return out, changed
}

// SearchArticles runs a full-text search. The full-text index lists the
// matching article ids; an in-memory copy of every article's date and source
// filters and orders them (see searchMeta); bm25 ranks them when they are at
// most RankLimit; only the page shown is read from the articles table.
func (s *Store) SearchArticles(ctx context.Context, sr Search) (SearchResult, error) {
	if sr.Query.Empty() {
		return SearchResult{}, errors.New("search: type a word to search for")
	}
	q, shortened := longPrefixes(sr.Query)
	expanded, slow, err := s.expandPrefixes(ctx, q)
	if err != nil {
		return SearchResult{}, err
	}
	pos, neg := ftsExpr(s.d, expanded)
	match := ftsAndNot(s.d, pos, neg)
	limit := sr.Limit
	if limit <= 0 {
		limit = 20
	}
	limit, offset := min(limit, maxSearchLimit), max(sr.Offset, 0)

	var notes []string
	if shortened {
		notes = append(notes, "one-letter prefixes are searched as words")
	}
	sets, err := s.filterSets(ctx, sr)
	if err != nil {
		return SearchResult{}, err
	}
	need := offset + limit
	if sr.EntityType != "" {
		need = -1 // every candidate, in order: the type check walks them
	}
	// list lists the matches of expr, or finds the page of a search matching
	// too many articles to list (large; negate: the articles NOT matching).
	list := func(expr string, negate bool) ([]int64, *largePage, error) {
		if need < 0 || need > probeMaxNeed || slow || sr.Exact {
			ids, err := s.d.matchIDs(ctx, s, expr)
			return ids, nil, err
		}
		ids, more, err := s.d.matchFirstIDs(ctx, s, expr, scanCap)
		if err != nil || !more {
			return ids, nil, err
		}
		lp, ok, err := s.largeSearch(ctx, sr, expr, ids, negate, sets, need)
		if err != nil || ok {
			return nil, &lp, err
		}
		ids, err = s.d.matchIDs(ctx, s, expr)
		return ids, nil, err
	}
	var ids, excluded []int64
	var large *largePage
	ranked := false
	switch {
	case pos == "":
		notes = append(notes, "only exclusions given: articles without those words, newest first")
		if excluded, large, err = list(neg, true); err != nil {
			return SearchResult{}, err
		}
	default:
		if ids, large, err = list(match, false); err != nil {
			return SearchResult{}, err
		}
		switch n := len(ids); {
		case sr.Sort == ByDate:
		case large != nil:
			about := "about "
			if large.exact {
				about = ""
			}
			notes = append(notes, fmt.Sprintf("%s%s matches: showing the newest; add words or filters to rank by relevance", about, thousands(large.total)))
		case n <= RankLimit:
			// Ranked with the prefixes as typed: bm25 over the words a
			// prefix was expanded into would weigh each word's rarity apart
			// and put the articles with a rare one ("econometrics") first.
			rpos, rneg := ftsExpr(s.d, q)
			if ids, err = s.d.rankedIDs(ctx, s, ftsAndNot(s.d, rpos, rneg)); err != nil {
				return SearchResult{}, err
			}
			ranked = true
		default:
			notes = append(notes, fmt.Sprintf("%s matches: showing the newest; add words or filters to rank by relevance", thousands(n)))
		}
	}
	if large != nil {
		return s.finish(ctx, q, SearchResult{Total: large.total, TotalExact: large.exact, Approx: !large.exact},
			large.ids, offset, limit, notes)
	}
	cands, err := s.candidates(ctx, sr, ids, pos == "", excluded, sets, ranked, need)
	if err != nil {
		return SearchResult{}, err
	}
	res := SearchResult{Total: cands.total, TotalExact: true}
	page := cands.ids
	if sr.EntityType != "" {
		if page, res.Total, res.TotalExact, err = s.withEntityType(ctx, cands.ids, sr.EntityType, offset+limit); err != nil {
			return SearchResult{}, err
		}
		if !res.TotalExact {
			notes = append(notes, fmt.Sprintf("at least %s matches", thousands(res.Total)))
		}
	}
	return s.finish(ctx, q, res, page, offset, limit, notes)
}

// finish reads the page shown of the ordered candidates into res.
func (s *Store) finish(ctx context.Context, q query.Query, res SearchResult, page []int64, offset, limit int,
	notes []string) (SearchResult, error) {
	if offset < len(page) {
		page = page[offset:min(len(page), offset+limit)]
	} else {
		page = nil
	}
	var err error
	if res.Hits, err = s.searchPage(ctx, q.Highlights(), page); err != nil {
		return SearchResult{}, err
	}
	res.Note = strings.Join(notes, "; ")
	return res, nil
}

// thousands formats n with comma separators.
func thousands(n int) string {
	s := strconv.Itoa(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

func parseIDs(list string) ([]int64, error) {
	if list == "" {
		return nil, nil
	}
	ids := make([]int64, 0, strings.Count(list, ",")+1)
	for f := range strings.SplitSeq(list, ",") {
		id, err := strconv.ParseInt(f, 10, 64)
		if err != nil {
			return nil, fmt.Errorf("search: bad id %q: %w", f, err)
		}
		ids = append(ids, id)
	}
	return ids, nil
}

// idSet is a set of article ids.
type idSet map[int64]struct{}

// filterSets returns the sets of articles the filters that the metadata
// cache cannot answer allow (today: entities), nil when none applies.
func (s *Store) filterSets(ctx context.Context, sr Search) ([]idSet, error) {
	var sets []idSet
	if sr.Entities != nil {
		set := idSet{}
		if len(sr.Entities) > 0 {
			ok, err := s.hasEntityTables(ctx)
			if err != nil {
				return nil, err
			}
			if ok {
				if set, err = s.articleSet(ctx, `SELECT `+s.d.idList("article_id", true)+` FROM mentions
					WHERE entity_id IN (`+nameParams(min(len(sr.Entities), maxIDsPerQuery))+`)`,
					nameArgs(sr.Entities[:min(len(sr.Entities), maxIDsPerQuery)])...); err != nil {
					return nil, err
				}
			}
		}
		sets = append(sets, set)
	}
	return sets, nil
}

// articleSet runs a query returning one comma-separated list of ids.
func (s *Store) articleSet(ctx context.Context, q string, args ...any) (idSet, error) {
	var list string
	if err := s.r.QueryRowContext(ctx, q, args...).Scan(&list); err != nil {
		return nil, fmt.Errorf("search: filter: %w", err)
	}
	ids, err := parseIDs(list)
	if err != nil {
		return nil, err
	}
	set := make(idSet, len(ids))
	for _, id := range ids {
		set[id] = struct{}{}
	}
	return set, nil
}
