package search_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/newsarchive/newsarchive/app/internal/apptest"
	"github.com/newsarchive/newsarchive/app/lookup"
	"github.com/newsarchive/newsarchive/app/search"
	"github.com/newsarchive/newsarchive/store"
)

// TestLookupReadsInChunks builds the lookup index from an archive read a
// few articles at a time: every title is found, and each source once,
// whatever the chunk size, with the titles in the index or left to the
// store.
func TestLookupReadsInChunks(t *testing.T) {
	ctx := context.Background()
	for _, tc := range []struct {
		chunk   int
		inStore bool
	}{{1, false}, {3, false}, {4, false}, {100, false}, {3, true}, {100, true}} {
		t.Run(fmt.Sprint(tc.chunk, tc.inStore), func(t *testing.T) {
			defer search.SetLookupChunk(tc.chunk)()
			if tc.inStore {
				defer search.SetTitlesInStoreAt(1)()
			}
			a := apptest.Open(t)
			var arts []store.Article
			for i := range 10 {
				src := []string{"Harbour Courier", "Valley Herald"}[i%2]
				arts = append(arts, store.Article{Title: fmt.Sprintf("Storm report number %s", words[i]), Body: "Rain.",
					Source: src, ContentHash: fmt.Sprint("h", i), Origin: "test"})
			}
			if _, _, err := a.Store.CreateArticles(ctx, arts, make([]store.Original, len(arts))); err != nil {
				t.Fatal(err)
			}
			if err := a.Search.PrepareLookup(ctx); err != nil {
				t.Fatal(err)
			}
			for i := range arts {
				res, err := a.Search.Lookup(ctx, "storm report "+words[i], lookup.KindTitle, 3)
				if err != nil || len(res) == 0 || res[0].Text != arts[i].Title {
					t.Errorf("title %q: %+v %v", arts[i].Title, res, err)
				}
			}
			for _, name := range []string{"harbour courier", "valley herald"} {
				res, err := a.Search.Lookup(ctx, name, lookup.KindSource, 5)
				if err != nil || len(res) != 1 {
					t.Errorf("source %q: %+v %v; want it once", name, res, err)
				}
			}
		})
	}
}

var words = []string{"alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel", "india", "juliet"}
