package search

import (
	"context"
	"fmt"
	"os"
	"strconv"

	"github.com/newsarchive/newsarchive/app/lookup"
)

// Titles at a large archive. The lookup index keeps about 70 bytes per
// title (1M titles: 70 MB of live heap, and its one merge briefly twice
// that), far more than the entities and sources it also holds. From
// titlesInStoreAt articles on, the index holds no titles: a lookup finds
// them through the store's title-only full-text query (store.FindTitles:
// every typed word as a whole word or, from two letters on, as the start
// of one; bounded, and stopped with its context) and ranks the few found
// with the index's own scoring, so that they sort among the entities and
// sources as the index's titles did. What is lost there is the typo
// tolerance of titles (entities and sources keep theirs). See
// docs/scale.md, "The palette's titles at 1M", for the measurements that
// chose the size.

// titlesInStoreAt is the archive size (its highest article id, a cheap
// upper bound of its count) from which titles are left to the store. The
// decision is taken when the index is built, for the Service's life.
// $NEWSARCHIVE_TITLES_IN_STORE_AT sets another size (benchmarks compare the
// two ways over one archive: 0 for always, a huge number for never).
var titlesInStoreAt int64 = 250_000

// titlesInStoreEnv names the variable overriding titlesInStoreAt.
const titlesInStoreEnv = "NEWSARCHIVE_TITLES_IN_STORE_AT"

// titlesInStoreFrom returns titlesInStoreAt or the size the environment
// sets.
func titlesInStoreFrom() int64 {
	if v, err := strconv.ParseInt(os.Getenv(titlesInStoreEnv), 10, 64); err == nil && v >= 0 {
		return v
	}
	return titlesInStoreAt
}

// titleCandidates is how many titles the store is asked for per result
// wanted (at least minTitleCandidates): the whole-word and newest matches
// among which the index's scoring picks the best.
const (
	titleCandidates    = 4
	minTitleCandidates = 40
)

// TitlesInStore reports whether this Service's lookups find titles through
// the store rather than its in-memory index (which builds the index first
// if need be).
func (a *Service) TitlesInStore(ctx context.Context) (bool, error) {
	if err := a.names.refresh(ctx, a.st); err != nil {
		return false, fmt.Errorf("lookup titles: %w", err)
	}
	return a.names.titlesStored(), nil
}

func (n *names) titlesStored() bool {
	n.mu.Lock()
	defer n.mu.Unlock()
	return n.titlesInStore
}

// storeTitles looks titles up through the store and scores them as the
// lookup index would have: a small index of the candidates, each weighted
// by its place in the store's order (whole words, then newest, first),
// which breaks the ties of the index's score.
func (a *Service) storeTitles(ctx context.Context, query string, limit int) ([]lookup.Result, error) {
	found, err := a.st.FindTitles(ctx, query, max(titleCandidates*limit, minTitleCandidates))
	if err != nil || len(found) == 0 {
		return nil, err
	}
	items := make([]lookup.Item, len(found))
	for i, l := range found {
		items[i] = lookup.Item{Kind: lookup.KindTitle, ID: l.ID, Text: l.Title, Weight: len(found) - i}
	}
	ix := lookup.New()
	ix.Add(items...)
	return ix.Search(query, lookup.KindTitle, limit), nil
}

// mergeResults merges two lists of results, each best first, into the
// best limit of both: by Score, the first list's result first on a tie (the
// index's entities and sources carry weights, a title none, so the index
// put them before titles of the same score).
func mergeResults(a, b []lookup.Result, limit int) []lookup.Result {
	out := make([]lookup.Result, 0, min(limit, len(a)+len(b)))
	for len(out) < limit && (len(a) > 0 || len(b) > 0) {
		if len(b) == 0 || len(a) > 0 && a[0].Score >= b[0].Score {
			out, a = append(out, a[0]), a[1:]
		} else {
			out, b = append(out, b[0]), b[1:]
		}
	}
	return out
}
