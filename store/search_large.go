package store

import (
	"cmp"
	"context"
	"math"
	"slices"
	"sort"
)

// Searches whose words match a large share of the archive. Listing every
// match costs FTS5 about a quarter of a microsecond per article: 250 ms for
// a common word at a million articles, before the matches are filtered and
// ordered. Such a search lists only its first scanCap matches (in id
// order, which stops early) and counts itself large. Its page is then found
// the other way round: the articles the filters allow are walked newest
// first (searchMeta.order, in memory) and looked up in the index a batch at
// a time (dialect.matchAmong, tens of microseconds an article) until the
// page is full. Its total is estimated from the first scanCap matches:
// among the articles the filters allow up to the last of them, the share
// that matched, times all the articles the filters allow; the result says
// "about". When few of the allowed articles match, so that looking them up
// one by one would cost more than listing every match, every match is
// listed as before, and the total is exact.
const (
	probeMaxNeed  = 2_000 // deeper pages list every match: their totals are exact
	probeCost     = 100   // looking up one article costs about as much as listing this many matches
	probeBatchMin = 64
	probeBatchMax = 4096
)

// scanCap is how many matches are listed before a search counts as large
// (a variable for the tests).
var scanCap = 10_000

// largePage is the outcome of a large search.
type largePage struct {
	ids   []int64 // the first need articles shown, newest first
	total int
	exact bool
}

// largeSearch finds the first need articles, newest first, of a search
// whose expression match has more than scanCap matches, of which sample is
// the first scanCap (ascending). With negate the search is for the articles
// NOT matching. ok is false when listing every match is the cheaper way;
// the caller then does.
func (s *Store) largeSearch(ctx context.Context, sr Search, match string, sample []int64, negate bool,
	sets []idSet, need int) (res largePage, ok bool, err error) {
	m, err := s.searchMeta(ctx)
	if err != nil {
		return largePage{}, false, err
	}
	defer m.mu.RUnlock()
	if m.order == nil || len(sample) == 0 {
		return largePage{}, false, nil
	}
	keep, any := m.filter(sr, sets)
	if !any {
		return largePage{exact: true}, true, nil
	}
	lo, hi := m.dateSpan(sr)
	unfiltered := sr.From == "" && sr.To == "" && sr.Source == "" && len(sets) == 0
	est := estimateLarge(m, keep, sample, negate, lo, hi, unfiltered)
	if est.allowed == 0 {
		return largePage{exact: true}, true, nil
	}
	probes := float64(est.allowed)
	if est.rate > 0 {
		probes = min(probes, float64(need)/est.rate)
	}
	if probes*probeCost > est.listing {
		return largePage{}, false, nil
	}
	budget := int(4*probes) + 2*probeBatchMax // a rate far off: give up and list
	var found []int64
	probed, at := 0, lo
	batch := make([]int64, 0, probeBatchMax)
	for len(found) < need && at < hi {
		if probed > budget {
			return largePage{}, false, nil
		}
		size := probeBatchMax
		if est.rate > 0 {
			size = int(1.5*float64(need-len(found))/est.rate) + 16
		}
		size = min(max(size, probeBatchMin), probeBatchMax)
		batch = batch[:0]
		for ; at < hi && len(batch) < size; at++ {
			if id := int64(m.order[at]); keep(id) {
				batch = append(batch, id)
			}
		}
		if len(batch) == 0 {
			break
		}
		hit, err := s.d.matchAmong(ctx, s, match, batch)
		if err != nil {
			return largePage{}, false, err
		}
		for _, id := range batch {
			if _, ok := hit[id]; ok != negate {
				found = append(found, id)
			}
		}
		probed += len(batch)
	}
	res = largePage{ids: found, total: len(found), exact: at >= hi}
	if !res.exact {
		res.total = max(len(found), roundEstimate(est.total))
	}
	if len(res.ids) > need {
		res.ids = res.ids[:need]
	}
	return res, true, nil
}

// largeEstimate is what the first scanCap matches tell of a large search.
type largeEstimate struct {
	allowed int     // articles the filters allow
	rate    float64 // share of them the search finds
	total   float64 // estimated articles found
	listing float64 // estimated matches of the expression: the cost of listing them
}

// estimateLarge counts the articles the filters allow up to the sample's
// last id and beyond it, and extrapolates the share found among the first
// to the second. The allowed articles are among m.order[lo:hi], the span
// of the search's dates; unfiltered says every live article is allowed,
// and none need be tested.
func estimateLarge(m *searchMeta, keep func(int64) bool, sample []int64, negate bool, lo, hi int,
	unfiltered bool) largeEstimate {
	last := sample[len(sample)-1]
	live, liveUpTo := len(m.order), 0
	for id := int64(1); id <= last && id < int64(len(m.date)); id++ {
		if m.date[id] != 0 {
			liveUpTo++
		}
	}
	allowedUpTo, allowedAfter := liveUpTo, live-liveUpTo
	if !unfiltered {
		allowedUpTo, allowedAfter = 0, 0
		for _, id := range m.order[lo:hi] {
			if id := int64(id); keep(id) {
				if id <= last {
					allowedUpTo++
				} else {
					allowedAfter++
				}
			}
		}
	}
	matched := 0
	for _, id := range sample {
		if keep(id) {
			matched++
		}
	}
	e := largeEstimate{allowed: allowedUpTo + allowedAfter}
	e.listing = float64(len(sample)) * float64(live) / float64(max(liveUpTo, 1))
	found := matched
	if negate {
		found = allowedUpTo - matched
	}
	switch {
	case allowedUpTo > 0:
		e.rate = float64(found) / float64(allowedUpTo)
	case negate: // no allowed article in the sample's range: the archive's share
		e.rate = max(0, 1-float64(len(sample))/float64(max(liveUpTo, 1)))
	default:
		e.rate = min(1, float64(len(sample))/float64(max(liveUpTo, 1)))
	}
	e.total = float64(found) + e.rate*float64(allowedAfter)
	return e
}

// dateSpan returns the span m.order[lo:hi] of the articles dated as the
// search asks: m.order is newest first, so they are contiguous (undated
// ones last, outside any date range).
func (m *searchMeta) dateSpan(sr Search) (lo, hi int) {
	fromKey, toKey, dated := dateBounds(sr)
	if !dated {
		return 0, len(m.order)
	}
	lo = sort.Search(len(m.order), func(i int) bool { return m.date[m.order[i]] <= toKey })
	hi = sort.Search(len(m.order), func(i int) bool { return m.date[m.order[i]] < fromKey })
	return lo, max(lo, hi)
}

// roundEstimate rounds an estimated count to two significant digits (at
// least the nearest ten): "about 920,000", not "about 921,387".
func roundEstimate(x float64) int {
	if x < 100 {
		return int(math.Round(x))
	}
	unit := math.Pow(10, math.Floor(math.Log10(x))-1)
	return int(math.Round(x/unit) * unit)
}

// sortOrder lists every article newest first into m.order (nil when an id
// does not fit an int32).
func (m *searchMeta) sortOrder() {
	m.order = nil
	if m.maxID > math.MaxInt32 {
		return
	}
	m.order = m.sorted(1)
}

// addOrder merges the articles above oldMax into m.order.
func (m *searchMeta) addOrder(oldMax int64) {
	if m.order == nil || m.maxID > math.MaxInt32 {
		m.sortOrder()
		return
	}
	add := m.sorted(oldMax + 1)
	merged := make([]int32, 0, len(m.order)+len(add))
	i, j := 0, 0
	for i < len(m.order) && j < len(add) {
		if m.newer(add[j], m.order[i]) {
			merged = append(merged, add[j])
			j++
		} else {
			merged = append(merged, m.order[i])
			i++
		}
	}
	m.order = append(append(merged, m.order[i:]...), add[j:]...)
}

// sorted returns the articles from id from up, newest first.
func (m *searchMeta) sorted(from int64) []int32 {
	type keyed struct {
		date int64
		id   int32
	}
	ks := make([]keyed, 0, max(0, int64(len(m.date))-from))
	for id := max(from, 1); id < int64(len(m.date)); id++ {
		if m.date[id] != 0 {
			ks = append(ks, keyed{m.date[id], int32(id)})
		}
	}
	slices.SortFunc(ks, func(a, b keyed) int {
		if c := cmp.Compare(b.date, a.date); c != 0 {
			return c
		}
		return cmp.Compare(b.id, a.id)
	})
	out := make([]int32, len(ks))
	for i, k := range ks {
		out[i] = k.id
	}
	return out
}

// newer reports whether article a comes before b newest first.
func (m *searchMeta) newer(a, b int32) bool {
	da, db := m.date[a], m.date[b]
	return da > db || (da == db && a > b)
}
