package lookup

import (
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzSearch checks that any query, kind and limit is safe: no panic, at most
// limit results, one per Kind and ID, ordered by score, with positions inside
// the text.
func FuzzSearch(f *testing.F) {
	ix, _ := testdataIndex(f)
	for _, tc := range typoCases {
		f.Add(tc.query, "", 5)
	}
	f.Add("", "", 0)
	f.Add("   \t\n", "entity", -1)
	f.Add("\xff\xfe\x00abc", "title", 3)
	f.Add(strings.Repeat("ab ", 400), "", 1000)
	f.Add("ma\u0301 zha\u200boxu", "source", 2)
	f.Fuzz(func(t *testing.T, query, kind string, limit int) {
		rs := ix.Search(query, Kind(kind), limit)
		want := limit
		if want <= 0 {
			want = defaultLimit
		}
		if len(rs) > min(want, maxLimit) {
			t.Fatalf("%d results for limit %d", len(rs), limit)
		}
		type ident struct {
			k  Kind
			id int64
		}
		seen := map[ident]bool{}
		for i, r := range rs {
			if seen[ident{r.Kind, r.ID}] {
				t.Fatalf("%v %d returned twice", r.Kind, r.ID)
			}
			seen[ident{r.Kind, r.ID}] = true
			if i > 0 && r.Score > rs[i-1].Score {
				t.Fatalf("results out of order: %v", texts(rs))
			}
			n := utf8.RuneCountInString(r.Text)
			if !slices.IsSorted(r.Positions) || (len(r.Positions) > 0 && (r.Positions[0] < 0 || r.Positions[len(r.Positions)-1] >= n)) {
				t.Fatalf("bad positions %v for %q", r.Positions, r.Text)
			}
		}
	})
}
