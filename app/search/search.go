package search

import (
	"context"
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"github.com/newsarchive/newsarchive/app/lookup"
	"github.com/newsarchive/newsarchive/store"
	"github.com/newsarchive/newsarchive/store/query"
)

// Options are the filters and order of a search; filters combine
// with AND.
type Options struct {
	From, To string // dates: YYYY, YYYY-MM or YYYY-MM-DD
	Source   string
	// Entity keeps articles mentioning an entity, given by id or by name or
	// alias (any case; a name several entities share keeps all of them).
	Entity string
	// Type keeps articles mentioning an entity of a type: person, org
	// (organisation), place or misc, in any case.
	Type   string
	Sort   string // "relevance" (default) or "date"
	Limit  int    // default 20, at most 500
	Offset int
	// Exact counts every match of a search matching many articles rather
	// than estimating their number (store.Search.Exact): slower.
	Exact bool
}

// ErrBadQuery wraps errors in what the user typed.
var ErrBadQuery = errors.New("bad query")

var partialDateRe = regexp.MustCompile(`^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$`)

// NormDate expands a partial date to the first (or last) day it covers.
func NormDate(s string, end bool) (string, error) {
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

// Search runs a full-text search as typed by a person. Any text gives
// results or, when it has no word at all, an ErrBadQuery asking for one.
// Searches matching more than store.RankLimit articles are shown newest
// first; the result's Note says so.
func (a *Service) Search(ctx context.Context, text string, opt Options) (store.SearchResult, error) {
	q := query.Parse(text)
	if q.Empty() {
		return store.SearchResult{}, fmt.Errorf("%w: type a word to search for", ErrBadQuery)
	}
	from, err := NormDate(opt.From, false)
	if err != nil {
		return store.SearchResult{}, err
	}
	to, err := NormDate(opt.To, true)
	if err != nil {
		return store.SearchResult{}, err
	}
	switch opt.Sort {
	case "", store.ByRelevance, store.ByDate:
	default:
		return store.SearchResult{}, fmt.Errorf("%w: sort by %q: use relevance or date", ErrBadQuery, opt.Sort)
	}
	typ, err := entityType(opt.Type)
	if err != nil {
		return store.SearchResult{}, err
	}
	sr := store.Search{
		Query: q, From: from, To: to, Source: strings.TrimSpace(opt.Source), EntityType: typ,
		Sort: opt.Sort, Limit: opt.Limit, Offset: opt.Offset, Exact: opt.Exact,
	}
	var note string
	if strings.TrimSpace(opt.Entity) != "" {
		if sr.Entities, note, err = a.entityFilter(ctx, opt.Entity); err != nil {
			return store.SearchResult{}, err
		}
	}
	res, err := a.st.SearchArticles(ctx, sr)
	if err != nil {
		return store.SearchResult{}, err
	}
	if note != "" {
		res.Note = strings.TrimPrefix(res.Note+"; "+note, "; ")
	}
	return res, nil
}

// entityTypes maps the type names people type to the archive's.
var entityTypes = map[string]string{
	"person": "PERSON", "people": "PERSON", "per": "PERSON",
	"org": "ORG", "organisation": "ORG", "organization": "ORG",
	"place": "PLACE", "location": "PLACE", "loc": "PLACE", "geo": "PLACE",
	"misc": "MISC",
}

func entityType(s string) (string, error) {
	s = strings.ToLower(strings.TrimSpace(s))
	if s == "" {
		return "", nil
	}
	t, ok := entityTypes[s]
	if !ok {
		return "", fmt.Errorf("%w: entity type %q: use person, org, place or misc", ErrBadQuery, s)
	}
	return t, nil
}

// entityFilter resolves an entity given by id or name to the ids to filter
// on. A name that matches no entity gives an empty list (no results) and a
// note suggesting the closest names.
func (a *Service) entityFilter(ctx context.Context, ref string) ([]int64, string, error) {
	ref = strings.TrimSpace(ref)
	if id, err := strconv.ParseInt(ref, 10, 64); err == nil {
		ok, err := a.st.ExistingIDs(ctx, "entities", []int64{id})
		if err != nil {
			return nil, "", fmt.Errorf("search: entity %s: %w", ref, err)
		}
		if ok[id] {
			return []int64{id}, "", nil
		}
		return []int64{}, fmt.Sprintf("no entity has id %d", id), nil
	}
	ids, err := a.st.EntityIDsByName(ctx, ref)
	if err != nil {
		return nil, "", fmt.Errorf("search: %w", err)
	}
	if len(ids) > 0 {
		return ids, "", nil
	}
	note := fmt.Sprintf("no person, organisation or place is named %q", ref)
	if near, err := a.Lookup(ctx, ref, lookup.KindEntity, 3); err == nil && len(near) > 0 {
		names := make([]string, len(near))
		for i, r := range near {
			names[i] = strconv.Quote(r.Text)
		}
		note += " (did you mean " + strings.Join(names, " or ") + "?)"
	}
	return []int64{}, note, nil
}
