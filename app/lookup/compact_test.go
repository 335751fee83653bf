package lookup

import (
	"encoding/binary"
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"
)

// forceRebuild merges the delta into the base now.
func forceRebuild(ix *Index) {
	ix.mu.Lock()
	ix.rebuild()
	ix.mu.Unlock()
}

// TestBaseMatchesMutable checks that the compact base finds and ranks exactly
// what the all-mutable layout does, whether texts arrive in one bulk Add,
// one by one (with automatic rebuilds), half and half, or staged in chunks
// and committed once.
func TestBaseMatchesMutable(t *testing.T) {
	g := loadGMB(t)
	items := generateNames(g, 40000, 3)
	ref := newMutableOnly()
	ref.Add(items...)

	bulk := New()
	bulk.Add(items...)
	single := New()
	for _, it := range items {
		single.Add(it)
	}
	mixed := New()
	mixed.Add(items[:len(items)/2]...)
	forceRebuild(mixed)
	for _, it := range items[len(items)/2:] {
		mixed.Add(it)
	}
	staged := New() // in chunks, merged once
	for i := 0; i < len(items); i += 7000 {
		staged.Stage(items[i:min(i+7000, len(items))]...)
	}
	staged.Stage(items[:100]...) // again: replaces, adds nothing
	if staged.Len() != 0 {
		t.Errorf("staged: Len = %d before Commit, want 0", staged.Len())
	}
	staged.Commit()
	if bulk.base.n() != ref.Len() || single.base.n() == 0 || len(mixed.entries) == 0 {
		t.Fatalf("layouts not exercised: bulk base %d, single base %d, mixed delta %d",
			bulk.base.n(), single.base.n(), len(mixed.entries))
	}

	var queries []string
	for _, tc := range typoCases {
		queries = append(queries, tc.query)
	}
	rng := rand.New(rand.NewPCG(11, 11))
	for _, shape := range []string{queryExact, queryPrefix, queryTypo} {
		for range 60 {
			queries = append(queries, makeQuery(rng, items[rng.IntN(len(items))].Text, shape))
		}
	}
	for _, ix := range []struct {
		name string
		ix   *Index
	}{{"bulk", bulk}, {"single", single}, {"mixed", mixed}, {"staged", staged}} {
		if ix.ix.Len() != ref.Len() {
			t.Errorf("%s: Len = %d, want %d", ix.name, ix.ix.Len(), ref.Len())
		}
		for _, q := range queries {
			for _, kind := range []Kind{"", KindTitle} {
				want, got := summary(ref.Search(q, kind, 10)), summary(ix.ix.Search(q, kind, 10))
				if !slices.Equal(got, want) {
					t.Errorf("%s: Search(%q, %q)\n got %v\nwant %v", ix.name, q, kind, got, want)
				}
			}
		}
	}
}

// summary keeps what ranking decides: texts, scores and positions. IDs of
// texts sharing a score, weight and text may legitimately differ.
func summary(rs []Result) []string {
	out := make([]string, len(rs))
	for i, r := range rs {
		out[i] = fmt.Sprintf("%s %s %d %v", r.Kind, r.Text, r.Score, r.Positions)
	}
	return out
}

// TestBaseUpdates checks weight replacement, aliases and removal of texts
// that live in the base, and that Len follows.
func TestBaseUpdates(t *testing.T) {
	ix := New()
	ix.Add(
		Item{Kind: KindEntity, ID: 7, Text: "Huawei", Weight: 1},
		Item{Kind: KindEntity, ID: 7, Text: "Huawei", Weight: 2}, // duplicate in one batch: the last wins
		Item{Kind: KindEntity, ID: 8, Text: "Huawei Marine", Weight: 3},
		Item{Kind: KindTitle, ID: 7, Text: "Huawei sales rise", Weight: 1},
	)
	forceRebuild(ix)
	if ix.Len() != 3 || ix.base.n() != 3 {
		t.Fatalf("Len = %d, base %d, want 3 and 3", ix.Len(), ix.base.n())
	}
	first := func(q string, kind Kind) string {
		rs := ix.Search(q, kind, 10)
		if len(rs) == 0 {
			return ""
		}
		return rs[0].Text
	}
	// Same text, same weight: nothing changes; same text, new weight: the
	// base record is retired and the text moves to the delta.
	ix.Add(Item{Kind: KindEntity, ID: 7, Text: "Huawei", Weight: 2})
	if ix.base.nDead != 0 || ix.Len() != 3 {
		t.Fatalf("unchanged re-Add retired %d records, Len %d", ix.base.nDead, ix.Len())
	}
	ix.Add(Item{Kind: KindEntity, ID: 7, Text: "Huawei", Weight: 9})
	if ix.base.nDead != 1 || ix.Len() != 3 || len(ix.entries) != 1 {
		t.Fatalf("weight change: %d dead, Len %d, delta %d", ix.base.nDead, ix.Len(), len(ix.entries))
	}
	ix.Add(Item{Kind: KindEntity, ID: 8, Text: "HMN Tech", Weight: 3}) // alias in the delta
	if got := first("hmn", KindEntity); got != "HMN Tech" {
		t.Errorf("alias: first = %q", got)
	}
	for _, step := range []string{"before rebuild", "after rebuild"} {
		rs := ix.Search("huawei", KindEntity, 10)
		if len(rs) != 2 || rs[0].Text != "Huawei" || rs[0].ID != 7 || rs[1].ID != 8 {
			t.Errorf("%s: huawei = %v", step, texts(rs))
		}
		forceRebuild(ix)
	}
	if ix.Len() != 4 || ix.base.n() != 4 || ix.base.nDead != 0 {
		t.Fatalf("after rebuild: Len %d, base %d, dead %d", ix.Len(), ix.base.n(), ix.base.nDead)
	}
	ix.Remove(KindEntity, 8)
	if got := first("hmn", ""); got != "" || ix.Len() != 2 {
		t.Errorf("after Remove: hmn -> %q, Len %d", got, ix.Len())
	}
	if got := first("huawei", KindTitle); got != "Huawei sales rise" {
		t.Errorf("title lost: %q", got)
	}
	forceRebuild(ix)
	if ix.Len() != 2 || ix.base.n() != 2 {
		t.Errorf("after Remove and rebuild: Len %d, base %d", ix.Len(), ix.base.n())
	}
}

func TestPostingsRoundTrip(t *testing.T) {
	tests := []struct {
		name  string
		texts []string
	}{
		{"one", []string{"alpha"}},
		{"repeated word", []string{"new new york", "york"}},
		{"far apart", append(append([]string{"rare"}, slices.Repeat([]string{"filler"}, 300)...), "rare")},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			ix := New()
			for i, s := range tc.texts {
				ix.Add(Item{Kind: KindEntity, ID: int64(i), Text: s})
			}
			forceRebuild(ix)
			want := map[int32][]uint32{}
			var r record
			for i := range uint32(ix.base.n()) {
				decodeRecord(ix.base.rec(i), nil, &r)
				for _, w := range r.words {
					if l := want[w]; len(l) == 0 || l[len(l)-1] != i {
						want[w] = append(l, i)
					}
				}
			}
			for w, slots := range want {
				var got []uint32
				slot := int64(-1)
				for p := ix.base.postings(w); len(p) > 0; {
					gap, k := binary.Uvarint(p)
					p = p[k:]
					slot += int64(gap) + 1
					got = append(got, uint32(slot))
				}
				if !slices.Equal(got, slots) {
					t.Errorf("word %d: postings %v, want %v", w, got, slots)
				}
			}
		})
	}
}

func TestTrieRelayout(t *testing.T) {
	words := []string{"ma", "mazhaoxu", "zhaoxu", "m", "huawei", "hua", "jpmorgan", "jp", "eurasia", "europe"}
	tr := newTrie()
	ids := map[string]int32{}
	for _, w := range words {
		ids[w] = tr.insert([]rune(w))
	}
	search := func() map[string]uint8 {
		got := map[string]uint8{}
		for _, q := range []string{"huwaei", "eura", "ma", "jpmorg", "zhoaxu"} {
			full, pref := maxEdits(len(q))
			tr.fuzzySearch([]rune(q), full, pref, func(w int32, code uint8) {
				got[fmt.Sprintf("%s/%d", q, w)] = code
			})
		}
		return got
	}
	before := search()
	n := len(tr.nodes)
	tr.relayout()
	if len(tr.nodes) != n {
		t.Fatalf("%d nodes after relayout, want %d", len(tr.nodes), n)
	}
	for _, w := range words { // inserting again finds the same ids
		if id := tr.insert([]rune(w)); id != ids[w] {
			t.Errorf("%q: id %d after relayout, want %d", w, id, ids[w])
		}
	}
	if after := search(); fmt.Sprint(after) != fmt.Sprint(before) {
		t.Errorf("matches after relayout %v, want %v", after, before)
	}
	if len(before) < 5 {
		t.Errorf("only %d matches: the test checks little", len(before))
	}
}
