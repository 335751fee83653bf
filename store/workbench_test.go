package store

import (
	"context"
	"errors"
	"reflect"
	"testing"
	"time"
)

// fillWorkbench adds a highlight with tags, a collection with members and a
// watch to a test archive.
func fillWorkbench(t testing.TB, s *Store, ids []int64, t0 time.Time) {
	t.Helper()
	ctx := context.Background()
	if _, err := s.CreateHighlight(ctx, Highlight{ArticleID: ids[0], Quote: "quoted ✓", Start: 1, End: 5, Color: "key",
		Note: "a note", Tags: []string{"x", "y"}, Author: "ann", CreatedAt: t0}); err != nil {
		t.Fatal(err)
	}
	c, err := s.CreateCollection(ctx, Collection{Name: "Project", Description: "d", CreatedAt: t0,
		SearchQuery: "oil", SearchFilters: `{"source":"BBC"}`, SearchAt: t0})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.AddToCollection(ctx, c, ids[:2], t0); err != nil {
		t.Fatal(err)
	}
	if _, err := s.CreateWatch(ctx, Watch{Name: "Oil", Query: "oil", CreatedAt: t0, SeenMaxID: ids[0]}); err != nil {
		t.Fatal(err)
	}
}

func TestWorkbenchTables(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	ids := make([]int64, 3)
	for i := range ids {
		id, err := createArticleForTest(ctx, s, i)
		if err != nil {
			t.Fatal(err)
		}
		ids[i] = id
	}
	t0 := time.Date(2024, 1, 2, 3, 4, 5, 0, time.UTC)
	fillWorkbench(t, s, ids, t0)

	hs, err := s.Highlights(ctx, HighlightFilter{Tag: "X"})
	if err != nil || len(hs) != 1 || !reflect.DeepEqual(hs[0].Tags, []string{"x", "y"}) || hs[0].Author != "ann" {
		t.Fatalf("Highlights(tag X) = %+v, %v", hs, err)
	}
	if hs, _ := s.Highlights(ctx, HighlightFilter{Color: "contested"}); len(hs) != 0 {
		t.Errorf("Highlights(contested) = %+v", hs)
	}
	if hs, _ := s.Highlights(ctx, HighlightFilter{Entities: []int64{}}); len(hs) != 0 {
		t.Errorf("Highlights(no entity) = %+v", hs)
	}
	if _, err := s.CreateHighlight(ctx, Highlight{ArticleID: 9999, Quote: "q", Color: "key"}); !errors.Is(err, ErrNotFound) {
		t.Errorf("highlight on a missing article: %v", err)
	}
	if _, err := s.CreateCollection(ctx, Collection{Name: "PROJECT"}); !errors.Is(err, ErrNameTaken) {
		t.Errorf("second collection named project: %v", err)
	}
	c, err := s.CollectionByName(ctx, "project")
	if err != nil || c.Articles != 2 || c.SearchQuery != "oil" || !c.SearchAt.Equal(t0) {
		t.Fatalf("CollectionByName = %+v, %v", c, err)
	}
	if n, err := s.AddToCollection(ctx, c.ID, []int64{ids[1], ids[2]}, t0); n != 1 || err != nil {
		t.Errorf("AddToCollection = %d, %v; want 1 new", n, err)
	}
	if _, err := s.AddToCollection(ctx, c.ID, []int64{9999}, t0); !errors.Is(err, ErrNotFound) {
		t.Errorf("add a missing article: %v", err)
	}
	// Deleting an article takes its highlights and memberships with it.
	if err := s.DeleteArticle(ctx, ids[0]); err != nil {
		t.Fatal(err)
	}
	if hs, _ := s.Highlights(ctx, HighlightFilter{}); len(hs) != 0 {
		t.Errorf("highlights after deleting their article: %+v", hs)
	}
	if ms, _ := s.CollectionMembers(ctx, c.ID); len(ms) != 2 || ms[0].ID != ids[1] {
		t.Errorf("members after deleting one = %+v", ms)
	}
	if err := s.RenameCollection(ctx, c.ID, "Renamed"); err != nil {
		t.Fatal(err)
	}
	if _, err := s.CollectionByName(ctx, "project"); !errors.Is(err, ErrNotFound) {
		t.Errorf("old name after rename: %v", err)
	}
	w, err := s.WatchByName(ctx, "OIL")
	if err != nil || w.SeenMaxID != ids[0] || !w.OpenedAt.IsZero() {
		t.Fatalf("WatchByName = %+v, %v", w, err)
	}
	if err := s.MarkWatchSeen(ctx, w.ID, ids[2], t0); err != nil {
		t.Fatal(err)
	}
	if w, _ := s.WatchByName(ctx, "oil"); w.SeenMaxID != ids[2] || !w.OpenedAt.Equal(t0) {
		t.Errorf("after MarkWatchSeen = %+v", w)
	}
}

func createArticleForTest(ctx context.Context, s *Store, i int) (int64, error) {
	a := Article{Title: "Article", Body: "Body of article number " + string(rune('a'+i)) + ".", ContentHash: "h" + string(rune('a'+i)),
		Source: "BBC", Published: "2005-01-0" + string(rune('1'+i))}
	ids, errs, err := s.CreateArticles(ctx, []Article{a}, make([]Original, 1))
	if err != nil {
		return 0, err
	}
	return ids[0], errs[0]
}
