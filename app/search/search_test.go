package search_test

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/newsarchive/newsarchive/app/importer"
	"github.com/newsarchive/newsarchive/app/internal/apptest"
	"github.com/newsarchive/newsarchive/app/internal/corpus"
	"github.com/newsarchive/newsarchive/app/lookup"
	"github.com/newsarchive/newsarchive/app/search"
	"github.com/newsarchive/newsarchive/store"
)

// bbcArchive imports the BBC corpus (about a minute under -race); -short
// skips the tests that need it.
func bbcArchive(t *testing.T) *apptest.Archive {
	t.Helper()
	if testing.Short() {
		t.Skip("imports the BBC corpus; skipped with -short")
	}
	dir := corpus.Path(t, "corpus", "bbc")
	a := apptest.Open(t)
	if _, err := a.Importer.Import(context.Background(), []string{dir}, importer.Options{}); err != nil {
		t.Fatal(err)
	}
	return a
}

// TestBBC imports the BBC corpus once and runs the search and lookup checks
// over it.
func TestBBC(t *testing.T) {
	a := bbcArchive(t)
	t.Run("search", func(t *testing.T) { testSearchBBC(t, a) })
	t.Run("lookup", func(t *testing.T) { testLookupBBC(t, a) })
}

// testSearchBBC runs searches a researcher would type over the BBC corpus
// and checks that the stories a person expects come first, with marked
// snippets.
func testSearchBBC(t *testing.T, a *apptest.Archive) {
	ctx := context.Background()
	tests := []struct {
		query   string
		opt     search.Options
		minHits int
		top     int // how many of the first hits are checked
		want    func(h SearchHitView) bool
		marked  []string // words the first snippet marks (any case)
	}{
		{"Yukos", search.Options{}, 20, 5, func(h SearchHitView) bool { return h.has("yukos") }, []string{"yukos"}},
		{"Blair election", search.Options{}, 30, 5, func(h SearchHitView) bool {
			return h.has("blair") && h.has("election")
		}, []string{"blair", "election"}},
		{`"mobile phone"`, search.Options{}, 20, 5, func(h SearchHitView) bool { return h.has("mobile phone") }, []string{"mobile", "phone"}},
		{"econ*", search.Options{}, 100, 10, func(h SearchHitView) bool { return h.has("econ") }, []string{"econ"}},
		{"-football rugby", search.Options{}, 30, 10, func(h SearchHitView) bool {
			return h.has("rugby") && !h.has("football")
		}, []string{"rugby"}},
		{"Yukos", search.Options{Sort: "date", Limit: 3}, 20, 3, func(h SearchHitView) bool { return h.has("yukos") }, nil},
	}
	for _, tt := range tests {
		t.Run(tt.query, func(t *testing.T) {
			res, err := a.Search.Search(ctx, tt.query, tt.opt)
			if err != nil {
				t.Fatal(err)
			}
			if res.Total < tt.minHits || !res.TotalExact || len(res.Hits) == 0 {
				t.Fatalf("total %d (exact %v), %d hits; want at least %d", res.Total, res.TotalExact, len(res.Hits), tt.minHits)
			}
			for i, h := range res.Hits[:min(tt.top, len(res.Hits))] {
				v := view(a, t, h)
				if !tt.want(v) {
					t.Errorf("hit %d %q does not match what was asked", i, h.Title)
				}
			}
			sn := strings.ToLower(res.Hits[0].Snippet)
			for _, w := range tt.marked {
				if !strings.Contains(sn, store.MarkStart+w) {
					t.Errorf("first snippet %q does not mark %q", res.Hits[0].Snippet, w)
				}
			}
		})
	}
}

// SearchHitView is a hit with its article's full text, lower-cased.
type SearchHitView struct{ text string }

func (v SearchHitView) has(s string) bool { return strings.Contains(v.text, s) }

func view(a *apptest.Archive, t *testing.T, h store.SearchHit) SearchHitView {
	t.Helper()
	art, err := a.Store.Article(context.Background(), h.ID)
	if err != nil {
		t.Fatal(err)
	}
	return SearchHitView{strings.ToLower(art.Title + "\n" + art.Body)}
}

// testLookupBBC looks up titles of the BBC archive with typos.
func testLookupBBC(t *testing.T, a *apptest.Archive) {
	ctx := context.Background()
	tests := []struct {
		query string
		kind  lookup.Kind
		want  string
	}{
		{"Yukos unit buyer faces loan claim", lookup.KindTitle, "Yukos unit buyer faces loan claim"},
		{"yukos unti buyer", lookup.KindTitle, "Yukos unit buyer faces loan claim"},
		{"ad sales bost time warner", "", "Ad sales boost Time Warner profit"},
	}
	for _, tt := range tests {
		res, err := a.Search.Lookup(ctx, tt.query, tt.kind, 5)
		if err != nil {
			t.Fatal(err)
		}
		if len(res) == 0 || res[0].Text != tt.want || res[0].Kind != lookup.KindTitle {
			t.Errorf("lookup %q: %+v, want %q first", tt.query, res, tt.want)
		}
	}
}

// TestLookupFollowsArchive checks that the lookup index picks up new
// articles and drops deleted ones without being rebuilt.
func TestLookupFollowsArchive(t *testing.T) {
	a := apptest.Open(t)
	ctx := context.Background()
	dir := t.TempDir()
	apptest.WriteFile(t, dir, "a.txt", []byte("Harbour storm closes port\n\nA storm closed the harbour for two days, officials said on Monday.\n"))
	if _, err := a.Importer.Import(ctx, []string{dir}, importer.Options{}); err != nil {
		t.Fatal(err)
	}
	if res, err := a.Search.Lookup(ctx, "harbor strom", "", 5); err != nil || len(res) != 1 || res[0].Kind != lookup.KindTitle {
		t.Fatalf("first lookup: %+v %v", res, err)
	}
	dir2 := t.TempDir()
	apptest.WriteFile(t, dir2, "b.txt", []byte("Bridge vote delayed\n\nThe council delayed its vote on the new bridge until the spring, members said.\n"))
	if _, err := a.Importer.Import(ctx, []string{dir2}, importer.Options{}); err != nil {
		t.Fatal(err)
	}
	res, err := a.Search.Lookup(ctx, "brige vote", lookup.KindTitle, 5)
	if err != nil || len(res) != 1 || res[0].Text != "Bridge vote delayed" {
		t.Fatalf("after import: %+v %v", res, err)
	}
	if err := a.Store.DeleteArticle(ctx, res[0].ID); err != nil {
		t.Fatal(err)
	}
	if res, err := a.Search.Lookup(ctx, "bridge vote", "", 5); err != nil || len(res) != 0 {
		t.Errorf("after delete: %+v %v", res, err)
	}
	if _, err := a.Search.Lookup(ctx, "x", "planet", 5); !errors.Is(err, search.ErrBadQuery) {
		t.Errorf("bad kind: %v", err)
	}
}

// FuzzSearch feeds arbitrary text to Search and Lookup: each gives results
// or, for text without a word, the plain "type a word" message; never
// another error and never a panic.
func FuzzSearch(f *testing.F) {
	for _, s := range []string{"Yukos", `"mobile phone"`, "econ*", "-football rugby", `"unbalanced AND ( * ^`,
		"NOT", "OR OR", "a* b* -c*", "\x00\xff", `""""`, "col:umn", "NEAR(a b)", "-", "*", "é*", "日本 経済"} {
		f.Add(s)
	}
	a := apptest.Open(f)
	ctx := context.Background()
	dir := f.TempDir()
	text := "Economy grows in Geneva\n\nThe economy grew as mobile phone sales rose, officials in Geneva said.\n"
	if err := os.WriteFile(filepath.Join(dir, "a.txt"), []byte(text), 0o644); err != nil {
		f.Fatal(err)
	}
	if _, err := a.Importer.Import(ctx, []string{dir}, importer.Options{}); err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, text string) {
		_, err := a.Search.Search(ctx, text, search.Options{})
		if err != nil && !(errors.Is(err, search.ErrBadQuery) && strings.Contains(err.Error(), "type a word")) {
			t.Errorf("search %q: %v", text, err)
		}
		if _, err := a.Search.Search(ctx, text, search.Options{Sort: "date", From: "2000", Source: "x"}); err != nil && !errors.Is(err, search.ErrBadQuery) {
			t.Errorf("filtered search %q: %v", text, err)
		}
		if _, err := a.Search.Lookup(ctx, text, "", 10); err != nil {
			t.Errorf("lookup %q: %v", text, err)
		}
	})
}
