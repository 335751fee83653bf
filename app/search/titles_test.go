package search_test

import (
	"context"
	"fmt"
	"slices"
	"testing"

	"github.com/newsarchive/newsarchive/app/internal/apptest"
	"github.com/newsarchive/newsarchive/app/lookup"
	"github.com/newsarchive/newsarchive/app/search"
	"github.com/newsarchive/newsarchive/store"
)

// titlesArchive is an archive with alike titles and an entity named like
// some of them.
func titlesArchive(t *testing.T) *apptest.Archive {
	t.Helper()
	ctx := context.Background()
	a := apptest.Open(t)
	arts := []store.Article{
		{Title: "Storm closes harbour", Source: "Coast News", Published: "2004-03-01"},
		{Title: "Storm closes harbour", Source: "Valley Herald", Published: "2008-08-08"},
		{Title: "Harbour council meets on Monday", Source: "Coast News", Published: "2010-01-02"},
		{Title: "Stormy weather ahead for the harbour", Source: "Capital Times", Published: "2011-05-05"},
		{Title: "Budget vote delayed", Source: "Capital Times", Published: "2012-06-06"},
		{Title: "Council budget: harbour repairs first", Source: "Valley Herald", Published: ""},
	}
	for i := range arts {
		arts[i].Body, arts[i].ContentHash, arts[i].Origin = "The harbour council said so.", fmt.Sprint("h", i), "test"
	}
	if _, _, err := a.Store.CreateArticles(ctx, arts, make([]store.Original, len(arts))); err != nil {
		t.Fatal(err)
	}
	if _, err := a.Tagging.AddEntity(ctx, "Harbour Council", store.TypeOrg, 3); err != nil {
		t.Fatal(err)
	}
	return a
}

// TestLookupTitlesInStore looks up the same archive with its titles in the
// lookup index and, as at a large archive, through the store: for what is
// typed without typos both find the same titles, entities and sources,
// with the same scores and marked letters, best first; identical titles
// are both found, each with its source and date; entities keep their typo
// tolerance, titles found through the store lose theirs.
func TestLookupTitlesInStore(t *testing.T) {
	ctx := context.Background()
	a := titlesArchive(t)
	inMemory := search.New(a.Store)
	restore := search.SetTitlesInStoreAt(1)
	inStore := search.New(a.Store)
	if stored, err := inStore.TitlesInStore(ctx); err != nil || !stored {
		t.Fatalf("titles in store: %v %v", stored, err)
	}
	restore()
	if stored, err := inMemory.TitlesInStore(ctx); err != nil || stored {
		t.Fatalf("titles in memory: %v %v", stored, err)
	}
	type hit struct {
		Kind  lookup.Kind
		ID    int64
		Score int
		Pos   string
	}
	hits := func(res []lookup.Result) []hit {
		var out []hit
		for _, r := range res {
			out = append(out, hit{r.Kind, r.ID, r.Score, fmt.Sprint(r.Positions)})
		}
		// Ties may come in either order (the store's are newest first).
		slices.SortStableFunc(out, func(a, b hit) int {
			if a.Score != b.Score {
				return b.Score - a.Score
			}
			return int(a.ID - b.ID)
		})
		return out
	}
	for _, tt := range []struct {
		query string
		kind  lookup.Kind
		limit int
		want  int // results expected
	}{
		{"storm closes harbour", "", 10, 2},
		{"storm closes harbour", lookup.KindTitle, 10, 2},
		{"storm", "", 10, 3},
		{"harbour council", "", 10, 3},
		{"harb coun", "", 10, 3},
		{"harbour", "", 3, 3},
		{"council budget", lookup.KindTitle, 10, 1},
		{"valley", "", 10, 1},
		{"valley", lookup.KindTitle, 10, 0},
		{"harbour council", lookup.KindEntity, 10, 1},
		{"monday council", "", 10, 1},
		{"!!!", "", 10, 0},
	} {
		t.Run(fmt.Sprintf("%s/%s/%d", tt.query, tt.kind, tt.limit), func(t *testing.T) {
			want, err := inMemory.Lookup(ctx, tt.query, tt.kind, tt.limit)
			if err != nil {
				t.Fatal(err)
			}
			got, err := inStore.Lookup(ctx, tt.query, tt.kind, tt.limit)
			if err != nil {
				t.Fatal(err)
			}
			if len(want) != tt.want {
				t.Errorf("in memory: %d results, want %d: %+v", len(want), tt.want, want)
			}
			if g, w := hits(got), hits(want); !slices.Equal(g, w) {
				t.Errorf("through the store:\n%+v\nin memory:\n%+v", g, w)
			}
			for i := 1; i < len(got); i++ {
				if got[i].Score > got[i-1].Score {
					t.Errorf("result %d scores %d after %d", i, got[i].Score, got[i-1].Score)
				}
			}
		})
	}

	// Identical titles, told apart by source and date, newest first.
	found, err := inStore.LookupDescribed(ctx, "storm closes harbour", lookup.KindTitle, 5)
	if err != nil || len(found) != 2 || found[0].Source != "Valley Herald" || found[0].Published != "2008-08-08" ||
		found[1].Source != "Coast News" || found[1].Published != "2004-03-01" {
		t.Errorf("identical titles: %+v %v", found, err)
	}
	// Typos: the entity is still found, a title no longer.
	if res, err := inStore.Lookup(ctx, "harbor councel", lookup.KindEntity, 5); err != nil || len(res) != 1 {
		t.Errorf("entity with typos: %+v %v", res, err)
	}
	if res, err := inMemory.Lookup(ctx, "strom closes", lookup.KindTitle, 5); err != nil || len(res) != 2 {
		t.Errorf("title with a typo in memory: %+v %v", res, err)
	}
	if res, err := inStore.Lookup(ctx, "strom closes", lookup.KindTitle, 5); err != nil || len(res) != 0 {
		t.Errorf("title with a typo through the store: %+v %v", res, err)
	}
	// New and deleted articles are seen at once.
	ids, _, err := a.Store.CreateArticles(ctx, []store.Article{{Title: "Ferry strike ends", Body: "Boats sail.",
		ContentHash: "ferry", Origin: "test"}}, make([]store.Original, 1))
	if err != nil {
		t.Fatal(err)
	}
	if res, err := inStore.Lookup(ctx, "ferry str", "", 5); err != nil || len(res) != 1 || res[0].ID != ids[0] {
		t.Errorf("new article: %+v %v", res, err)
	}
	if err := a.Store.DeleteArticle(ctx, ids[0]); err != nil {
		t.Fatal(err)
	}
	if res, err := inStore.Lookup(ctx, "ferry str", "", 5); err != nil || len(res) != 0 {
		t.Errorf("deleted article: %+v %v", res, err)
	}
}

// TestLookupTitlesInStoreCancelled checks that a lookup whose context is
// done (a stale keystroke) stops with the context's error.
func TestLookupTitlesInStoreCancelled(t *testing.T) {
	defer search.SetTitlesInStoreAt(1)()
	a := titlesArchive(t)
	s := search.New(a.Store)
	if err := s.PrepareLookup(context.Background()); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := s.Lookup(ctx, "storm", "", 5); err == nil {
		t.Error("a cancelled lookup succeeded")
	}
}
