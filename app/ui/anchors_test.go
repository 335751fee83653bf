package ui

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/newsarchive/newsarchive/app/importer"
	"github.com/newsarchive/newsarchive/store"
)

// TestArticleListByKeys checks that the newest-first list read from its
// keys shows, page by page, what reading it with OFFSET shows, and that a
// reload reads the keys again.
func TestArticleListByKeys(t *testing.T) {
	defer func(n int) { anchorEvery = n }(anchorEvery)
	anchorEvery = 4
	ctx := context.Background()
	w, a := openWindow(t)
	dir := t.TempDir()
	for i := range 23 {
		date := ""
		if i%5 != 0 { // every fifth undated; the others on 6 dates
			date = fmt.Sprintf("\n\n%d March 2024", 1+i%6)
		}
		text := fmt.Sprintf("Harbour report %d%s\n\nThe harbour board met on the %dth and said little.\n", i, date, i)
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("a%02d.txt", i)), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := a.Importer.Import(ctx, []string{dir}, importer.Options{}); err != nil {
		t.Fatal(err)
	}
	v := w.articles
	v.reload()
	if v.keys.total != 23 || len(v.keys.keys) != 6 {
		t.Fatalf("keys for %d articles: %d; want 6 for 23", v.keys.total, len(v.keys.keys))
	}
	all, err := a.Search.Articles(ctx, store.SortDate, -1, 0)
	if err != nil || len(all) != 23 {
		t.Fatalf("articles: %d %v", len(all), err)
	}
	for offset := range len(all) + 1 {
		got, err := v.fetch(ctx, 3, offset)
		if err != nil {
			t.Fatal(err)
		}
		want := all[offset:min(offset+3, len(all))]
		if !slices.Equal(listingIDs(got), listingIDs(want)) {
			t.Errorf("offset %d: %v, want %v", offset, listingIDs(got), listingIDs(want))
		}
	}
	if row, ok := v.list.row(22); ok && row.ID != all[22].ID {
		t.Errorf("last row %d, want %d", row.ID, all[22].ID)
	}
}

func listingIDs(list []store.ArticleListing) []int64 {
	out := make([]int64, len(list))
	for i, l := range list {
		out[i] = l.ID
	}
	return out
}
