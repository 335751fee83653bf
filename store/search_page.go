package store

import (
	"context"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/newsarchive/newsarchive/store/query"
)

// candidateList is the filtered matches of a search, in the order shown.
type candidateList struct {
	ids   []int64 // at least the first `need` in order (all when need < 0)
	total int     // matches passing the filters
}

// candidates filters ids (or, when all is set, every article not in
// excluded) by date, source and the given sets, and orders them newest first
// unless they are ranked already. Only the first need are ordered when
// need >= 0.
func (s *Store) candidates(ctx context.Context, sr Search, ids []int64, all bool, excluded []int64, sets []idSet,
	ranked bool, need int) (candidateList, error) {
	m, err := s.searchMeta(ctx)
	if err != nil {
		return candidateList{}, err
	}
	defer m.mu.RUnlock()
	keep, ok := m.filter(sr, sets)
	if !ok {
		return candidateList{}, nil
	}
	var out []int64
	if all {
		ex := 0 // excluded is ascending
		for id := int64(1); id < int64(len(m.date)); id++ {
			for ex < len(excluded) && excluded[ex] < id {
				ex++
			}
			if (ex >= len(excluded) || excluded[ex] != id) && keep(id) {
				out = append(out, id)
			}
		}
	} else {
		out = make([]int64, 0, len(ids))
		for _, id := range ids {
			if keep(id) {
				out = append(out, id)
			}
		}
	}
	res := candidateList{ids: out, total: len(out)}
	if !ranked {
		res.ids = newestFirst(m.date, out, need)
	}
	return res, nil
}

// filter returns the test an article id must pass to be shown: it exists
// and its date and source are those asked for, and it is in every set;
// ok is false when no article can pass (an unknown source). m is locked.
func (m *searchMeta) filter(sr Search, sets []idSet) (keep func(id int64) bool, ok bool) {
	fromKey, toKey, dated := dateBounds(sr)
	wantSource, hasSource := uint32(0), sr.Source != ""
	if hasSource {
		sid, ok := m.sourceID[strings.ToLower(sr.Source)]
		if !ok || sid == 0 {
			return nil, false
		}
		wantSource = sid
	}
	return func(id int64) bool {
		if id <= 0 || id >= int64(len(m.date)) || m.date[id] == 0 {
			return false
		}
		if dated && (m.date[id] < fromKey || m.date[id] > toKey) {
			return false
		}
		if hasSource && m.source[id] != wantSource {
			return false
		}
		for _, set := range sets {
			if _, ok := set[id]; !ok {
				return false
			}
		}
		return true
	}, true
}

// dateBounds returns the date keys a search's From and To allow, inclusive,
// and whether it has either.
func dateBounds(sr Search) (fromKey, toKey int64, dated bool) {
	fromKey, toKey = int64(undated+1), int64(1<<62)
	if sr.From != "" {
		fromKey = dateKey(sr.From, '0')
	}
	if sr.To != "" {
		toKey = dateKey(sr.To, '9')
	}
	return fromKey, toKey, sr.From != "" || sr.To != ""
}

// newestFirst orders ids by date, newest first (then by id, latest first;
// undated last). With need >= 0 only the first need are returned, selected
// with a heap rather than by sorting them all.
func newestFirst(date []int64, ids []int64, need int) []int64 {
	better := func(a, b int64) bool { return date[a] > date[b] || (date[a] == date[b] && a > b) }
	cmp := func(a, b int64) int {
		switch {
		case better(a, b):
			return -1
		case better(b, a):
			return 1
		}
		return 0
	}
	if need < 0 || need*4 >= len(ids) {
		slices.SortFunc(ids, cmp)
		if need >= 0 && need < len(ids) {
			ids = ids[:need]
		}
		return ids
	}
	if need == 0 {
		return nil
	}
	// h is a min-heap of the best need seen: h[0] is the worst of them.
	h := make([]int64, 0, need)
	down := func(i int) {
		for {
			l, small := 2*i+1, i
			if l < len(h) && better(h[small], h[l]) {
				small = l
			}
			if r := l + 1; r < len(h) && better(h[small], h[r]) {
				small = r
			}
			if small == i {
				return
			}
			h[i], h[small] = h[small], h[i]
			i = small
		}
	}
	for _, id := range ids {
		switch {
		case len(h) < need:
			h = append(h, id)
			for i := len(h) - 1; i > 0; {
				p := (i - 1) / 2
				if !better(h[p], h[i]) {
					break
				}
				h[i], h[p] = h[p], h[i]
				i = p
			}
		case better(id, h[0]):
			h[0] = id
			down(0)
		}
	}
	slices.SortFunc(h, cmp)
	return h
}

// withEntityType keeps the ids (in order) of articles mentioning an entity
// of type typ. Up to typeCheckAll candidates are all checked and the total
// is exact; beyond, they are checked in order until want pass, and the
// total is a lower bound.
func (s *Store) withEntityType(ctx context.Context, ids []int64, typ string, want int) (kept []int64, total int, exact bool, err error) {
	ok, err := s.hasEntityTables(ctx)
	if err != nil || !ok {
		return nil, 0, true, err
	}
	checkAll := len(ids) <= typeCheckAll
	for lo := 0; lo < len(ids); lo += typeCheckBatch {
		if !checkAll && len(kept) >= want {
			return kept, len(kept), false, nil
		}
		batch := ids[lo:min(lo+typeCheckBatch, len(ids))]
		pass, err := s.articleSet(ctx, `SELECT `+s.d.idList("m.article_id", true)+` FROM mentions m
			JOIN entities e ON e.id = m.entity_id WHERE m.article_id`+s.d.idsIn()+` AND e.type = ?`, jsonIDs(batch), typ)
		if err != nil {
			return nil, 0, false, err
		}
		for _, id := range batch {
			if _, ok := pass[id]; ok {
				kept = append(kept, id)
			}
		}
	}
	return kept, len(kept), true, nil
}

// jsonIDs renders ids as a JSON array, for json_each.
func jsonIDs(ids []int64) string {
	b := make([]byte, 0, 8*len(ids)+2)
	b = append(b, '[')
	for i, id := range ids {
		if i > 0 {
			b = append(b, ',')
		}
		b = strconv.AppendInt(b, id, 10)
	}
	return string(append(b, ']'))
}

// searchPage reads the articles of one page, in order, with a snippet of
// each marking the given terms. The snippets are made here rather than by
// FTS5, which would set up the whole query again for each article (400 ms
// each for a two-letter prefix at 100k articles).
func (s *Store) searchPage(ctx context.Context, terms []query.Term, page []int64) ([]SearchHit, error) {
	if len(page) == 0 {
		return nil, nil
	}
	rows, err := s.r.QueryContext(ctx, `SELECT id, title, published, source, substr(body, 1, `+strconv.Itoa(maxSnippetScan)+`) FROM articles
		WHERE id`+s.d.idsIn(), jsonIDs(page))
	if err != nil {
		return nil, fmt.Errorf("search: read page: %w", err)
	}
	defer rows.Close()
	byID := make(map[int64]SearchHit, len(page))
	for rows.Next() {
		var h SearchHit
		var body string
		if err := rows.Scan(&h.ID, &h.Title, &h.Published, &h.Source, &body); err != nil {
			return nil, fmt.Errorf("search: read page: %w", err)
		}
		if len(terms) > 0 {
			h.Snippet = makeSnippet(h.Title, body, terms)
		}
		byID[h.ID] = h
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("search: read page: %w", err)
	}
	hits := make([]SearchHit, 0, len(page))
	for _, id := range page {
		if h, ok := byID[id]; ok { // an article deleted meanwhile is left out
			hits = append(hits, h)
		}
	}
	return hits, nil
}
