package lookup

import (
	"sync"
	"testing"
)

var (
	gmbOnce  sync.Once
	gmbData  *gmbNames
	gmbError error
)

// loadGMB harvests the shared GMB extract once per test binary, or skips.
func loadGMB(tb testing.TB) *gmbNames {
	tb.Helper()
	path := gmbPath(tb)
	gmbOnce.Do(func() { gmbData, gmbError = harvestGMB(path) })
	if gmbError != nil {
		tb.Fatal(gmbError)
	}
	return gmbData
}

// TestSearchTyposGMB indexes every person, organisation and place named in
// the GMB extract (thousands of real distractors) plus the news page's names,
// and checks that each typo query finds its name in the top 3.
func TestSearchTyposGMB(t *testing.T) {
	g := loadGMB(t)
	ix := New()
	var id int64
	add := func(kind Kind, texts []string) {
		for _, s := range texts {
			id++
			ix.Add(Item{Kind: kind, ID: id, Text: s, Weight: 1})
		}
	}
	add(KindEntity, g.persons)
	add(KindEntity, g.orgs)
	add(KindEntity, g.geos)
	add(KindEntity, newsNames)
	if ix.Len() < 10000 {
		t.Fatalf("only %d names harvested from GMB", ix.Len())
	}
	for _, tc := range typoCases {
		t.Run(tc.query, func(t *testing.T) {
			rs := ix.Search(tc.query, "", 10)
			r := rankOf(rs, tc.want)
			if r < 1 || r > 3 {
				t.Errorf("Search(%q): %q at rank %d, want top 3; got %v", tc.query, tc.want, r, texts(rs))
			}
			t.Logf("%q -> rank %d of %v", tc.query, r, texts(rs[:min(5, len(rs))]))
		})
	}
}
